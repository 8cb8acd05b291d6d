/**
 * The real-browser suite, the calibrate page (/calibrate): reached from the header, the sample log calibrated in a
 * Web Worker (the page never blocks: no main-thread task of 200 ms or more while it reads and fits), the column
 * mapping, the quality report, the fits with their charts and the demand charts; the scenario saved and opened in
 * the editor; back on the page, the validation and its verdict. The full flow in Bahasa Indonesia, a shorter one in
 * English with a cancelled validation and the log replayed through another layout (Lebong's), and a faulty log chosen with the file picker (a column fixed with its
 * drop-down, rejected rows listed by line). Screenshots go to tests/e2e/screenshots/calibrate-NN-*.png (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chartMarks, forgetSavedData, openSession, ROOT, savedScenario, waitForStatus, watchErrors, type Session } from './browser';

/** The sample's data rows (samples/README.md). */
const SAMPLE_ROWS = 4469;
/** The bound on a main-thread task while a log is read and fitted. */
const LONG_TASK_MS = 200;

let session: Session;
let page: Page;
let base: string;

const shot = (name: string) => session.shot(name);

beforeAll(async () => {
	session = await openSession('calibrate-');
	({ page, base } = session);
});

afterAll(async () => {
	await session?.close();
});

/**
 * The sample with faults a real log has: its issue-time column under a name not looked for ("ambil"), a call before
 * the ticket (line 3), a time that is no time (line 5) and a status word nobody knows (line 8).
 */
function faultyLog(): string {
	const lines = readFileSync(join(ROOT, 'samples/contoh-log-sintetis-mpp.csv'), 'utf8').split('\n');
	lines[0] = lines[0].replace('jam_ambil', 'ambil');
	const set = (line: number, column: number, value: string) => {
		const cells = lines[line - 1].split(';');
		cells[column] = value;
		lines[line - 1] = cells.join(';');
	};
	set(3, 7, '07:00:00');
	set(5, 6, '25:99');
	set(8, 10, 'entah');
	return lines.join('\n');
}

/** Starts recording the page's long tasks (the Long Tasks API); `longestTask` reads the longest so far. */
async function watchLongTasks(p: Page): Promise<void> {
	await p.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.longTasks.push(e.duration);
		}).observe({ type: 'longtask' });
	});
}

function longestTask(p: Page): Promise<number> {
	return p.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
}

/** Opens /calibrate from the header's link and calibrates the sample; returns the longest main-thread task meanwhile. */
async function calibrateSample(p: Page): Promise<number> {
	await p.click('[data-testid="nav-calibrate"]');
	await p.waitForURL((u) => u.pathname === '/calibrate');
	await p.waitForSelector('[data-testid="calibrate-sample"]');
	await watchLongTasks(p);
	await p.click('[data-testid="calibrate-sample"]');
	expect(await waitForStatus(p, 'calibrate-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
	await p.waitForSelector('[data-testid="chart-fit-histogram"] svg .marks rect', { state: 'attached' });
	await p.waitForSelector('[data-testid="chart-demand-profile"] svg .marks rect', { state: 'attached' });
	return longestTask(p);
}

/** Runs the validation with `replications` and waits for its verdict; returns the verdict. */
async function validate(p: Page, replications: number): Promise<string> {
	await p.fill('[data-testid="validate-replications"]', String(replications));
	await p.click('[data-testid="validate-run"]');
	expect(await waitForStatus(p, 'calibrate-validate', ['done', 'error', 'cancelled'], 90_000), (await p.textContent('[data-testid="calibrate-validate"]')) ?? '').toBe('done');
	const verdict = (await p.getAttribute('[data-testid="validation-verdict"]', 'data-verdict')) ?? '';
	expect(['agrees', 'differs', 'too-few']).toContain(verdict);
	return verdict;
}

/** Every cell of the validation table says something: a figure or why there is none, never a blank. */
async function expectNoBlankCell(p: Page): Promise<void> {
	const blanks = await p.locator('[data-testid="validation-table"] tbody :is(td, th)').evaluateAll((cells) => cells.filter((c) => (c.textContent ?? '').trim() === '').length);
	expect(blanks).toBe(0);
}

describe('Calibrate page in Chromium', () => {
	test('id: the sample log calibrated from the header, its mapping, quality, fits and demand; saved into the editor; back and validated', async () => {
		await forgetSavedData(page, base);
		const errors = watchErrors(page);
		await page.goto(base + '/');
		await page.waitForSelector('[data-testid="home-calibrate-link"]');
		const longest = await calibrateSample(page);
		console.log(`e2e calibrate: longest main-thread task while the sample was read and fitted: ${longest.toFixed(0)} ms`);
		expect(longest).toBeLessThan(LONG_TASK_MS);

		// The mapping: found by name, one drop-down per field.
		expect(await page.inputValue('[data-testid="map-issued"]')).toBe('jam_ambil');
		expect(await page.inputValue('[data-testid="map-service"]')).toBe('jenis_layanan');
		expect(await page.inputValue('[data-testid="map-counter"]')).toBe('no_loket');
		expect(await page.inputValue('[data-testid="map-start"]')).toBe('');
		// The quality report: every row read, most used, downloadable.
		expect(Number(await page.getAttribute('[data-testid="quality-read"]', 'data-value'))).toBe(SAMPLE_ROWS);
		const used = Number(await page.getAttribute('[data-testid="quality-used"]', 'data-value'));
		expect(used).toBeGreaterThan(0.9 * SAMPLE_ROWS);
		const rejected = Number(await page.getAttribute('[data-testid="quality-rejected-total"]', 'data-value'));
		expect(used + rejected).toBe(SAMPLE_ROWS);
		const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="quality-download"]')]);
		expect(csv.suggestedFilename()).toMatch(/\.csv$/);
		expect(await page.textContent('h1')).toBe('Kalibrasi dari log antrean');
		await shot('id-calibrated');

		// Fits: a row per service, downloadable; choosing another redraws its histogram and Q-Q plot.
		const rows = page.locator('[data-testid="fit-row"]');
		expect(await rows.count()).toBeGreaterThan(10);
		const [fits] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="fits-download"]')]);
		expect(readFileSync((await fits.path())!, 'utf8').trim().split('\n')).toHaveLength((await rows.count()) + 1);
		expect(await chartMarks(page, 'fit-histogram', '.marks rect')).toBeGreaterThanOrEqual(8);
		expect(await chartMarks(page, 'fit-qq', '.marks circle')).toBeGreaterThan(10);
		const firstTitle = await page.textContent('[data-testid="chart-fit-histogram"] h3');
		await rows.nth(1).locator('button').click();
		await page.waitForFunction((t) => document.querySelector('[data-testid="chart-fit-histogram"] h3')?.textContent !== t, firstTitle);
		expect(await rows.nth(1).locator('button').getAttribute('aria-pressed')).toBe('true');
		// Demand: the sample's weekdays are Monday to Friday; half-hour bins of arrivals.
		// What the library noticed and how it estimated patience, in the reader's language (not the CLI's English).
		expect(await page.textContent('[data-testid="calibrate-quality"] .notes')).toContain('Tidak ada kolom mulai dilayani');
		expect(await page.textContent('[data-testid="demand-patience"]')).toMatch(/^Kesabaran: eksponensial dengan rata-rata [\d,]+ menit/);
		expect(await chartMarks(page, 'demand-weekday', '.marks rect')).toBe(5);
		expect(await chartMarks(page, 'demand-profile', '.marks rect')).toBeGreaterThan(10);

		// Changing a column reads the log again: without the counter column, calibration still runs.
		await page.selectOption('[data-testid="map-counter"]', '');
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error'], 90_000)).toBe('done');
		expect(await page.inputValue('[data-testid="map-counter"]')).toBe('');
		await page.selectOption('[data-testid="map-counter"]', 'no_loket');
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error'], 90_000)).toBe('done');

		// The scenario's notes say where its numbers come from.
		await page.click('[data-testid="calibrate-notes"] summary');
		expect(await page.textContent('[data-testid="calibrate-notes"] pre')).toContain('contoh-log-sintetis-mpp.csv');

		// Save: the scenario lands among the saved ones and opens in the editor.
		await page.click('[data-testid="calibrate-save"]');
		await page.waitForURL((u) => u.pathname === '/edit');
		const key = new URL(page.url()).searchParams.get('ref') ?? '';
		await page.waitForSelector('[data-testid^="counter-row-"]', { timeout: 15_000 });
		const saved = await savedScenario(page, key);
		expect(saved?.agencies?.length).toBeGreaterThan(3);
		expect(saved?.notes ?? '').toMatch(/contoh-log-sintetis-mpp\.csv/);
		await shot('id-editor');

		// Back: the calibration is still there, and the validation compares the saved scenario with the log.
		await page.goBack();
		await page.waitForURL((u) => u.pathname === '/calibrate');
		await page.waitForSelector('[data-testid="calibrate-saved"]');
		await watchLongTasks(page);
		await validate(page, 3);
		await page.waitForSelector('[data-testid="chart-validation-hourly"] svg .marks path', { state: 'attached' });
		const longestValidating = await longestTask(page);
		console.log(`e2e calibrate: longest main-thread task while validating and showing the verdict: ${longestValidating.toFixed(0)} ms`);
		expect(longestValidating).toBeLessThan(LONG_TASK_MS);
		expect(await page.textContent('[data-testid="calibrate-validate"]')).toContain('skenario tersimpan');
		expect(await page.locator('[data-testid="validation-table"] tbody tr').count()).toBe((saved?.agencies?.length ?? 0) + 1);
		await expectNoBlankCell(page);
		expect(await chartMarks(page, 'validation-cdf', '.marks path')).toBe(3);
		expect(await chartMarks(page, 'validation-hourly', '.marks path')).toBe(3);
		await shot('id-validated');
		expect(errors).toEqual([]);
	});

	test('en: calibrate the sample, cancel a long validation, validate and read the verdict in English, then replay the log through another layout', async () => {
		await forgetSavedData(page, base);
		const errors = watchErrors(page);
		await page.goto(base + '/');
		await page.waitForSelector('[data-testid="home-calibrate-link"]');
		await page.selectOption('[data-testid="lang-switch"]', 'en');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await calibrateSample(page);
		expect(await page.textContent('h1')).toBe('Calibrate from a queue log');
		expect(await page.textContent('[data-testid="calibrate-quality"] h2')).toBe('Data quality');
		expect(await page.textContent('[data-testid="calibrate-quality"] .notes')).toContain('No service-start column');
		expect(await page.textContent('[data-testid="demand-patience"]')).toMatch(/^Patience: exponential with mean [\d.]+ minutes/);

		// A long validation can be cancelled; the page says so.
		await page.fill('[data-testid="validate-replications"]', '1000');
		await page.click('[data-testid="validate-run"]');
		await page.waitForSelector('[data-testid="validate-cancel"]');
		await page.click('[data-testid="validate-cancel"]');
		expect(await waitForStatus(page, 'calibrate-validate', ['cancelled', 'done', 'error'])).toBe('cancelled');

		const verdict = await validate(page, 2);
		const words = { agrees: 'Agrees', differs: 'Differs', 'too-few': 'Too few data' } as const;
		expect((await page.textContent('[data-testid="validation-verdict"]'))?.trim()).toBe(words[verdict as keyof typeof words]);
		expect(await page.textContent('[data-testid="calibrate-validate"]')).toContain('the calibrated scenario');
		await expectNoBlankCell(page);
		await shot('en-validated');

		// Another layout: the log's days replayed through Lebong's counters; the log's services Lebong lacks are named.
		await page.selectOption('[data-testid="validate-layout"]', 'shipped:lebong');
		await validate(page, 2);
		expect(await page.textContent('[data-testid="calibrate-validate"]')).toContain('“MPP Kabupaten Lebong” — the log');
		expect(await page.textContent('[data-testid="validation-unmatched"]')).toMatch(/agency\/service pairs of the log/);
		await expectNoBlankCell(page);
		expect(errors).toEqual([]);
	});

	test('id: a log chosen with the file picker, its issue time under another name: the problem named, fixed with the drop-down; rejected rows listed with their lines', async () => {
		await forgetSavedData(page, base);
		const errors = watchErrors(page);
		await page.goto(base + '/calibrate');
		await page.waitForSelector('[data-testid="calibrate-sample"]');
		// The language chosen last is remembered: this flow reads the page in Bahasa Indonesia.
		await page.selectOption('[data-testid="lang-switch"]', 'id');
		await page.waitForFunction(() => document.documentElement.lang === 'id');
		await page.setInputFiles('[data-testid="calibrate-file"]', { name: 'log-rusak.csv', mimeType: 'text/csv', buffer: Buffer.from(faultyLog(), 'utf8') });
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error', 'cancelled'])).toBe('error');
		expect(await page.textContent('[data-testid="calibrate-problems"]')).toContain('Tidak ada kolom untuk “Waktu ambil tiket”');
		expect(await page.inputValue('[data-testid="map-issued"]')).toBe('');
		await page.selectOption('[data-testid="map-issued"]', 'ambil');
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
		expect(await page.textContent('[data-testid="calibrate-file-name"]')).toContain('log-rusak.csv');
		const rejected = async (reason: string) => (await page.textContent(`[data-testid="quality-rejected"] tr[data-reason="${reason}"] td.lines`))?.trim();
		expect(await rejected('call-before-issue')).toBe('3');
		expect(await rejected('bad-time')).toBe('5');
		expect(await rejected('unknown-status')).toBe('8');
		expect(await page.textContent('[data-testid="quality-rejected"] tr[data-reason="bad-time"] th')).toBe('Waktu tidak terbaca');
		// The column at fault is named beside the lines: line 5's unreadable time is in the column mapped by hand.
		expect((await page.textContent('[data-testid="quality-rejected"] tr[data-reason="bad-time"] td.columns'))?.trim()).toBe('ambil');
		expect((await page.textContent('[data-testid="quality-rejected"] tr[data-reason="unknown-status"] td.columns'))?.trim()).toBe('status');
		expect(Number(await page.getAttribute('[data-testid="quality-rejected-total"]', 'data-value'))).toBe(3);
		const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="quality-download"]')]);
		const text = readFileSync((await csv.path())!, 'utf8');
		expect(text).toContain('bad-time,5,ambil');
		await shot('id-faulty-log');
		expect(errors).toEqual([]);
	});

	test('a log dropped on the box is read like a chosen one', async () => {
		await page.goto(base + '/calibrate');
		await page.waitForSelector('[data-testid="calibrate-sample"]');
		const errors = watchErrors(page);
		await page.evaluate((text) => {
			const data = new DataTransfer();
			data.items.add(new File([text], 'dijatuhkan.csv', { type: 'text/csv' }));
			const zone = document.querySelector('[data-testid="calibrate-drop"]')!;
			zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
			zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
		}, faultyLog());
		// The faulty log's issue time is under a name not looked for: the page asks for it.
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error', 'cancelled'])).toBe('error');
		expect(await page.textContent('[data-testid="calibrate-file-name"]')).toContain('dijatuhkan.csv');
		expect(await page.locator('[data-testid="map-issued"] option').count()).toBe(14);
		expect(errors).toEqual([]);
	});
});
