/** The compare and size pages' strings: both languages have the same keys, and every key the pages use exists. */
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/planning.json';
import en from '../../src/lib/i18n/locales/en/planning.json';
import { OVERALL_KPIS } from '../../src/lib/planning/compare';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from '../app/dictionaries';

const root = new URL('../..', import.meta.url).pathname;
const pages = ['src/routes/compare', 'src/lib/components/compare', 'src/routes/size'].flatMap((dir) => svelteFiles(root + dir));

describe('planning dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every fixed key the compare and size pages use', () => {
		const used = usedKeys(pages, 'planning.');
		expect(used.size).toBeGreaterThan(80);
		expect(missingIn(id as Dict, en as Dict, used)).toEqual([]);
	});

	it('hold every key the pages build from data (what-if kinds, KPIs, phases, actions, notes)', () => {
		const built = [
			...['counters', 'demand', 'serviceTime', 'workProfile', 'order', 'atClose'].map((k) => `planning.whatIf.${k}`),
			...OVERALL_KPIS.map((k) => `planning.kpi.${k}`),
			...['start', 'grow', 'prune', 'share', 'done'].map((k) => `planning.size.phase.${k}`),
			...['start', 'add', 'remove', 'share'].map((k) => `planning.size.action.${k}`),
			...['patience-not-exponential', 'no-patience', 'shared-counters', 'shifts', 'partial-counters', 'no-counter'].map((k) => `planning.notes.${k}`)
		];
		expect(missingIn(id as Dict, en as Dict, built)).toEqual([]);
	});
});
