/** JSON paths of scenario fields, as the model's errors write them, and what the editor does with them. */
import type { ScenarioError } from '$lib/model';

/** A DOM id for the input of a field at a path (stable, safe in selectors and `for`). */
export function fieldId(path: string): string {
	return 'f-' + (path === '' ? 'root' : path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9_-]/g, '-'));
}

/** Errors grouped by exact path. */
export function groupByPath(errors: readonly ScenarioError[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const e of errors) out.set(e.path, [...(out.get(e.path) ?? []), e.message]);
	return out;
}

/** True when `path` is `prefix` or lies under it (`counters[2]` covers `counters[2].serves[0]`, not `counters[20]`). */
export function isUnder(path: string, prefix: string): boolean {
	if (prefix === '') return true;
	if (!path.startsWith(prefix)) return false;
	const next = path.charAt(prefix.length);
	return next === '' || next === '.' || next === '[';
}

/** How many of `paths` lie under `prefix`. */
export function countUnder(paths: Iterable<string>, prefix: string): number {
	let n = 0;
	for (const p of paths) if (isUnder(p, prefix)) n++;
	return n;
}

/** The segments of a path text: "counters[3].serves[0]" → ['counters', 3, 'serves', 0]. */
export function splitPath(path: string): Array<string | number> {
	const out: Array<string | number> = [];
	const re = /([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(path)) !== null) {
		if (m[1] !== undefined) out.push(m[1]);
		else if (m[2] !== undefined) out.push(Number(m[2]));
		else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
	}
	return out;
}

/** The index of the top-level list item a path is in, e.g. `agencies[4]…` → 4 for 'agencies'. */
export function topIndex(path: string, list: 'agencies' | 'counters'): number | undefined {
	const m = new RegExp(`^${list}\\[(\\d+)\\]`).exec(path);
	return m ? Number(m[1]) : undefined;
}

/**
 * Words for a path, for the error summary: list items are named by their ids (`counters[3]` → the counter's
 * id) and field names go through `label` (which returns undefined for names it does not know).
 */
export function describePath(path: string, scenario: unknown, label: (key: string) => string | undefined): string {
	const segs = splitPath(path);
	const parts: string[] = [];
	let node: unknown = scenario;
	let parentKey = '';
	for (const s of segs) {
		const child = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[s] : undefined;
		if (typeof s === 'number') {
			const id = child !== null && typeof child === 'object' ? (child as Record<string, unknown>).id : undefined;
			if (['agencies', 'services', 'counters'].includes(parentKey) && typeof id === 'string' && id !== '') parts.push(`“${id}”`);
			else parts.push(`#${s + 1}`);
		} else {
			parts.push(label(s) ?? s);
		}
		parentKey = typeof s === 'string' ? s : '';
		node = child;
	}
	return parts.join(' › ');
}
