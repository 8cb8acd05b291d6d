/**
 * What the calibrate page's charts draw, computed from the fits and the validation: a histogram of observed
 * durations on a density scale (so the fitted density lies over it), the fitted density as a curve, Q-Q points,
 * and cumulative wait curves at a fixed number of points. Each is bounded in size whatever the log's, so
 * drawing never takes long on the page's thread.
 */

/** One histogram bar: [from, to) and its height as a density (share per minute). */
export interface DensityBin {
	from: number;
	to: number;
	count: number;
	density: number;
}

/** The value below which a share `p` of sorted values lie (linear between order statistics). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const h = (n - 1) * Math.min(1, Math.max(0, p));
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A sorted copy of the finite values. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
	const out: number[] = [];
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
	return Float64Array.from(out).sort();
}

/**
 * Histogram bins of durations from 0 to about their 99th percentile (a long tail would squeeze the bars into a
 * corner), bin width by the Freedman–Diaconis rule, 8–40 bins; heights are densities, so the bars' area over
 * the shown range is the share of values in it.
 */
export function densityBins(values: ArrayLike<number>): DensityBin[] {
	const sorted = sortedFinite(values);
	const n = sorted.length;
	if (n === 0) return [];
	const top = Math.max(sortedQuantile(sorted, 0.99), sorted[0], 1e-9);
	const iqr = sortedQuantile(sorted, 0.75) - sortedQuantile(sorted, 0.25);
	const fd = iqr > 0 ? (2 * iqr) / Math.cbrt(n) : top / 10;
	const count = Math.min(40, Math.max(8, Math.ceil(top / fd)));
	const width = top / count;
	const bins: DensityBin[] = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0, density: 0 }));
	for (const v of sorted) {
		if (v > top || v < 0) continue;
		bins[Math.min(count - 1, Math.floor(v / width))].count++;
	}
	for (const b of bins) b.density = b.count / (n * width);
	return bins;
}

/** A function sampled at `points + 1` evenly spaced x in [from, to]; non-finite values are left out. */
export function curve(f: (x: number) => number, from: number, to: number, points = 120): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	for (let i = 0; i <= points; i++) {
		const x = from + ((to - from) * i) / points;
		const y = f(x);
		if (Number.isFinite(y)) out.push([x, y]);
	}
	return out;
}

/**
 * Q-Q points: the fitted distribution's quantile against the observed one at plotting positions (i − 0.5)/n,
 * at most `max` of them, evenly spread over the order statistics (the extremes included).
 */
export function qqPoints(values: ArrayLike<number>, quantile: (p: number) => number, max = 200): Array<[number, number]> {
	const sorted = sortedFinite(values);
	const n = sorted.length;
	if (n === 0) return [];
	const take = Math.min(n, max);
	const out: Array<[number, number]> = [];
	for (let k = 0; k < take; k++) {
		const i = take === 1 ? 0 : Math.round((k * (n - 1)) / (take - 1));
		const fitted = quantile((i + 0.5) / n);
		if (Number.isFinite(fitted)) out.push([fitted, sorted[i]]);
	}
	return out;
}

/** Share of sorted values ≤ x (binary search). */
export function shareAtMost(sorted: ArrayLike<number>, x: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo / n;
}

/** The cumulative share of sorted values at `points + 1` evenly spaced minutes from 0 to `to` (empty when there are none). */
export function cdfPoints(sorted: ArrayLike<number>, to: number, points = 120): Array<[number, number]> {
	if (sorted.length === 0) return [];
	return curve((x) => shareAtMost(sorted, x), 0, to, points);
}

/** Where wait curves stop: the largest 99th percentile among them, rounded up to 5 minutes (at least `min`). */
export function cdfRange(series: ReadonlyArray<ArrayLike<number>>, min = 10): number {
	let top = min;
	for (const s of series) if (s.length > 0) top = Math.max(top, sortedQuantile(s, 0.99));
	return Math.ceil(top / 5) * 5;
}

