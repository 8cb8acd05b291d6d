/** Sample quantiles over sorted numeric arrays (Hyndman & Fan type 7, the default of R and NumPy). */
import { bucketSort, insertionSort } from './bucketSort';

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending, NaN-free values by linear interpolation (type 7); NaN when empty.
 * `from`/`to` take the quantile of the run sortedValues[from, to) alone.
 */
export function quantile(sortedValues: ArrayLike<number>, p: number, from = 0, to = sortedValues.length): number {
	if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be within [0, 1], got ${p}`);
	return quantileAfterZeros(sortedValues, p, 0, from, to);
}

/**
 * `quantile` (p unchecked) of `zeros` zeros followed by the ascending, positive run sortedValues[from, to), without
 * writing the zeros out (a replication's waits are a third zeros: those who are called at once). The same bits as
 * `quantile` of the whole run.
 */
export function quantileAfterZeros(sortedValues: ArrayLike<number>, p: number, zeros: number, from: number, to: number): number {
	const n = zeros + to - from;
	if (n <= 0) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const frac = h - lo;
	const a = lo < zeros ? 0 : sortedValues[from + lo - zeros];
	// At p = 1 (or an exact order statistic) there is no upper neighbour to blend in.
	if (frac === 0 || lo + 1 >= n) return a;
	return a + frac * ((lo + 1 < zeros ? 0 : sortedValues[from + lo + 1 - zeros]) - a);
}

/** Sorts a Float64Array ascending in place (native numeric sort, NaN last) and returns it. */
export function sortFloat64(values: Float64Array): Float64Array {
	// Typed-array sort without a comparator is numeric and runs natively: far faster than Array#sort.
	return values.sort();
}

/** A new ascending Float64Array of the values with NaN left out, ready for `quantile`. */
export function sortedWithoutNaN(values: ArrayLike<number>): Float64Array {
	const out = new Float64Array(values.length);
	let n = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === v) out[n++] = v;
	}
	return sortFloat64(n === out.length ? out : out.slice(0, n));
}

/** Sorts values[from, to) ascending in place (NaN-free): insertion sort for a short range, a bucket sort otherwise. */
export function sortRange(values: Float64Array, from: number, to: number): void {
	if (to - from > 32) bucketSort(values, from, to);
	else insertionSort(values, undefined, from, to);
}
