/**
 * The real-browser suite on a phone's screen (390 × 700), in Bahasa Indonesia and in English: no page scrolls
 * sideways — the home page, the run page before and after a run, the editor with an agency and a counter
 * opened, compare and size with their results, calibrate with the sample calibrated and validated. A wide table may scroll inside its own box; the page itself
 * must not. A failure names what sticks out past the screen's right edge. Screenshots go to
 * tests/e2e/screenshots/phone-NN-*.png (git-ignored).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { forgetSavedData, openSession, visitEveryPage, waitForOption, waitForStatus, watchErrors, type Session } from './browser';

const PHONE = { width: 390, height: 700 };

let session: Session;
let page: Page;
let base: string;

interface Sideways {
	scrollWidth: number;
	clientWidth: number;
	/** What sticks out past the right edge: "tag#id.class [testid] right=N", the same ones counted once. */
	culprits: string[];
}

/**
 * How wide the document scrolls, and the outermost elements that reach past the viewport's right edge. An
 * element inside a box that clips or scrolls (overflow other than visible) does not count, unless it is
 * absolutely positioned against something outside that box (as visually hidden text can be): then the box does
 * not hold it back, and it widens the page.
 */
function measureSideways(p: Page): Promise<Sideways> {
	return p.evaluate(() => {
		const root = document.documentElement;
		const edge = root.clientWidth + 0.5;
		const makesBlock = (cs: CSSStyleDeclaration) =>
			cs.position !== 'static' || cs.transform !== 'none' || cs.filter !== 'none' || /paint|layout|strict|content/.test(cs.contain);
		/** True when a box between el and the page clips it (a fixed element never widens the page). */
		const heldBack = (el: Element): boolean => {
			let position = getComputedStyle(el).position;
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				if (position === 'fixed') return true;
				const cs = getComputedStyle(a);
				// An absolutely positioned element escapes every box up to the one it is positioned against.
				if (position === 'absolute' && !makesBlock(cs)) continue;
				if (cs.overflowX !== 'visible') return true;
				position = cs.position;
			}
			return position === 'fixed';
		};
		const sticksOut = (el: Element | null): boolean => {
			if (!el || el === document.body) return false;
			const r = el.getBoundingClientRect();
			return (r.width > 0 || r.height > 0) && r.right + window.scrollX > edge && !heldBack(el);
		};
		const counts = new Map<string, number>();
		for (const el of document.body.querySelectorAll('*')) {
			if (!sticksOut(el)) continue;
			let parent = el.parentElement;
			while (parent && getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
			if (sticksOut(parent)) continue; // only the outermost: its parent is the place to look
			const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).map((c) => `.${c}`).join('');
			const testid = el.getAttribute('data-testid');
			const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${testid ? ` [${testid}]` : ''} right=${Math.round(el.getBoundingClientRect().right + window.scrollX)}`;
			counts.set(what, (counts.get(what) ?? 0) + 1);
		}
		return {
			scrollWidth: root.scrollWidth,
			clientWidth: root.clientWidth,
			culprits: [...counts].map(([what, n]) => (n > 1 ? `${what} (×${n})` : what))
		};
	});
}

/**
 * Fails the test (but lets it go on to the next page, so one run lists every page that is too wide) when the
 * page scrolls sideways, naming what sticks out; saves a screenshot either way.
 */
async function expectNoSidewaysScroll(where: string): Promise<void> {
	await session.shot(where.replace(/[^a-z0-9]+/gi, '-'));
	const m = await measureSideways(page);
	const culprits = m.culprits.length > 0 ? m.culprits.slice(0, 12).join('; ') + (m.culprits.length > 12 ? `; … ${m.culprits.length - 12} more` : '') : 'nothing found';
	expect.soft(m.scrollWidth, `${where}: the page is ${m.scrollWidth} px wide on a ${m.clientWidth} px screen; sticking out: ${culprits}`).toBeLessThanOrEqual(m.clientWidth);
}

beforeAll(async () => {
	session = await openSession('phone-');
	page = session.page;
	base = session.base;
	await page.setViewportSize(PHONE);
});

afterAll(async () => {
	await session?.close();
});

describe(`MPP Planner on a ${PHONE.width} px phone in Chromium`, () => {
	for (const lang of ['id', 'en'] as const) {
		test(`${lang}: no page scrolls sideways — home, run and its results, the editor with details open, compare, size, calibrate`, async () => {
			// From empty storage, so the run page "before a run" shows no results the other language's round saved.
			await forgetSavedData(page, base);
			const errors = watchErrors(page);
			await visitEveryPage(page, base, lang, async (state) => {
				await expectNoSidewaysScroll(`${lang} ${state}`);
				if (state !== 'editor') return;
				// The arrival profile is drawn at the width it is shown at, so its labels keep their size on a phone
				// (a 900-wide drawing shrunk to fit would print them at a third of it).
				const profile = await page.locator('.profile-chart svg').evaluate((svg) => ({
					drawn: (svg as SVGSVGElement).viewBox.baseVal.width,
					shown: svg.getBoundingClientRect().width
				}));
				expect(profile.drawn / profile.shown, `arrival profile drawn ${profile.drawn} wide, shown ${profile.shown}`).toBeCloseTo(1, 1);
			});
			expect(errors).toEqual([]);
		});
	}

	test('B − A of the compare agency table is reached by scrolling its box, its first column staying in view; a counter\'s details open in view', async () => {
		const errors = watchErrors(page);
		await page.goto(base + '/compare');
		await waitForOption(page, 'compare-pick-1', 'shipped:kota-bengkulu');
		await page.selectOption('[data-testid="compare-pick-0"]', 'shipped:lebong');
		await page.selectOption('[data-testid="compare-pick-1"]', 'shipped:seluma');
		await page.fill('[data-testid="compare-replications"]', '2');
		await page.click('[data-testid="compare-run"]');
		expect(await waitForStatus(page, 'compare-setup', ['done', 'error', 'cancelled'], 90_000)).toBe('done');
		for (const table of ['compare-agency-table', 'compare-table']) {
			const seen = await scrolledTo(`[data-testid="${table}"]`, '[data-testid="compare-diff"]');
			expect(seen.wider, `${table} is wider than its box on a phone (else this test shows nothing)`).toBe(true);
			expect(seen.lastInView, `${table}: B − A wholly in view beside the first column once its box is scrolled`).toBe(true);
			expect(seen.firstInView, `${table}: the first column stays at the box's left edge`).toBe(true);
		}
		await expectNoSidewaysScroll('compare agency table scrolled to B − A');

		await page.goto(`${base}/edit?ref=${encodeURIComponent('shipped:kota-bengkulu')}`);
		await page.waitForSelector('[data-testid="counter-row-L01"]', { timeout: 15_000 });
		const detail = '[data-testid="counter-row-L01"] button[aria-expanded]';
		expect(await inView(detail), 'the details button is in view without scrolling anything sideways').toBe(true);
		await page.click(detail);
		await page.waitForSelector('#counter-detail-0 fieldset');
		expect(await inView('#counter-detail-0 fieldset')).toBe(true);
		const seen = await scrolledTo('table.counters', 'td.summary-cell');
		expect(seen.wider).toBe(true);
		expect(seen.firstInView, "the counter's id stays in view while its row scrolls").toBe(true);
		expect(await inView(detail), 'the details button stays at the box\'s right edge while the row scrolls').toBe(true);
		expect(await inView('#counter-detail-0 fieldset'), 'the details stay in view too').toBe(true);
		await expectNoSidewaysScroll('editor counters scrolled');

		// The what-if editor with a move (its longest row: two agencies, a count and the shifts question) fits too.
		await page.goto(base + '/compare');
		await page.waitForSelector('[data-testid="compare-setup"][data-ready="true"]');
		await page.check('[data-testid="compare-mode-variants"]');
		await page.selectOption('[data-testid="compare-base"]', 'shipped:kota-bengkulu');
		await page.waitForSelector('[data-testid="compare-agency-0"] option[value="bank-bengkulu"]', { state: 'attached' });
		await page.selectOption('[data-testid="compare-kind-0"]', 'move');
		await page.click('[data-testid="compare-add-change-0"]');
		await page.waitForSelector('[data-testid="compare-kind-0-1"]');
		await expectNoSidewaysScroll('compare what-if editor with a move');
		expect(errors).toEqual([]);
	});
});

/**
 * True when the element's box is inside the screen and it is what is drawn at its centre (not covered), after
 * scrolling the page up or down to it — never sideways, neither the page nor any box it sits in.
 */
function inView(selector: string): Promise<boolean> {
	return page.locator(selector).first().evaluate(async (el) => {
		window.scrollBy(0, el.getBoundingClientRect().top - window.innerHeight / 3);
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const r = el.getBoundingClientRect();
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return r.left >= -0.5 && r.right <= document.documentElement.clientWidth + 0.5 && r.width > 0 && hit !== null && (hit === el || el.contains(hit));
	});
}

/**
 * Scrolls a table's own box (its nearest scrolling ancestor) so that the first row's last `cell` sits just right of
 * the row's first cell, and says whether the table is wider than the box, whether that cell is then wholly inside
 * the box and the screen and drawn there (not under the first column), and whether the first cell is still at the
 * box's left edge and drawn there (sticky: not scrolled away, not covered).
 */
async function scrolledTo(table: string, cell: string): Promise<{ wider: boolean; lastInView: boolean; firstInView: boolean }> {
	return page.locator(table).evaluate(async (t, sel) => {
		let box = t.parentElement!;
		while (getComputedStyle(box).overflowX === 'visible') box = box.parentElement!;
		const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const wider = box.scrollWidth > box.clientWidth + 1;
		const row = t.querySelector('tbody tr')!;
		// The page up or down to the row (elementFromPoint sees only the screen), never sideways.
		window.scrollBy(0, row.getBoundingClientRect().top - window.innerHeight / 3);
		const cells = row.querySelectorAll(sel);
		const target = cells[cells.length - 1];
		const first = row.firstElementChild!;
		box.scrollLeft = 0;
		await frame();
		box.scrollLeft = target.getBoundingClientRect().left - first.getBoundingClientRect().right;
		await frame();
		const c = target.getBoundingClientRect();
		const f = first.getBoundingClientRect();
		const b = box.getBoundingClientRect();
		const screen = document.documentElement.clientWidth + 0.5;
		const drawnAt = (el: Element, x: number, y: number) => {
			const hit = document.elementFromPoint(x, y);
			return hit !== null && (hit === el || el.contains(hit));
		};
		const middle = c.top + c.height / 2;
		return {
			wider,
			lastInView: c.left >= b.left - 0.5 && c.right <= Math.min(b.right, screen) + 0.5 && drawnAt(target, c.left + 3, middle) && drawnAt(target, c.right - 3, middle),
			firstInView: Math.abs(f.left - b.left) <= 1.5 && drawnAt(first, f.left + Math.min(8, f.width / 2), f.top + f.height / 2)
		};
	}, cell);
}
