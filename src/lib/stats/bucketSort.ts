/**
 * Ascending sort of a Float64Array range by buckets: the values are spread over as many equal-width buckets as
 * there are values (between the range's min and max), counted into place, and an insertion pass orders each
 * bucket. Random doubles make a comparison sort mispredict about every other branch; this sort makes a few
 * nearly branch-free passes instead, three to four times faster than the native typed-array sort on a day's
 * arrival times or a replication's waits (smooth samples: a bucket holds one or two values).
 */

// Working space, grown as needed (a set per thread serves every call: see the crowded buckets below).
let bucketOf = new Int32Array(256);
let bucketEnd = new Int32Array(257);
let spare = new Float64Array(256);
let spareKeys = new Int32Array(256);

// A bucket holding more values than this (a very uneven sample: a far outlier squeezes the rest into a few
// buckets) is bucket-sorted again on its own, instead of given a quadratic insertion pass.
const CROWDED = 32;

/**
 * Sorts values[from, to) ascending in place (NaN-free; -0 and 0 count as equal, as for `<`). With `keys`,
 * keys[from, to) moves along with the values: key i stays with the value it came with.
 */
export function bucketSort(values: Float64Array, from: number, to: number, keys?: Int32Array): void {
	const n = to - from;
	if (n < 2) return;
	let min = values[from];
	let max = min;
	for (let i = from + 1; i < to; i++) {
		const v = values[i];
		if (v < min) min = v;
		else if (v > max) max = v;
	}
	if (!(max > min)) return; // all equal
	// Values spanning more than the doubles' range overflow the width; halving both sides keeps it finite.
	const scale = (n - 1) / (max / 2 - min / 2) / 2;
	if (!(scale < Infinity)) {
		// Distinct only in their last subnormal bits: no width separates them, but they are sorted anyway.
		insertionSort(values, keys, from, to);
		return;
	}
	if (bucketOf.length < n) {
		bucketOf = new Int32Array(n * 2);
		bucketEnd = new Int32Array(n * 2 + 1);
		spare = new Float64Array(n * 2);
		spareKeys = new Int32Array(n * 2);
	}
	const end = bucketEnd;
	end.fill(0, 0, n + 1);
	// A monotone map of value to bucket (v ≤ w gives bucket(v) ≤ bucket(w)), so the buckets come out in order.
	// Rounding up keeps bucket 0 for the minimum itself: a sample with a mass there (the waits of visitors called
	// at once are all 0) would otherwise crowd its smallest other values in with it, bucket after bucket.
	for (let i = 0; i < n; i++) {
		let b = Math.ceil((values[from + i] - min) * scale);
		if (!(b < n)) b = n - 1;
		bucketOf[i] = b;
		end[b + 1]++;
	}
	for (let b = 0; b < n; b++) end[b + 1] += end[b];
	// end[b] is bucket b's first slot; counting its values in moves it to the bucket's end.
	if (keys)
		for (let i = 0; i < n; i++) {
			const at = end[bucketOf[i]]++;
			spare[at] = values[from + i];
			spareKeys[at] = keys[from + i];
		}
	else for (let i = 0; i < n; i++) spare[end[bucketOf[i]]++] = values[from + i];
	let crowded: number[] | null = null;
	let start = 0;
	for (let b = 0; b < n && start < n; b++) {
		const stop = end[b];
		if (stop - start > CROWDED) (crowded ??= []).push(start, stop);
		else insertionSort(spare, keys && spareKeys, start, stop);
		start = stop;
	}
	values.set(spare.subarray(0, n), from);
	if (keys) keys.set(spareKeys.subarray(0, n), from);
	// Done with the working space: each crowded bucket can now use it for a sort of its own.
	if (crowded) for (let i = 0; i < crowded.length; i += 2) bucketSort(values, from + crowded[i], from + crowded[i + 1], keys);
}

/** Insertion sort of values[from, to), keys (if any) moving along: for runs that are short or nearly in order. */
export function insertionSort(values: Float64Array, keys: Int32Array | undefined, from: number, to: number): void {
	for (let i = from + 1; i < to; i++) {
		const x = values[i];
		if (!(values[i - 1] > x)) continue;
		const k = keys ? keys[i] : 0;
		let j = i - 1;
		do {
			values[j + 1] = values[j];
			if (keys) keys[j + 1] = keys[j];
			j--;
		} while (j >= from && values[j] > x);
		values[j + 1] = x;
		if (keys) keys[j + 1] = k;
	}
}
