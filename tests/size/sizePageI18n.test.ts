/** The size page's own strings (kept results, waiting-room seats): both languages have the same keys, every key used exists, the factor is an assumption. */
import { describe, expect, it } from 'vitest';
import en from '../../src/lib/i18n/locales/en/sizePage.json';
import id from '../../src/lib/i18n/locales/id/sizePage.json';
import { keys, missingIn, usedKeys, type Dict } from '../app/dictionaries';

const root = new URL('../..', import.meta.url).pathname;
const files = ['src/lib/components/planning/SeatsCard.svelte', 'src/routes/size/+page.svelte', 'src/routes/size/GrowthSection.svelte'].map((f) => root + f);

describe('sizePage dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every key the page and its components use', () => {
		const used = usedKeys(files, 'sizePage.');
		expect(used.size).toBeGreaterThan(10);
		expect(missingIn(id as Dict, en as Dict, [...used])).toEqual([]);
	});

	it('label the companions factor as an assumption', () => {
		expect(id.sizePage.companions).toMatch(/asumsi/);
		expect(en.sizePage.companions).toMatch(/assumption/);
		expect(id.sizePage.companionsSource).toMatch(/asumsi/);
		expect(en.sizePage.companionsSource).toMatch(/assumption/);
	});
});
