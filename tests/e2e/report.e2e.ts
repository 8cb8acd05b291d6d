/**
 * The real-browser suite, reports (issue 24, item 4): `mpp report`'s HTML opens with every network request
 * blocked and attempts none; in the app, the run, compare and size pages print an A4 report — only the report
 * (no navigation, form or button text), with its headings, within a stated number of pages, and every table
 * within the report's width at A4 (nothing cut off at the paper's right edge). Screenshots and the
 * PDFs go to tests/e2e/screenshots/report-* (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSession, ROOT, SHOTS, startRun, waitForOption, waitForRunDone, waitForStatus, watchErrors, type Session } from './browser';

let session: Session;
let page: Page;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'mpp-report-e2e-'));

/** Pages of Kota Bengkulu's run report at most: cover and KPIs, 21 agencies, three charts (measured: 4). */
const RUN_PAGES = 7;
/** Pages of its comparison with the L20 move at most: verdict, KPIs, 21 agencies, the overlay (measured: 4). */
const COMPARE_PAGES = 7;
/** Pages of a regency's sizing report at most: counters, why, staff, seats, KPIs, three charts (measured: 5). */
const SIZE_PAGES = 8;
/** Text of the app around a report, none of which may be printed: navigation, footer, buttons, forms. */
const NOT_PRINTED = ['MPP Planner\n', 'Skenario\nBandingkan', 'Ukur loket\nKalibrasi', 'Bahasa', 'Cetak / Simpan PDF', 'Unduh', 'Jalankan ulang', 'Batal'];

beforeAll(async () => {
	session = await openSession('report-');
	({ page, base } = session);
});

afterAll(async () => {
	await session?.close();
});

/** A PDF's page size (pt) from its first MediaBox and its number of pages. */
function pdfFacts(pdf: Buffer): { width: number; height: number; pages: number } {
	const text = pdf.toString('latin1');
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
	return { width: Number(box?.[1]), height: Number(box?.[2]), pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length };
}

/** A4 portrait is 595.3 × 841.9 pt; Chromium's MediaBox rounds its pixels (596 × 843). */
function expectA4(pdf: { width: number; height: number }): void {
	expect(Math.abs(pdf.width - 595.3)).toBeLessThan(1.5);
	expect(Math.abs(pdf.height - 841.9)).toBeLessThan(1.5);
}

/** A4's width in CSS pixels (210 mm at 96 px an inch): the viewport a print is laid out at. */
const A4_WIDTH = 794;

/**
 * Under print media at A4 width, the right edge of every table of the report (getBoundingClientRect) against the
 * report's content box: what sticks out would be cut off on paper. Returns the tables that stick out.
 */
async function tablesPastEdge(kind: string, p: Page = page): Promise<string[]> {
	const size = p.viewportSize();
	await p.setViewportSize({ width: A4_WIDTH, height: 1123 });
	try {
		return await p.evaluate((k) => {
			const report = document.querySelector(`[data-testid="report-${k}"]`)!;
			const box = report.getBoundingClientRect();
			const right = box.left + report.clientLeft + report.clientWidth;
			return [...report.querySelectorAll('table')]
				.filter((t) => t.getBoundingClientRect().right > right + 0.5)
				.map((t) => `${t.querySelector('caption')?.textContent ?? '?'}: ${Math.round(t.getBoundingClientRect().right - right)} px past the edge`);
		}, kind);
	} finally {
		if (size) await p.setViewportSize(size);
	}
}

/** Writes `mpp report` for `args` to a file in `dir` and returns its file: URL. */
function cliReport(name: string, args: string[]): string {
	const out = join(dir, name);
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/mpp.mjs'), 'report', ...args, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
	expect(r.status, r.stderr).toBe(0);
	return pathToFileURL(out).href;
}

/**
 * Prints the page as the browser would (print media; the report is rendered on it), checks that only the report
 * shows, with `headings`, and returns the A4 PDF's facts. Print media is emulated first: the report exists only
 * while a page is printed.
 */
async function printed(kind: 'run' | 'compare' | 'size', headings: string[]): Promise<{ width: number; height: number; pages: number }> {
	await page.waitForSelector('[data-testid="print-report"]');
	await page.emulateMedia({ media: 'print' });
	try {
		await page.waitForSelector(`[data-testid="report-${kind}"]`, { state: 'visible' });
		const visible = await page.evaluate(() => document.body.innerText);
		for (const h of headings) expect(visible).toContain(h);
		for (const t of NOT_PRINTED) expect(visible).not.toContain(t);
		expect(await page.locator('button:visible, input:visible, select:visible, nav:visible, header.app-header:visible').count()).toBe(0);
		expect(await page.locator(`[data-testid="report-${kind}"] table`).count()).toBeGreaterThan(0);
		expect(await tablesPastEdge(kind)).toEqual([]);
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		writeFileSync(join(SHOTS, `report-${kind}.pdf`), pdf); // to look at, beside the screenshots
		const facts = pdfFacts(pdf);
		await session.shot(`${kind}-printed`);
		return facts;
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
}

describe('reports', () => {
	test("mpp report's HTML opens with the network blocked and asks for nothing", async () => {
		const url = cliReport('kota.html', ['scenarios/kota-bengkulu.json', '--compare', 'scenarios/variants/kota-bengkulu-l20-dukcapil.json', '-r', '3']);
		const attempted: string[] = [];
		const p = await session.context.newPage();
		await p.route('**/*', (route) => {
			const u = route.request().url();
			if (u === url) return route.continue();
			attempted.push(u);
			return route.abort();
		});
		await p.goto(url);
		await p.waitForSelector('[data-testid="report-compare"]');
		expect(await p.locator('svg').count()).toBeGreaterThan(0);
		expect(attempted).toEqual([]);
		await p.emulateMedia({ media: 'print' });
		expect(await tablesPastEdge('compare', p)).toEqual([]);
		await p.close();
	});

	test("mpp report's run and sizing reports in English keep every table within A4's width in print", async () => {
		const p = await session.context.newPage();
		await p.emulateMedia({ media: 'print' });
		for (const [kind, args] of [
			['run', ['scenarios/kota-bengkulu.json', '-r', '2', '--lang', 'en']],
			['size', ['scenarios/lebong.json', '--size', '-r', '4', '--lang', 'en']]
		] as const) {
			await p.goto(cliReport(`${kind}-en.html`, [...args]));
			expect(await p.locator(`[data-testid="report-${kind}"] table`).count()).toBeGreaterThan(1);
			expect(await tablesPastEdge(kind, p), kind).toEqual([]);
		}
		await p.close();
	});

	test('the run page prints Kota Bengkulu\'s report on A4 and nothing else', async () => {
		const errors = watchErrors(page);
		await page.goto(`${base}/run?ref=shipped:kota-bengkulu`);
		await page.waitForSelector('[data-testid="run-button"]:not([disabled])');
		await startRun(page, 3);
		await waitForRunDone(page);
		expect(await page.locator('[data-testid="print-report-block"]').count()).toBe(0); // on screen: no hidden twin
		const pdf = await printed('run', ['Laporan simulasi: MPP Kota Bengkulu', 'Asumsi', 'Indikator utama terhadap target', 'Per instansi', 'Sebaran waktu tunggu']);
		console.log(`e2e: Kota Bengkulu's run report: ${pdf.pages} A4 pages`);
		expectA4(pdf);
		expect(pdf.pages).toBeGreaterThanOrEqual(2);
		expect(pdf.pages).toBeLessThanOrEqual(RUN_PAGES);
		// Back on screen, the page is as it was.
		expect(await page.locator('[data-testid="print-report-block"]').count()).toBe(0);
		expect(await page.isVisible('[data-testid="results-dashboard"]')).toBe(true);
		expect(errors).toEqual([]);
	});

	test('the compare page prints the comparison with the L20 move, its verdict first', async () => {
		const errors = watchErrors(page);
		const variant = JSON.parse(readFileSync(join(ROOT, 'scenarios/variants/kota-bengkulu-l20-dukcapil.json'), 'utf8'));
		await page.goto(base + '/');
		await page.setInputFiles('[data-testid="import-file"]', { name: 'l20.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(variant)) });
		await page.waitForSelector('[data-testid="import-notice"]');
		await page.goto(base + '/compare');
		await waitForOption(page, 'compare-pick-0', 'shipped:kota-bengkulu');
		const ref = await page.waitForFunction(
			(name) => [...document.querySelectorAll<HTMLOptionElement>('[data-testid="compare-pick-1"] option')].find((o) => o.textContent?.startsWith(name))?.value,
			variant.name as string
		);
		await page.selectOption('[data-testid="compare-pick-0"]', 'shipped:kota-bengkulu');
		await page.selectOption('[data-testid="compare-pick-1"]', (await ref.jsonValue()) as string);
		await page.fill('[data-testid="compare-replications"]', '4');
		await page.click('[data-testid="compare-run"]');
		expect(await waitForStatus(page, 'compare-setup', ['done', 'error'])).toBe('done');
		const pdf = await printed('compare', ['Laporan perbandingan', 'Kesimpulan', 'Bank Bengkulu', 'Indikator utama per skenario', 'Untung dan rugi per instansi']);
		console.log(`e2e: the L20 comparison's report: ${pdf.pages} A4 pages`);
		expectA4(pdf);
		expect(pdf.pages).toBeLessThanOrEqual(COMPARE_PAGES);
		expect(errors).toEqual([]);
	});

	test("the size page prints a regency's sizing from the wizard: counters, staff and waiting-room seats", async () => {
		const errors = watchErrors(page);
		await page.goto(base + '/size');
		// The page is prerendered: a click before it has hydrated and loaded its choices would be undone.
		await waitForOption(page, 'size-scenario', 'shipped:lebong');
		await page.check('[data-testid="size-wizard"]');
		await page.selectOption('[data-testid="size-preset"]', 'lebong');
		await page.fill('[data-testid="size-replications"]', '6');
		await page.click('[data-testid="size-run"]');
		expect(await waitForStatus(page, 'size-setup', ['done', 'error'], 120_000)).toBe('done');
		// The seats the page shows for a companions factor the user set are the ones the report prints.
		await page.fill('[data-testid="size-companions"]', '2');
		await page.waitForFunction(() => document.querySelector('[data-testid="size-seats"]')?.getAttribute('data-companions') === '2');
		const seats = await page.getAttribute('[data-testid="size-seats"]', 'data-seats');
		expect(Number(seats)).toBeGreaterThan(0);
		await page.emulateMedia({ media: 'print' });
		const printedSeats = page.locator('[data-testid="report-seats"]');
		expect(await printedSeats.getAttribute('data-seats')).toBe(seats);
		expect(await printedSeats.getAttribute('data-companions')).toBe('2');
		expect(await page.textContent('[data-testid="report-seats-value"]')).toBe(seats);
		expect(await printedSeats.textContent()).toContain('Faktor pendamping 2 ditetapkan oleh pengguna');
		await page.emulateMedia({ media: 'screen' });
		const pdf = await printed('size', ['Laporan kebutuhan loket', 'Loket per instansi', 'Mengapa jumlah loket ini', 'Petugas per instansi', 'Ruang tunggu untuk rencana gedung', 'Hasil tata letak yang diukur']);
		console.log(`e2e: the Lebong wizard's sizing report: ${pdf.pages} A4 pages`);
		expectA4(pdf);
		expect(pdf.pages).toBeLessThanOrEqual(SIZE_PAGES);
		expect(errors).toEqual([]);
	});
});

