/**
 * The real-browser suite's accessibility check: axe-core's WCAG 2.0 and 2.1 A and AA rules in Chromium, in
 * Bahasa Indonesia and in English, at a desktop's size (1366 × 768) and a phone's (390 × 700, where wide tables
 * and charts scroll in boxes of their own), on every page state the phone test visits: the home page, the run
 * page before and after a run, the editor with an agency and a counter opened, compare and size before and with
 * their results, the regency wizard, the calibrate page before and with the sample calibrated and validated. Each
 * size and language starts without saved data, so "before a run" is one.
 * A failure lists, for each page state, every rule broken with its impact and the selectors of the elements that
 * break it, so one run shows every problem.
 */
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { forgetSavedData, openSession, ROOT, visitEveryPage, watchErrors, type Session } from './browser';

const AXE_SCRIPT = join(ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIZES = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 700 } } as const;
/** How many offending elements a failure names per rule (the count says how many more there are). */
const TARGETS_SHOWN = 15;

let session: Session;
let page: Page;
let base: string;

interface Violation {
	rule: string;
	impact: string;
	help: string;
	/** The offending elements' selectors (axe's `target`; a selector into a shadow root or frame joined by ` >>> `). */
	targets: string[];
}

/** Runs axe-core on the page as it is now (injecting it once per document) and returns what it found. */
async function axeViolations(p: Page): Promise<Violation[]> {
	if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE_SCRIPT });
	return p.evaluate(async (tags) => {
		const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<AxeResults> } }).axe;
		const results = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			// By default axe only asks for a review of one-character text that fails contrast (it may be an icon);
			// here such text is letters (the compare page's scenario tags A–D), so it is held to the same ratio.
			checks: { 'color-contrast': { options: { ignoreLength: true } } }
		});
		return results.violations.map((v) => ({
			rule: v.id,
			impact: v.impact ?? 'unknown',
			help: v.help,
			targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' >>> '))
		}));
	}, WCAG_TAGS);
}

/**
 * Fails the test (but lets it go on, so one run lists every page state) when axe finds a violation, naming
 * the state, each rule, its impact and the offending elements.
 */
async function expectNoViolations(where: string): Promise<void> {
	const found = await axeViolations(page);
	const lines = found.map((v) => {
		const shown = v.targets.slice(0, TARGETS_SHOWN).join(', ');
		const more = v.targets.length > TARGETS_SHOWN ? `, … ${v.targets.length - TARGETS_SHOWN} more` : '';
		return `  ${v.rule} (${v.impact}, ${v.targets.length} element${v.targets.length === 1 ? '' : 's'}): ${v.help} — ${shown}${more}`;
	});
	expect.soft(found.map((v) => v.rule), `${where}: axe-core found ${found.length} violation${found.length === 1 ? '' : 's'}:\n${lines.join('\n')}`).toEqual([]);
}

beforeAll(async () => {
	session = await openSession('a11y-');
	page = session.page;
	base = session.base;
});

afterAll(async () => {
	await session?.close();
});

describe('MPP Planner meets WCAG 2.1 A and AA (axe-core) in Chromium', () => {
	for (const [size, viewport] of Object.entries(SIZES)) {
		for (const lang of ['id', 'en'] as const) {
			test(`${size}, ${lang}: home, run and its results, the editor with details open, compare, size, the regency wizard, calibrate`, async () => {
				await page.setViewportSize(viewport);
				await forgetSavedData(page, base);
				const errors = watchErrors(page);
				await visitEveryPage(page, base, lang, (state) => expectNoViolations(`${size} ${lang} ${state}`));
				expect(errors).toEqual([]);
			});
		}
	}
});
