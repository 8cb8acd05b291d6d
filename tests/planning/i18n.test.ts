/** The compare and size pages' strings: both languages have the same keys, and every key the pages use exists. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import id from '../../src/lib/i18n/locales/id/planning.json';
import en from '../../src/lib/i18n/locales/en/planning.json';
import { OVERALL_KPIS } from '../../src/lib/planning/compare';

type Dict = { [k: string]: Dict | string };
const root = new URL('../..', import.meta.url).pathname;

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

const pages = ['src/routes/compare', 'src/routes/size'].flatMap((dir) =>
	readdirSync(join(root, dir))
		.filter((f) => f.endsWith('.svelte'))
		.map((f) => readFileSync(join(root, dir, f), 'utf8'))
);

describe('planning dictionaries', () => {
	it('have the same keys in Bahasa Indonesia and English', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('hold every fixed key the compare and size pages use', () => {
		const used = new Set<string>();
		for (const text of pages) for (const m of text.matchAll(/\$_\('(planning\.[^']+)'/g)) used.add(m[1]);
		expect(used.size).toBeGreaterThan(80);
		expect([...used].filter((k) => !has(id as Dict, k) || !has(en as Dict, k))).toEqual([]);
	});

	it('hold every key the pages build from data (what-if kinds, KPIs, phases, actions, notes)', () => {
		const built = [
			...['counters', 'demand', 'serviceTime', 'workProfile', 'order', 'atClose'].map((k) => `planning.whatIf.${k}`),
			...OVERALL_KPIS.map((k) => `planning.kpi.${k}`),
			...['start', 'grow', 'prune', 'share', 'done'].map((k) => `planning.size.phase.${k}`),
			...['start', 'add', 'remove', 'share'].map((k) => `planning.size.action.${k}`),
			...['patience-not-exponential', 'no-patience', 'shared-counters', 'shifts', 'partial-counters', 'no-counter'].map((k) => `planning.notes.${k}`)
		];
		expect(built.filter((k) => !has(id as Dict, k) || !has(en as Dict, k))).toEqual([]);
	});
});
