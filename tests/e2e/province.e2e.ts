/**
 * The real-browser suite, the province plan (issue 25): /provinsi computes the plan of the ten regions in Web
 * Workers (2 replications per layout, to keep the test quick), keeps it across a reload, opens Kaur's sized
 * scenario in the editor with regency names, and prints an A4 report with one section per region.
 */
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSession, ROOT, SHOTS, shippedScenario, waitForStatus, watchErrors, type Session } from './browser';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { inProcessEvaluate } from '../../src/lib/planning/evaluate';
import { planProvince } from '../../src/lib/planning/province';
import { parseProvince } from '../../src/lib/planning/provinceData';

let session: Session;
let page: Page;
let base: string;

beforeAll(async () => {
	session = await openSession('province-');
	({ page, base } = session);
});

afterAll(async () => {
	await session?.close();
});

/** axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it is: the rule ids violated and where. */
async function axeViolations(p: Page): Promise<string[]> {
	if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
	return p.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<AxeResults> } }).axe;
		const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).slice(0, 3).join(', ')}`);
	});
}

/** A4 portrait is 595.3 × 841.9 pt; Chromium's MediaBox rounds its pixels. */
function pdfFacts(pdf: Buffer): { width: number; height: number; pages: number } {
	const text = pdf.toString('latin1');
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
	return { width: Number(box?.[1]), height: Number(box?.[2]), pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length };
}

/**
 * Cover, method, totals and table, chart, then the regions, two regencies to a page (the city's on its own): ten
 * pages. Eleven leaves room for a longer lead or an agency more, not for a region per page (fourteen).
 */
const MAX_REPORT_PAGES = 11;

/** What a reader of each language must and must not find in the report (its texts come from the province file). */
const REPORT_TEXT = {
	id: { has: ['Metode dan asumsi', 'Kepala DPMPTSP Kota Bengkulu', 'Bengkulu Ekspres, 11 September 2023', 'Rincian per wilayah'], money: /Rp \d{1,3}(\.\d{3})+/, not: /head of DPMPTSP/ },
	en: { has: ['Method and assumptions', 'the head of DPMPTSP Kota Bengkulu', 'Bengkulu Ekspres, 11 September 2023', 'Region by region'], money: /Rp \d{1,3}(,\d{3})+/, not: /Kepala DPMPTSP/ }
} as const;

/**
 * Prints the report in the page's language (print media, as Chromium lays it out on A4), checks its words, that no
 * element reaches past the right edge of A4's printable width, and saves the PDF; returns its page count.
 */
async function printReport(lang: 'id' | 'en'): Promise<number> {
	await page.emulateMedia({ media: 'print' });
	await page.waitForSelector('[data-testid="province-report"]', { state: 'attached' });
	expect(await page.locator('[data-testid="province-report-region"]').count()).toBe(10);
	const text = (await page.textContent('[data-testid="province-report"]'))!;
	for (const words of REPORT_TEXT[lang].has) expect(text, lang).toContain(words);
	expect(text, lang).toMatch(REPORT_TEXT[lang].money);
	expect(text, lang).not.toMatch(REPORT_TEXT[lang].not);
	// Developer references stay in the province file's provenance fields, never on paper.
	expect(text, lang).not.toMatch(/sources\/|\.txt\b|docs\/|issue 25/);
	// A4 less the 12 mm side margins is 186 mm ≈ 703 px: laid out at that width, nothing may stick out.
	await page.setViewportSize({ width: 703, height: 1000 });
	const wide = await page.evaluate(() => {
		const report = document.querySelector('[data-testid="province-report"]')!;
		const right = report.getBoundingClientRect().right + 1;
		// An element past the report's edge, or a cell whose text runs out of it (a heading that does not wrap).
		const textRight = (e: Element) => {
			const range = document.createRange();
			range.selectNodeContents(e);
			return range.getBoundingClientRect().right;
		};
		const out = (e: Element) => e.getBoundingClientRect().right > right || (/^T[HD]$/.test(e.tagName) && textRight(e) > e.getBoundingClientRect().right + 1);
		return [...report.querySelectorAll('*')].filter(out).map((e) => `${e.tagName} ${e.textContent?.slice(0, 40)}`);
	});
	expect(wide, `past the right edge (${lang})`).toEqual([]);
	await session.shot(`report-${lang}`);
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	writeFileSync(join(SHOTS, lang === 'id' ? 'province-report.pdf' : 'province-report-en.pdf'), pdf);
	const facts = pdfFacts(pdf);
	expect(Math.abs(facts.width - 595.3)).toBeLessThan(1.5);
	expect(Math.abs(facts.height - 841.9)).toBeLessThan(1.5);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.emulateMedia({ media: 'screen' });
	return facts.pages;
}

describe('/provinsi', () => {
	test('computes the plan, keeps it across a reload, opens Kaur in the editor and prints ten region sections', async () => {
		const errors = watchErrors(page);
		await page.goto(`${base}/provinsi`);
		await page.getByRole('heading', { level: 1 }).waitFor();
		expect(await page.textContent('h1')).toContain('Rencana provinsi');
		await page.fill('[data-testid="province-replications"]', '2');
		await page.click('[data-testid="province-compute"]');
		expect(await waitForStatus(page, 'province-setup', ['done', 'failed'], 110_000)).toBe('done');
		await session.shot('plan');
		expect(await page.locator('[data-testid="province-table"] tbody tr').count()).toBe(10);
		const counters = Number((await page.textContent('[data-testid="total-counters-central"]'))!.replace(/\D/g, ''));
		expect(counters).toBeGreaterThan(100);
		expect(await page.textContent('[data-testid="status-kota-bengkulu"]')).toBe('Beroperasi');
		expect(await page.textContent('[data-testid="status-seluma"]')).toBe('Direncanakan');
		await page.waitForSelector('[data-testid="chart-province"] svg');

		// The browser's plan is Node's: the same counters per region and level (same seed, same replications).
		const kb = shippedScenario('kota-bengkulu');
		const parsed = parseProvince(JSON.parse(readFileSync(join(ROOT, 'data/bengkulu-province.json'), 'utf8')), kb);
		if (!parsed.ok) throw new Error('the shipped province file is invalid');
		const node = await planProvince(parsed.province, kb, [inProcessEvaluate], { replications: 2 });
		for (const r of node.regions) {
			const text = (await page.textContent(`[data-testid="counters-${r.id}"]`))!.replace(/[^\d–]/g, '');
			expect(text, r.id).toBe(r.levels.map((l) => l.totalCounters).join('–'));
		}

		// A reload shows the kept plan, not a fresh computation.
		await page.reload();
		await page.waitForSelector('[data-testid="province-setup"][data-restored="true"]', { timeout: 15_000 });
		expect(await page.locator('[data-testid="province-table"] tbody tr').count()).toBe(10);
		expect(Number((await page.textContent('[data-testid="total-counters-central"]'))!.replace(/\D/g, ''))).toBe(counters);

		// The report: only while printing, ten region sections, A4, in the reader's language (Bahasa Indonesia first).
		const pages = await printReport('id');
		expect(pages).toBeLessThanOrEqual(MAX_REPORT_PAGES);
		console.log(`e2e: the province report: ${pages} A4 pages`);
		await page.selectOption('[data-testid="lang-switch"]', 'en');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await printReport('en')).toBeLessThanOrEqual(MAX_REPORT_PAGES);
		await page.selectOption('[data-testid="lang-switch"]', 'id');
		await page.waitForFunction(() => document.documentElement.lang === 'id');

		// Accessible in both languages, and no sideways scroll on a 390 px phone.
		for (const lang of ['id', 'en'] as const) {
			await page.selectOption('[data-testid="lang-switch"]', lang);
			await page.waitForFunction((l) => document.documentElement.lang === l, lang);
			expect(await axeViolations(page), `axe, ${lang}`).toEqual([]);
			await page.setViewportSize({ width: 390, height: 800 });
			expect(await page.evaluate(() => document.documentElement.scrollWidth), `phone width, ${lang}`).toBeLessThanOrEqual(390);
			await page.setViewportSize({ width: 1366, height: 768 });
		}
		expect(await page.textContent('h1')).toContain('Province plan');
		await page.selectOption('[data-testid="lang-switch"]', 'id');

		// Kaur's central layout opens in the editor with its regency's names.
		await page.click('[data-testid="open-kaur"]');
		await page.waitForURL(/\/edit\?ref=/, { timeout: 15_000 });
		await page.waitForFunction(() => document.body.textContent?.includes('Polres Kaur'), undefined, { timeout: 15_000 });
		expect(await page.textContent('body')).toContain('Dukcapil Kabupaten Kaur');
		await session.shot('kaur-editor');
		expect(errors).toEqual([]);
	}, 240_000);

	test('cancels a plan at once, keeps the plan it had, and runs a region at the level chosen', async () => {
		await page.goto(`${base}/provinsi`);
		await page.waitForSelector('[data-testid="province-setup"][data-restored="true"]', { timeout: 15_000 });
		await page.fill('[data-testid="province-replications"]', '20');
		await page.click('[data-testid="province-compute"]');
		await page.waitForSelector('[data-testid="province-progress"]');
		await page.click('[data-testid="province-cancel"]');
		expect(await waitForStatus(page, 'province-setup', ['cancelled', 'failed', 'done'], 10_000)).toBe('cancelled');
		expect(await page.locator('[data-testid="province-table"] tbody tr').count()).toBe(10);

		// Lebong's high-demand layout opens on the run page.
		await page.selectOption('[data-testid="province-open-level"]', 'high');
		await page.click('[data-testid="run-lebong"]');
		await page.waitForURL(/\/run\?ref=/, { timeout: 15_000 });
		await page.waitForFunction(() => document.body.textContent?.includes('MPP Kabupaten Lebong (rencana, permintaan tinggi)'), undefined, { timeout: 15_000 });
	}, 60_000);
});
