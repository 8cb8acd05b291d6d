/** The compare verdict's strings: both languages have the same keys, and every key its components use exists. */
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/compareVerdict.json';
import en from '../../src/lib/i18n/locales/en/compareVerdict.json';
import planningId from '../../src/lib/i18n/locales/id/planning.json';
import { OUTCOME_KPIS } from '../../src/lib/planning/compareOutcome';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from '../app/dictionaries';

const root = new URL('../..', import.meta.url).pathname;

describe('compare verdict dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every fixed key the compare page uses and every key it builds from codes', () => {
		const used = usedKeys([...svelteFiles(root + 'src/routes/compare'), ...svelteFiles(root + 'src/lib/components/compare')], 'compareVerdict.');
		expect(used.size).toBeGreaterThan(10);
		const built = [
			...OUTCOME_KPIS.map((k) => `compareVerdict.kpi.${k}`),
			...['loss', 'gain', 'none'].map((k) => `compareVerdict.status.${k}`),
			...['rose', 'fell', 'nobodyServed', 'nobody', 'perDay', 'minutes', 'pp', 'hallName'].map((k) => `compareVerdict.${k}`)
		];
		expect(missingIn(id as Dict, en as Dict, [...used, ...built])).toEqual([]);
	});

	it('say "ulangan" for a replication, as the run page does, on the compare and size pages too', () => {
		expect(JSON.stringify(planningId)).not.toMatch(/replikasi/i);
		expect(JSON.stringify(id)).not.toMatch(/replikasi/i);
	});
});
