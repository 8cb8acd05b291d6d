/**
 * The real-browser suite, the calibrate page (/calibrate): reached from the header, the sample log calibrated in a
 * Web Worker (the page never blocks: no main-thread task of 200 ms or more while it reads and fits), the column
 * mapping, the quality report, the fits with their charts and the demand charts; the scenario saved and opened in
 * the editor; back on the page, the validation and its verdict. The full flow in Bahasa Indonesia, a shorter one in
 * English with a cancelled validation. Screenshots go to tests/e2e/screenshots/calibrate-NN-*.png (git-ignored).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chartMarks, forgetSavedData, openSession, savedScenario, waitForStatus, watchErrors, type Session } from './browser';

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

		// Fits: a row per service; choosing another redraws its histogram and Q-Q plot.
		const rows = page.locator('[data-testid="fit-row"]');
		expect(await rows.count()).toBeGreaterThan(10);
		expect(await chartMarks(page, 'fit-histogram', '.marks rect')).toBeGreaterThanOrEqual(8);
		expect(await chartMarks(page, 'fit-qq', '.marks circle')).toBeGreaterThan(10);
		const firstTitle = await page.textContent('[data-testid="chart-fit-histogram"] h3');
		await rows.nth(1).locator('button').click();
		await page.waitForFunction((t) => document.querySelector('[data-testid="chart-fit-histogram"] h3')?.textContent !== t, firstTitle);
		expect(await rows.nth(1).locator('button').getAttribute('aria-pressed')).toBe('true');
		// Demand: the sample's weekdays are Monday to Friday; half-hour bins of arrivals.
		expect(await chartMarks(page, 'demand-weekday', '.marks rect')).toBe(5);
		expect(await chartMarks(page, 'demand-profile', '.marks rect')).toBeGreaterThan(10);

		// Changing a column reads the log again: without the counter column, calibration still runs.
		await page.selectOption('[data-testid="map-counter"]', '');
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error'], 90_000)).toBe('done');
		expect(await page.inputValue('[data-testid="map-counter"]')).toBe('');
		await page.selectOption('[data-testid="map-counter"]', 'no_loket');
		expect(await waitForStatus(page, 'calibrate-setup', ['done', 'error'], 90_000)).toBe('done');

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
		await validate(page, 3);
		expect(await page.textContent('[data-testid="calibrate-validate"]')).toContain('skenario tersimpan');
		expect(await page.locator('[data-testid="validation-table"] tbody tr').count()).toBe((saved?.agencies?.length ?? 0) + 1);
		await expectNoBlankCell(page);
		expect(await chartMarks(page, 'validation-cdf', '.marks path')).toBe(3);
		expect(await chartMarks(page, 'validation-hourly', '.marks path')).toBe(3);
		await shot('id-validated');
		expect(errors).toEqual([]);
	});

	test('en: calibrate the sample, cancel a long validation, then validate and read the verdict in English', async () => {
		await forgetSavedData(page, base);
		const errors = watchErrors(page);
		await page.goto(base + '/');
		await page.waitForSelector('[data-testid="home-calibrate-link"]');
		await page.selectOption('[data-testid="lang-switch"]', 'en');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await calibrateSample(page);
		expect(await page.textContent('h1')).toBe('Calibrate from a queue log');
		expect(await page.textContent('[data-testid="calibrate-quality"] h2')).toBe('Data quality');

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
		expect(errors).toEqual([]);
	});
});
