/** The size page's explanation and staff strings: both languages have the same keys, and every key used exists. */
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/sizeWhy.json';
import en from '../../src/lib/i18n/locales/en/sizeWhy.json';
import { keys, missingIn, usedKeys, type Dict } from '../app/dictionaries';

const root = new URL('../..', import.meta.url).pathname;
const components = ['SizingWhy', 'StaffingCard', 'StaffLines'].map((c) => `${root}src/lib/components/planning/${c}.svelte`);

describe('sizeWhy dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every fixed key the components use, and every key they build from a binding or a source', () => {
		const used = usedKeys(components, 'sizeWhy.');
		expect(used.size).toBeGreaterThan(15);
		const built = [
			...['waitP90', 'abandonRate', 'serviceLevel'].map((t) => `sizeWhy.target.${t}`),
			...['lastCounter', 'sharedOnly', 'none', 'notMet'].map((k) => `sizeWhy.kind.${k}`),
			...['search', 'evaluated'].map((s) => `sizeWhy.from.${s}`)
		];
		expect(missingIn(id as Dict, en as Dict, [...used, ...built])).toEqual([]);
	});

	it('label both settings as assumptions and name the working week’s source', () => {
		expect(id.sizeWhy.workWeek).toMatch(/asumsi/);
		expect(id.sizeWhy.salary).toMatch(/asumsi/);
		expect(en.sizeWhy.workWeek).toMatch(/assumption/);
		expect(en.sizeWhy.salary).toMatch(/assumption/);
		expect(id.sizeWhy.workWeekSource).toMatch(/Perpres 21\/2023/);
		expect(en.sizeWhy.workWeekSource).toMatch(/Perpres 21\/2023/);
	});
});
