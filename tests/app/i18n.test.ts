import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/common.json';
import en from '../../src/lib/i18n/locales/en/common.json';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from './dictionaries';

describe('dictionaries', () => {
	it('Bahasa Indonesia and English have the same keys', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('every fixed key used by the app shell, home page and editor exists in both languages', () => {
		const used = usedKeys([
			'src/routes/+layout.svelte',
			'src/routes/+page.svelte',
			'src/routes/edit/+page.svelte',
			...svelteFiles('src/lib/components/editor'),
			...svelteFiles('src/lib/components/scenarios')
		]);
		expect(used.size).toBeGreaterThan(100);
		expect(missingIn(id as Dict, en as Dict, used)).toEqual([]);
	});
});
