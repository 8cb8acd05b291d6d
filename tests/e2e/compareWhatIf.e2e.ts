/**
 * The real-browser suite, the compare page's richer what-ifs and its memory (issue 24, items 2 and 5): a copy's
 * card opens /compare with its original as A and the copy as B; the L20-to-Dukcapil move made as a what-if gives
 * the shipped variant file's figures, and moving more counters than an agency has says which change fails; the
 * last comparison survives a reload and a visit to another page, and goes when a compared scenario's layout is
 * edited. Screenshots go to tests/e2e/screenshots/whatif-NN-*.png (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareInProcess } from '../../src/lib/planning/compare';
import { mustParse } from '../fixtures/scenarios';
import { forgetSavedData, idbRecord, openSession, ROOT, shippedScenario, waitForOption, waitForStatus, watchErrors, type Session } from './browser';

const REPLICATIONS = 3;
const AXE_SCRIPT = join(ROOT, 'node_modules/axe-core/axe.min.js');

/** The WCAG 2.1 A and AA rules axe-core finds broken on the page as it is now (as a11y.e2e.ts runs them), by rule and element. */
async function axeViolations(): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
		const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, checks: { 'color-contrast': { options: { ignoreLength: true } } } });
		return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).join(', ')}`);
	});
}

let session: Session;
let page: Page;
let base: string;

/** The numbers in the `data-mean` attributes of the matched cells (NaN where a value is undefined). */
async function means(selector: string): Promise<number[]> {
	return page.locator(selector).evaluateAll((cells) => cells.map((c) => (c.getAttribute('data-mean') === '' ? NaN : Number(c.getAttribute('data-mean')))));
}

/** Duplicates a scenario from its home-page card and returns the copy's saved key (from its compare link). */
async function duplicate(testKey: string, before: string[]): Promise<string> {
	await page.click(`[data-testid="duplicate-${testKey}"]`);
	const handle = await page.waitForFunction((known) => {
		const links = [...document.querySelectorAll('[data-testid^="compare-original-"]')].map((a) => a.getAttribute('data-testid')!.slice('compare-original-'.length));
		return links.find((k) => !known.includes(k));
	}, before);
	return (await handle.jsonValue()) as string;
}

beforeAll(async () => {
	session = await openSession('whatif-');
	({ page, base } = session);
	page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
	await session?.close();
});

describe('Compare: what-ifs and the kept comparison in Chromium', () => {
	let copyKey = '';

	test("a copy's card compares it with its original: A the original, B the copy (a copy of a copy: its own source)", async () => {
		const errors = watchErrors(page);
		await forgetSavedData(page, base);
		await page.goto(base + '/');
		await page.waitForSelector('[data-testid="scenario-card-lebong"]', { timeout: 15_000 });
		copyKey = await duplicate('lebong', []);
		const copyOfCopy = await duplicate(copyKey, [copyKey]);
		expect((await idbRecord(page, 'scenarios', copyOfCopy))?.copiedFrom).toBe(copyKey);
		const href = await page.getAttribute(`[data-testid="compare-original-${copyOfCopy}"]`, 'href');
		expect(new URL(href!, base).searchParams.get('a')).toBe(copyKey);
		await session.shot('home-copies');
		expect(await axeViolations(), 'home with copies and their compare links').toEqual([]);

		await page.click(`[data-testid="compare-original-${copyKey}"]`);
		await page.waitForURL(/\/compare\?/);
		await waitForOption(page, 'compare-pick-1', copyKey);
		await page.waitForFunction((k) => (document.querySelector('[data-testid="compare-pick-1"]') as HTMLSelectElement | null)?.value === k, copyKey);
		expect(await page.inputValue('[data-testid="compare-pick-0"]')).toBe('shipped:lebong');
		expect(await page.getAttribute('[data-testid="compare-notice"]', 'data-kind')).toBe('original');
		await session.shot('compare-original');
		expect(errors).toEqual([]);
	});

	test('the last comparison survives a reload and another page, and goes when a compared layout is edited', async () => {
		const errors = watchErrors(page);
		await page.fill('[data-testid="compare-replications"]', '2');
		await page.click('[data-testid="compare-run"]');
		expect(await waitForStatus(page, 'compare-setup', ['done', 'error'], 90_000)).toBe('done');
		const verdict = async () => page.locator('[data-testid="compare-verdict"]').innerText();
		const first = await verdict();
		const table = await means('[data-testid="compare-table"] [data-testid="compare-diff"]');
		expect(table.every((x) => x === 0 || Number.isNaN(x)), 'a copy compared with its original differs by nothing').toBe(true);

		await page.reload();
		expect(await waitForStatus(page, 'compare-setup', ['done'])).toBe('done');
		expect(await verdict()).toBe(first);
		expect(await page.getAttribute('[data-testid="compare-notice"]', 'data-kind')).toBe('restored');
		expect(await means('[data-testid="compare-table"] [data-testid="compare-diff"]')).toEqual(table);

		await page.click('a[href$="/size"]');
		await page.waitForURL(/\/size/);
		await page.click('a[href$="/compare"]');
		await page.waitForURL(/\/compare$/);
		expect(await waitForStatus(page, 'compare-setup', ['done'])).toBe('done');
		expect(await verdict()).toBe(first);
		expect(await page.inputValue('[data-testid="compare-pick-1"]')).toBe(copyKey);
		await session.shot('compare-restored');
		expect(await axeViolations(), 'compare, restored').toEqual([]);

		// Remove the copy's last counter: its layout changes, so the comparison describes it no more.
		await page.goto(`${base}/edit?ref=${encodeURIComponent(copyKey)}`);
		await page.waitForSelector('[data-testid="counter-row-L08"]', { timeout: 15_000 });
		// The editor of a copy offers the same comparison as its card.
		const fromEditor = new URL((await page.getAttribute('[data-testid="editor-compare-original"]', 'href'))!, base).searchParams;
		expect([fromEditor.get('a'), fromEditor.get('b')]).toEqual(['shipped:lebong', copyKey]);
		await page.click('[data-testid="remove-counter-L08"]');
		await expect.poll(async () => (await idbRecord(page, 'scenarios', copyKey))?.scenario, { timeout: 10_000 }).toMatchObject({ counters: expect.not.arrayContaining([expect.objectContaining({ id: 'L08' })]) });
		await page.goto(base + '/compare');
		await page.waitForSelector('[data-testid="compare-notice"][data-kind="dropped"]');
		expect(await page.locator('[data-testid="compare-verdict"]').count()).toBe(0);
		expect(await page.getAttribute('[data-testid="compare-setup"]', 'data-status')).toBe('idle');
		await page.reload();
		await waitForOption(page, 'compare-pick-1', 'shipped:lebong');
		expect(await page.locator('[data-testid="compare-notice"]').count(), 'dropped for good: nothing to restore or drop after a reload').toBe(0);
		await session.shot('compare-dropped');
		expect(errors).toEqual([]);
	});

	test('moving L20 to Dukcapil as a what-if gives the shipped variant file’s figures; moving too many says which change fails', async () => {
		const errors = watchErrors(page);
		await page.goto(base + '/compare');
		await waitForOption(page, 'compare-pick-1', 'shipped:lebong');
		await page.check('[data-testid="compare-mode-variants"]');
		await waitForOption(page, 'compare-base', 'shipped:kota-bengkulu');
		await page.selectOption('[data-testid="compare-base"]', 'shipped:kota-bengkulu');
		await page.waitForSelector('[data-testid="compare-agency-0"] option[value="bank-bengkulu"]', { state: 'attached' });
		await page.selectOption('[data-testid="compare-kind-0"]', 'move');
		await page.selectOption('[data-testid="compare-move-from-0"]', 'bank-bengkulu');
		await page.selectOption('[data-testid="compare-move-to-0"]', 'dukcapil');
		await page.fill('[data-testid="compare-move-count-0"]', '2');
		await page.fill('[data-testid="compare-replications"]', String(REPLICATIONS));
		const kota = shippedScenario('kota-bengkulu');
		await page.fill('[data-testid="compare-seed"]', String(kota.run.seed));
		await page.click('[data-testid="compare-run"]');
		expect(await waitForStatus(page, 'compare-setup', ['done', 'error'])).toBe('error');
		const message = await page.innerText('[data-testid="compare-error"]');
		expect(message).toContain('Varian B tidak dapat dibuat — perubahan ke-1 gagal');
		expect(message).toContain('"bank-bengkulu" hanya punya 1 loket sendiri (yang hanya melayaninya); tidak bisa memindah 2');
		await session.shot('move-too-many');

		// Two changes in one variant: the first moves L20; the second would move a Bank Bengkulu counter again, and
		// after the first there is none: the message names the second change.
		await page.fill('[data-testid="compare-move-count-0"]', '1');
		await page.check('[data-testid="compare-move-take-0"]');
		await page.click('[data-testid="compare-add-change-0"]');
		await page.selectOption('[data-testid="compare-kind-0-1"]', 'move');
		await page.selectOption('[data-testid="compare-move-from-0-1"]', 'bank-bengkulu');
		await page.selectOption('[data-testid="compare-move-to-0-1"]', 'samsat');
		await page.click('[data-testid="compare-run"]');
		expect(await waitForStatus(page, 'compare-setup', ['done', 'error'])).toBe('error');
		expect(await page.innerText('[data-testid="compare-error"]')).toContain('perubahan ke-2 gagal: tidak ada loket yang hanya melayani "bank-bengkulu"');
		expect(await axeViolations(), 'the what-if editor with two changes and a refusal').toEqual([]);
		await page.click('[data-testid="compare-variant-0"] li.change:nth-child(2) button');
		expect(await page.locator('[data-testid="compare-kind-0-1"]').count()).toBe(0);
		await page.click('[data-testid="compare-run"]');
		expect(await waitForStatus(page, 'compare-setup', ['done', 'error'])).toBe('done');
		const file = mustParse(JSON.parse(readFileSync(join(ROOT, 'scenarios/variants/kota-bengkulu-l20-dukcapil.json'), 'utf8')));
		const node = compareInProcess([kota, file], kota.run.seed, REPLICATIONS);
		// The same scenario but for its id and name: the same visitors, the same figures as the file's in Node.
		const row = (kpi: string) => `[data-testid="compare-table"] tr[data-kpi="${kpi}"] [data-testid="compare-diff"]`;
		for (const kpi of ['waitMean', 'waitP90', 'serviceLevel'] as const) {
			expect((await means(row(kpi)))[0], kpi).toBeCloseTo(node.differences[0].overall[kpi].mean!, 9);
		}
		const [dukcapilP90] = await means('[data-testid="compare-agency-table"] tr[data-agency="dukcapil"] [data-testid="compare-diff"]');
		expect(dukcapilP90).toBeCloseTo(node.differences[0].agencies.find((a) => a.id === 'dukcapil')!.waitP90.mean!, 9);
		expect(await page.locator('[data-testid="verdict-loss"][data-agency="bank-bengkulu"]').count()).toBe(1);
		await session.shot('move-l20');
		expect(errors).toEqual([]);
	});
});
