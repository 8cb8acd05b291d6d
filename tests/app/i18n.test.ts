import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/common.json';
import en from '../../src/lib/i18n/locales/en/common.json';

type Dict = { [k: string]: Dict | string };

function keys(d: Dict, prefix = ''): string[] {
	return Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function has(d: Dict, key: string): boolean {
	let node: Dict | string = d;
	for (const part of key.split('.')) {
		if (typeof node === 'string' || !(part in node)) return false;
		node = node[part];
	}
	return typeof node === 'string';
}

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? files(p) : p.endsWith('.svelte') ? [p] : [];
	});
}

describe('dictionaries', () => {
	it('Bahasa Indonesia and English have the same keys', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('every fixed key used by the app shell, home page and editor exists in both languages', () => {
		const sources = [
			'src/routes/+layout.svelte',
			'src/routes/+page.svelte',
			'src/routes/edit/+page.svelte',
			...files('src/lib/components/editor'),
			...files('src/lib/components/scenarios')
		];
		const used = new Set<string>();
		for (const f of sources) {
			for (const m of readFileSync(f, 'utf8').matchAll(/\$_\('([^']+)'/g)) used.add(m[1]);
		}
		expect(used.size).toBeGreaterThan(100);
		const missing = [...used].filter((k) => !has(id as Dict, k) || !has(en as Dict, k));
		expect(missing).toEqual([]);
	});
});
