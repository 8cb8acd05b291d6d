/** The report's strings: both languages have the same keys, and every key the report components use exists. */
import { describe, expect, it } from 'vitest';
import id from '../../../src/lib/i18n/locales/id/report.json';
import en from '../../../src/lib/i18n/locales/en/report.json';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from '../dictionaries';

const root = new URL('../../..', import.meta.url).pathname;
const components = svelteFiles(`${root}src/lib/components/report`);

describe('report dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every fixed key the report components use, and the titles built from the kind of report', () => {
		const used = usedKeys(components, 'report.');
		expect(used.size).toBeGreaterThan(40);
		const built = [
			...['run', 'compare', 'size'].map((k) => `report.title.${k}`),
			...['waitP90', 'servedPerDay'].map((f) => `report.compare.${f}`)
		];
		expect(missingIn(id as Dict, en as Dict, [...used, ...built])).toEqual([]);
	});

	it('name the print button as the issue asks, Bahasa Indonesia first', () => {
		expect(id.report.print).toBe('Cetak / Simpan PDF');
		expect(en.report.print).toBe('Print / Save as PDF');
	});
});
