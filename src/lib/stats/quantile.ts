/** Sample quantiles over sorted numeric arrays (Hyndman & Fan type 7, the default of R and NumPy). */

/** The p-quantile (0 ≤ p ≤ 1) of ascending, NaN-free values by linear interpolation (type 7); NaN when empty. */
export function quantile(sortedValues: ArrayLike<number>, p: number): number {
	if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be within [0, 1], got ${p}`);
	const n = sortedValues.length;
	if (n === 0) return NaN;
	const h = (n - 1) * p;
	const lo = Math.floor(h);
	const frac = h - lo;
	const a = sortedValues[lo];
	// At p = 1 (or an exact order statistic) there is no upper neighbour to blend in.
	if (frac === 0 || lo + 1 >= n) return a;
	return a + frac * (sortedValues[lo + 1] - a);
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

/** Sorts values[from, to) ascending in place (NaN-free): insertion sort for a short range, the native sort otherwise. */
export function sortRange(values: Float64Array, from: number, to: number): void {
	// The native sort costs a call and a view; most of a replication's per-service ranges hold a few waits.
	if (to - from > 32) values.subarray(from, to).sort();
	else insertionSort(values, from, to);
}

function insertionSort(values: Float64Array, from: number, to: number): void {
	for (let i = from + 1; i < to; i++) {
		const x = values[i];
		let j = i - 1;
		while (j >= from && values[j] > x) {
			values[j + 1] = values[j];
			j--;
		}
		values[j + 1] = x;
	}
}

/**
 * Merges ascending runs in place into one ascending run: run r is values[bounds[r], bounds[r + 1]). Pairs of
 * neighbouring runs are merged until one is left, O(n log runs), far less than sorting again when the runs
 * are already sorted (per-service waits merged into per-agency, per-agency into overall). The passes alternate
 * between `values` and `scratch` (which must hold the whole range); NaN-free values.
 */
export function mergeRuns(values: Float64Array, bounds: Int32Array, scratch: Float64Array): void {
	const runs = bounds.length - 1;
	let src = values;
	let dst = scratch;
	for (let width = 1; width < runs; width *= 2) {
		for (let r = 0; r < runs; r += 2 * width) {
			const lo = bounds[r];
			const mid = bounds[Math.min(r + width, runs)];
			const hi = bounds[Math.min(r + 2 * width, runs)];
			let i = lo;
			let j = mid;
			let k = lo;
			while (i < mid && j < hi) dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
			while (i < mid) dst[k++] = src[i++];
			while (j < hi) dst[k++] = src[j++];
		}
		const t = src;
		src = dst;
		dst = t;
	}
	if (src !== values) for (let k = bounds[0]; k < bounds[runs]; k++) values[k] = src[k];
}
