/** Shared by the i18n tests: reading the locale dictionaries and the fixed `$_('…')` keys the app's sources use. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Dict = { [k: string]: Dict | string };

/** Every leaf key of a dictionary, dotted ("home.title"). */
export function keys(d: Dict, prefix = ''): string[] {
	return Object.entries(d).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

/** True when a dotted key names a string in the dictionary (not a group of strings). */
function has(d: Dict, key: string): boolean {
	let node: Dict | string = d;
	for (const part of key.split('.')) {
		if (typeof node === 'string' || !(part in node)) return false;
		node = node[part];
	}
	return typeof node === 'string';
}

/** The keys that are missing from either language. */
export function missingIn(id: Dict, en: Dict, used: Iterable<string>): string[] {
	return [...used].filter((k) => !has(id, k) || !has(en, k));
}

/** The .svelte files below a folder, at any depth. */
export function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? svelteFiles(p) : p.endsWith('.svelte') ? [p] : [];
	});
}

/**
 * The fixed keys that files pass to `$_('…')` whose key starts with `prefix`. Keys built at run time
 * (template strings) are not seen: tests list those themselves.
 */
export function usedKeys(files: readonly string[], prefix = ''): Set<string> {
	const used = new Set<string>();
	for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\$_\('([^']+)'/g)) if (m[1].startsWith(prefix)) used.add(m[1]);
	return used;
}
