/**
 * The real-browser suite, the size page keeps what it had (issue 24, item 5): a sizing with its staff and seats, the
 * growth curve, the targets and settings, and the regency wizard's answers survive a reload and a visit to another
 * page (inside the app), and the results, not the inputs, are dropped when the saved scenario they sized changes.
 * Screenshots go to tests/e2e/screenshots/size-kept-NN-*.png (git-ignored).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chartMarks, openSession, savedScenario, waitForOption, waitForStatus, watchErrors, type Session } from './browser';

let session: Session;
let page: Page;
let base: string;

beforeAll(async () => {
	session = await openSession('size-kept-');
	({ page, base } = session);
});

afterAll(async () => {
	await session?.close();
});

/** The size page's kept record of a slot in IndexedDB ("mpp-planner", store `planning`), or undefined. */
function kept(p: Page, slot: 'size' | 'growth' | 'wizard'): Promise<{ identities: string[]; inputs: Record<string, unknown>; result?: unknown } | undefined> {
	return p.evaluate(
		(s) =>
			new Promise((res, rej) => {
				const open = indexedDB.open('mpp-planner');
				open.onerror = () => rej(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('planning').objectStore('planning').get(s);
					get.onsuccess = () => {
						open.result.close();
						res(get.result);
					};
					get.onerror = () => rej(get.error);
				};
			}),
		slot
	);
}

/** Runs the sizing with what the page holds and waits for it to finish. */
async function size(): Promise<void> {
	await page.click('[data-testid="size-run"]');
	expect(await waitForStatus(page, 'size-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
}

const restored = () => page.waitForSelector('[data-testid="size-setup"][data-restored="true"]');

describe('The size page keeps its results and inputs in Chromium', () => {
	test('a sizing, its staff and growth curve, the targets and the wizard’s answers come back; a change to the sized scenario drops the results', async () => {
		const errors = watchErrors(page);
		// A saved scenario to size: Lebong sized once and saved by "open in the editor".
		await page.goto(base + '/size');
		await waitForOption(page, 'size-scenario', 'shipped:lebong');
		await page.fill('[data-testid="size-replications"]', '2');
		await size();
		await page.click('[data-testid="size-open-editor"]');
		await page.waitForURL((u) => u.pathname === '/edit');
		const key = new URL(page.url()).searchParams.get('ref')!;
		await page.waitForSelector('[data-testid="visitors-per-day"]', { timeout: 15_000 });

		await page.goto(base + '/size');
		await waitForOption(page, 'size-scenario', key);
		expect(await page.inputValue('[data-testid="size-replications"]'), 'settings are kept').toBe('2');
		await page.selectOption('[data-testid="size-scenario"]', key);
		await page.fill('[data-testid="size-wait-p90"]', '20');
		await size();
		const total = await page.getAttribute('[data-testid="size-total"]', 'data-value');
		const staff = Number(await page.getAttribute('[data-testid="size-staff"]', 'data-staff'));
		await page.fill('[data-testid="size-salary"]', '5000000');
		// Waiting-room seats: the P95 day's peak number waiting × the companions factor (default 1.5, an assumption), rounded up.
		const seatsOf = async () => {
			const el = page.locator('[data-testid="size-seats"]');
			return { seats: Number(await el.getAttribute('data-seats')), peak: Number(await el.getAttribute('data-peak-p95')), companions: Number(await el.getAttribute('data-companions')) };
		};
		const first = await seatsOf();
		expect(first.companions).toBe(1.5);
		expect(first.peak).toBeGreaterThan(0);
		expect(first.seats).toBe(Math.ceil(first.peak * 1.5 - 1e-9));
		expect(await page.locator('label:has([data-testid="size-companions"])').textContent()).toMatch(/\(asumsi\).*bukan hasil pengukuran/);
		await page.fill('[data-testid="size-companions"]', '2');
		await page.waitForFunction((n) => document.querySelector('[data-testid="size-seats"]')?.getAttribute('data-seats') === String(n), Math.ceil(first.peak * 2 - 1e-9));
		await page.fill('[data-testid="size-growth-from"]', '100');
		await page.fill('[data-testid="size-growth-to"]', '200');
		await page.fill('[data-testid="size-growth-step"]', '100');
		await page.click('[data-testid="size-growth-run"]');
		expect(await waitForStatus(page, 'size-growth', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
		await expect.poll(async () => (await kept(page, 'size'))?.inputs.salary, { timeout: 10_000 }).toBe(5_000_000);
		await expect.poll(async () => (await kept(page, 'size'))?.inputs.companions, { timeout: 10_000 }).toBe(2);
		await expect.poll(async () => (await kept(page, 'growth'))?.identities.length, { timeout: 10_000 }).toBe(1);

		const expectKept = async (when: string) => {
			await restored();
			await page.waitForSelector('[data-testid="size-result"]');
			expect(await page.getAttribute('[data-testid="size-total"]', 'data-value'), when).toBe(total);
			expect(await page.getAttribute('[data-testid="size-staff"]', 'data-cost'), when).toBe(String(staff * 5_000_000));
			expect(await page.inputValue('[data-testid="size-salary"]'), when).toBe('5000000');
			expect(await page.inputValue('[data-testid="size-companions"]'), when).toBe('2');
			expect(await seatsOf(), when).toEqual({ ...first, seats: Math.ceil(first.peak * 2 - 1e-9), companions: 2 });
			expect(await page.locator('[data-testid="size-why"] tbody tr').count(), when).toBeGreaterThan(0);
			expect(await chartMarks(page, 'size-path', ':scope > circle'), when).toBeGreaterThan(0);
			expect(await chartMarks(page, 'size-growth', ':scope > circle'), when).toBe(2);
			expect(await page.inputValue('[data-testid="size-wait-p90"]'), when).toBe('20');
			expect(await page.inputValue('[data-testid="size-growth-to"]'), when).toBe('200');
		};
		await page.reload();
		await waitForOption(page, 'size-scenario', key);
		expect(await page.inputValue('[data-testid="size-scenario"]')).toBe(key);
		await expectKept('after a reload');
		await session.shot('after-reload');

		await page.click('nav a[href$="/compare"]');
		await page.waitForURL((u) => u.pathname === '/compare');
		await page.click('nav a[href$="/size"]');
		await page.waitForURL((u) => u.pathname === '/size');
		await expectKept('after a visit to the compare page');

		// The wizard's answers.
		await page.check('[data-testid="size-wizard"]');
		await page.selectOption('[data-testid="size-preset"]', 'seluma');
		await page.fill('[data-testid="size-regency-name"]', 'Kaur');
		await page.fill('[data-testid="size-population"]', '126000');
		await expect.poll(async () => (await kept(page, 'wizard'))?.inputs.population, { timeout: 10_000 }).toBe(126_000);
		await page.reload();
		await restored();
		await page.waitForSelector('[data-testid="size-preset"]');
		expect(await page.isChecked('[data-testid="size-wizard"]')).toBe(true);
		expect(await page.inputValue('[data-testid="size-preset"]')).toBe('seluma');
		expect(await page.inputValue('[data-testid="size-regency-name"]')).toBe('Kaur');
		expect(await page.inputValue('[data-testid="size-population"]')).toBe('126000');
		// The result sized the saved scenario, not the wizard's regency: it stays.
		expect(await page.getAttribute('[data-testid="size-total"]', 'data-value')).toBe(total);

		// The sized scenario changes (more visitors a day): its sizing and curve are dropped, the inputs stay.
		await page.goto(`${base}/edit?ref=${encodeURIComponent(key)}`);
		await page.waitForSelector('[data-testid="visitors-per-day"]', { timeout: 15_000 });
		const visitors = Number(await page.inputValue('[data-testid="visitors-per-day"]')) + 50;
		await page.fill('[data-testid="visitors-per-day"]', String(visitors));
		await expect.poll(async () => (await savedScenario(page, key))?.demand?.visitorsPerDay, { timeout: 10_000 }).toBe(visitors);
		await page.goto(base + '/size');
		await restored();
		await page.waitForSelector('[data-testid="size-dropped"]');
		await page.waitForSelector('[data-testid="size-growth-dropped"]');
		expect(await page.locator('[data-testid="size-result"]').count()).toBe(0);
		expect(await page.locator('[data-testid="chart-size-growth"]').count()).toBe(0);
		expect(await page.inputValue('[data-testid="size-wait-p90"]')).toBe('20');
		expect(await page.inputValue('[data-testid="size-regency-name"]')).toBe('Kaur');
		expect((await kept(page, 'size'))?.result).toBeUndefined();
		await session.shot('dropped');
		expect(errors).toEqual([]);
	});
});
