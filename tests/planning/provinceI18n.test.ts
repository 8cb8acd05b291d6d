/** The province page's strings: both languages have the same keys, and every key the page uses exists. */
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/province.json';
import en from '../../src/lib/i18n/locales/en/province.json';
import { MPP_STATUSES, DEMAND_LEVELS } from '../../src/lib/planning/provinceData';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from '../app/dictionaries';

const root = new URL('../..', import.meta.url).pathname;

describe('province dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every fixed key the page uses and every status and level it builds from data', () => {
		const used = usedKeys(svelteFiles(root + 'src/routes/provinsi'), 'province.');
		expect(used.size).toBeGreaterThan(40);
		const built = [...MPP_STATUSES.map((s) => `province.status.${s}`), ...DEMAND_LEVELS.map((l) => `province.levels.${l}`)];
		expect(missingIn(id as Dict, en as Dict, [...used, ...built])).toEqual([]);
	});
});
