/**
 * What the real-browser test files share: launching Debian's Chromium (playwright-core) against the static site
 * that tests/e2e/globalSetup.ts serves, numbered screenshots to tests/e2e/screenshots/ (git-ignored), helpers
 * for the run page and IndexedDB, and a tour of every page state in one language (visitEveryPage). Each *.e2e.ts
 * file opens its own browser and context (its own IndexedDB), so files do not depend on each other.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'tests/e2e/screenshots');

export interface Session {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** The served site's URL, without a trailing slash. */
	base: string;
	/** Saves a full-page screenshot as `<prefix><NN>-<name>.png`, numbered in the order taken. */
	shot(name: string, p?: Page): Promise<void>;
	close(): Promise<void>;
}

/**
 * Launches Chromium with one context (1366×768, Indonesian locale, downloads accepted) and one page.
 * `shotPrefix` keeps each file's screenshots apart.
 */
export async function openSession(shotPrefix = ''): Promise<Session> {
	mkdirSync(SHOTS, { recursive: true });
	// This file's screenshots of an earlier run go, so the folder shows one run (other files' stay).
	const mine = new RegExp(`^${shotPrefix.replace(/[^A-Za-z0-9_-]/g, '\\$&')}\\d{2}-.*\\.png$`);
	for (const f of readdirSync(SHOTS)) if (mine.test(f)) rmSync(join(SHOTS, f));
	const base = inject('baseUrl');
	const browser = await chromium.launch({
		executablePath: inject('chromiumPath'),
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'id-ID' });
	const page = await context.newPage();
	let step = 0;
	return {
		browser,
		context,
		page,
		base,
		async shot(name, p = page) {
			step++;
			await p.screenshot({ path: join(SHOTS, `${shotPrefix}${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
		},
		close: () => browser.close()
	};
}

/** A shipped scenario, parsed as the app and the CLI parse it. */
export function shippedScenario(id: string): Scenario {
	const parsed = parseScenario(JSON.parse(readFileSync(join(ROOT, `scenarios/${id}.json`), 'utf8')));
	if (!parsed.ok) throw new Error(`scenarios/${id}.json is invalid`);
	return parsed.scenario;
}

/** Collects uncaught page errors and console errors from now on. */
export function watchErrors(p: Page): string[] {
	const errors: string[] = [];
	p.on('pageerror', (e) => errors.push(e.message));
	p.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	return errors;
}

/** Waits until the run page's run is done and every dashboard section shows the final results. */
export async function waitForRunDone(p: Page, timeout = 90_000): Promise<void> {
	await p.waitForFunction(
		() => {
			const status = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status');
			const dash = document.querySelector('[data-testid="results-dashboard"]');
			if (status === 'error') return true;
			return status === 'done' && dash?.getAttribute('data-complete') === 'true' && dash?.getAttribute('data-synced') === 'true';
		},
		null,
		{ timeout, polling: 250 }
	);
	expect(await p.getAttribute('[data-testid="run-status"]', 'data-status'), (await p.textContent('[data-testid="run-status"]')) ?? '').toBe('done');
}

/** Waits until a planning page's run (compare or size: `data-status` on `testid`) has ended, and returns how. */
export async function waitForStatus(p: Page, testid: string, statuses: string[], timeout = 60_000): Promise<string> {
	await p.waitForFunction(
		([id, wanted]) => wanted.includes(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-status') ?? ''),
		[testid, statuses] as const,
		{ timeout, polling: 100 }
	);
	return (await p.getAttribute(`[data-testid="${testid}"]`, 'data-status')) ?? '';
}

/** Waits until a page's scenario list has loaded (its select offers `ref`). */
export async function waitForOption(p: Page, select: string, ref: string): Promise<void> {
	await p.waitForSelector(`[data-testid="${select}"] option[value="${ref}"]`, { state: 'attached', timeout: 15_000 });
}

/** Sets the replications and seed and presses Run. */
export async function startRun(p: Page, replications: number, seed?: number): Promise<void> {
	await p.fill('[data-testid="replications-input"]', String(replications));
	if (seed !== undefined) await p.fill('[data-testid="seed-input"]', String(seed));
	await p.click('[data-testid="run-button"]');
}

/**
 * Checks that the run page started a run by itself (`&autorun=1`) with `replications`, then stops it (if it has
 * not finished already), so that the test can run its own settings. The `autorun` parameter is gone from the
 * address once the run has started.
 */
export async function stopAutorun(p: Page, replications: number): Promise<void> {
	await p.waitForFunction(
		(n) => {
			const status = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status');
			const total = document.querySelector('[data-testid="progress"]')?.getAttribute('aria-valuemax');
			return (status === 'running' || status === 'done') && total === String(n);
		},
		replications,
		{ timeout: 15_000, polling: 50 }
	);
	expect(new URL(p.url()).searchParams.has('autorun')).toBe(false);
	// Clicked in the page, in one go: the run may finish between a check and a click from here.
	await p.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="cancel-button"]:not([disabled])')?.click());
	await p.waitForSelector('[data-testid="run-status"]:not([data-status="running"])');
	await p.waitForSelector('[data-testid="run-button"]:not([disabled])');
}

/** The page states the phone and accessibility tests visit, in the order `visitEveryPage` reaches them. */
export type PageState =
	| 'home'
	| 'run'
	| 'run results'
	| 'editor'
	| 'editor with an agency and a counter open'
	| 'compare'
	| 'compare results'
	| 'size'
	| 'size results'
	| 'size wizard'
	| 'calibrate'
	| 'calibrate results';

/**
 * Switches the app to `lang` and goes through every page: home, the run page before and after a short Kota
 * Bengkulu run (charts and tables drawn), the editor of Kota Bengkulu and then with Dukcapil's agency and counter
 * L01's details open, compare and size before and with their results (Lebong, two replications), and the regency
 * wizard, and the calibrate page before and after the sample log is calibrated and validated (two replications).
 * `check` is called at each state once it has settled; it may look but should leave the page as it is.
 */
export async function visitEveryPage(p: Page, base: string, lang: 'id' | 'en', check: (state: PageState) => Promise<void>): Promise<void> {
	const kbRef = encodeURIComponent('shipped:kota-bengkulu');
	await p.goto(base + '/');
	await p.waitForSelector('[data-testid="scenario-card-kota-bengkulu"]', { timeout: 15_000 });
	await p.selectOption('[data-testid="lang-switch"]', lang);
	await p.waitForFunction((l) => document.documentElement.lang === l, lang);
	await check('home');

	await p.goto(`${base}/run?ref=${kbRef}`);
	await p.waitForSelector('[data-testid="run-button"]:not([disabled])');
	await check('run');
	await startRun(p, 3);
	await waitForRunDone(p);
	for (const chart of ['wait-histogram', 'over-day', 'heatmap']) {
		await p.waitForSelector(`[data-testid="chart-${chart}"] svg .marks > *`, { state: 'attached' });
	}
	await p.waitForSelector('[data-testid="table-agencies"] tbody tr');
	await check('run results');

	await p.goto(`${base}/edit?ref=${kbRef}`);
	await p.waitForSelector('[data-testid="counter-row-L01"]', { timeout: 15_000 });
	await check('editor');
	await p.click('[data-testid="agency-dukcapil"] summary');
	await p.waitForSelector('[data-testid="agency-dukcapil"] table');
	await p.click('[data-testid="counter-row-L01"] button[aria-expanded]');
	await p.waitForSelector('#counter-detail-0 fieldset');
	await check('editor with an agency and a counter open');

	await p.goto(base + '/compare');
	await waitForOption(p, 'compare-pick-1', 'shipped:lebong');
	await check('compare');
	await p.selectOption('[data-testid="compare-pick-0"]', 'shipped:lebong');
	await p.selectOption('[data-testid="compare-pick-1"]', 'shipped:lebong');
	await p.fill('[data-testid="compare-replications"]', '2');
	await p.click('[data-testid="compare-run"]');
	expect(await waitForStatus(p, 'compare-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
	await p.waitForSelector('[data-testid="chart-compare-p90"] svg');
	await check('compare results');

	await p.goto(base + '/size');
	await waitForOption(p, 'size-scenario', 'shipped:lebong');
	await check('size');
	await p.selectOption('[data-testid="size-scenario"]', 'shipped:lebong');
	await p.fill('[data-testid="size-replications"]', '2');
	await p.click('[data-testid="size-run"]');
	expect(await waitForStatus(p, 'size-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
	await p.waitForSelector('[data-testid="chart-size-path"] svg');
	await check('size results');
	await p.check('[data-testid="size-wizard"]');
	await p.waitForSelector('[data-testid="size-preset"]');
	await check('size wizard');

	await p.goto(base + '/calibrate');
	await p.waitForSelector('[data-testid="calibrate-sample"]');
	await check('calibrate');
	await p.click('[data-testid="calibrate-sample"]');
	expect(await waitForStatus(p, 'calibrate-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
	await p.fill('[data-testid="validate-replications"]', '2');
	await p.click('[data-testid="validate-run"]');
	expect(await waitForStatus(p, 'calibrate-validate', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
	for (const chart of ['fit-histogram', 'fit-qq', 'demand-weekday', 'demand-profile', 'validation-cdf', 'validation-hourly']) {
		await p.waitForSelector(`[data-testid="chart-${chart}"] svg .marks > *`, { state: 'attached' });
	}
	await check('calibrate results');
}

/**
 * Deletes the app's IndexedDB (saved scenarios and results), so the pages open as on a first visit; the chosen
 * language (localStorage) stays. Done through the DevTools protocol from a blank page: no page of the app holds the
 * database open, and no document of the site is loaded for it (a static file's would ask for a /favicon.ico the
 * site does not have, and its 404 could reach the next test's error watch).
 */
export async function forgetSavedData(p: Page, base: string): Promise<void> {
	await p.goto('about:blank');
	const cdp = await p.context().newCDPSession(p);
	try {
		await cdp.send('Storage.clearDataForOrigin', { origin: new URL(base).origin, storageTypes: 'indexeddb' });
	} finally {
		await cdp.detach();
	}
}

/** A record of the app's IndexedDB ("mpp-planner": stores `scenarios` and `results`), or undefined. */
export function idbRecord(p: Page, store: 'scenarios' | 'results', key: string): Promise<Record<string, unknown> | undefined> {
	return p.evaluate(
		([st, k]) =>
			new Promise<Record<string, unknown> | undefined>((res, rej) => {
				const open = indexedDB.open('mpp-planner');
				open.onerror = () => rej(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction(st).objectStore(st).get(k);
					get.onsuccess = () => {
						open.result.close();
						res(get.result);
					};
					get.onerror = () => rej(get.error);
				};
			}),
		[store, key] as const
	);
}

/** The scenario JSON the editor saved in IndexedDB under a key (undefined if there is none). */
export async function savedScenario(p: Page, key: string): Promise<Partial<Scenario> | undefined> {
	return (await idbRecord(p, 'scenarios', key))?.scenario as Partial<Scenario> | undefined;
}

/** The run summary the page saved in IndexedDB for a scenario key (undefined if there is none). */
export async function savedSummary(p: Page, key: string): Promise<unknown> {
	return (await idbRecord(p, 'results', key))?.summary;
}

/**
 * Checks the chart frame `chart-<name>`: a title, a plain-language caption, axis labels, and returns how many
 * marks match `marks` (a selector relative to the chart's <svg>, e.g. `:scope > circle`).
 */
export async function chartMarks(p: Page, name: string, marks: string): Promise<number> {
	const frame = p.locator(`[data-testid="chart-${name}"]`);
	await frame.scrollIntoViewIfNeeded();
	await p.waitForSelector(`[data-testid="chart-${name}"] svg`, { state: 'attached' });
	expect((await frame.locator('h3').textContent())?.trim(), `${name} has a title`).not.toBe('');
	expect((await frame.locator('figcaption').textContent())?.trim().length ?? 0, `${name} has a caption`).toBeGreaterThan(20);
	expect(await frame.locator('svg text').count(), `${name} has axis labels`).toBeGreaterThan(5);
	return frame.locator('svg').evaluate((svg, sel) => svg.querySelectorAll(sel).length, marks);
}
