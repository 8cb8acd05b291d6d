/**
 * Sorting of the results tables. Missing values (null, NaN) always go last, whatever the direction, so a
 * sorted column starts with real numbers; ties keep the scenario's order (stable), so sorting is predictable.
 */

export type SortDir = 'asc' | 'desc';
export type SortValue = number | string | null | undefined;

function missing(v: SortValue): boolean {
	return v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));
}

/** Compares two sort values in a direction; missing values last. */
export function compareValues(a: SortValue, b: SortValue, dir: SortDir): number {
	const ma = missing(a);
	const mb = missing(b);
	if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
	let c: number;
	if (typeof a === 'number' && typeof b === 'number') c = a - b;
	else c = String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
	return dir === 'asc' ? c : -c;
}

/** Rows sorted by `key(row)` in direction `dir` (a new array; ties in the original order). */
export function sortRows<T>(rows: readonly T[], key: (row: T) => SortValue, dir: SortDir): T[] {
	return rows
		.map((row, i) => ({ row, i, v: key(row) }))
		.sort((a, b) => compareValues(a.v, b.v, dir) || a.i - b.i)
		.map((x) => x.row);
}

/** The next sort state after a click on column `col`: the same column flips, another starts in its own first direction. */
export function nextSort<C extends string>(current: { col: C; dir: SortDir }, col: C, firstDir: SortDir): { col: C; dir: SortDir } {
	if (current.col === col) return { col, dir: current.dir === 'asc' ? 'desc' : 'asc' };
	return { col, dir: firstDir };
}

/**
 * The rows to highlight as the worst: the `n` with the highest `badness` (ignoring missing and values at or
 * below `floor`), returned as a set of indices into `rows`.
 */
export function worstIndices<T>(rows: readonly T[], badness: (row: T) => number | null, n = 3, floor = 0): Set<number> {
	const scored = rows
		.map((row, i) => ({ i, v: badness(row) }))
		.filter((x): x is { i: number; v: number } => x.v !== null && Number.isFinite(x.v) && x.v > floor)
		.sort((a, b) => b.v - a.v || a.i - b.i);
	return new Set(scored.slice(0, n).map((x) => x.i));
}

/** A column of a sortable results table. */
export interface Column<R> {
	key: string;
	label: string;
	/** Longer description for the heading's tooltip. */
	title?: string;
	value: (row: R) => SortValue;
	text: (row: R) => string;
	/** Tooltip of a cell (e.g. a full name behind a short one). */
	tip?: (row: R) => string;
	/** Secondary line under the value (e.g. the 95% interval). */
	sub?: (row: R) => string;
	numeric?: boolean;
	/** Keep the cell on one line (short ids). */
	nowrap?: boolean;
	/** A 0–1 bar drawn behind the value. */
	bar?: (row: R) => number | null;
	/** Direction of the first click (default: descending for numbers, ascending for text). */
	firstDir?: SortDir;
}
