/** The what-if editor's and the kept comparison's strings (whatIf.json): the same keys in both languages, every key used present. */
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/whatIf.json';
import en from '../../src/lib/i18n/locales/en/whatIf.json';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from '../app/dictionaries';

const root = new URL('../..', import.meta.url).pathname;

describe('what-if dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every key the compare page uses, fixed or built from the notice kind', () => {
		const used = usedKeys(svelteFiles(root + 'src/routes/compare'), 'whatIf.');
		expect(used.size).toBeGreaterThan(10);
		const built = ['whatIf.original.note', 'whatIf.dropped', 'whatIf.restored'];
		expect(missingIn(id as Dict, en as Dict, [...used, ...built])).toEqual([]);
	});
});
