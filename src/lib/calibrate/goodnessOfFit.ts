/**
 * Goodness of fit for service-time distributions: the Kolmogorov–Smirnov distance, computed exactly, and a
 * p-value by parametric bootstrap, which accounts for the parameters having been estimated from the same data
 * (the textbook KS p-value assumes them known and is then far too large).
 */
import type { Distribution } from '../model/distribution';
import { sampler } from '../sim/distributions';
import type { Rng } from '../sim/random';
import { compile } from './densities';

/**
 * sup |F_n − F| of an ascending sample against a continuous CDF. The supremum sits at a jump of F_n, on one
 * side or the other: F_n(x) − F(x) after it, F(x) − F_n(x−) before it. Ties are handled: over a run of equal
 * values the largest i/n and the smallest (i−1)/n are the ECDF's right and left limits there.
 */
export function ksDistance(sorted: ArrayLike<number>, F: (x: number) => number): number {
	const n = sorted.length;
	let d = 0;
	let last = NaN;
	let f = NaN;
	for (let i = 0; i < n; i++) {
		// One evaluation per run of equal values (logged durations tie a lot).
		if (sorted[i] !== last) {
			last = sorted[i];
			f = F(last);
		}
		const above = (i + 1) / n - f;
		const below = f - i / n;
		if (above > d) d = above;
		if (below > d) d = below;
	}
	return d;
}

// Block length of ksAtLeast: the CDF is evaluated at every BLOCK-th point first; a block between two evaluated
// points can add at most BLOCK/n + (F rise across it) to their gaps, so most blocks are settled unseen.
const BLOCK = 8;

/**
 * Whether ksDistance(sorted, F) ≥ threshold, decided with far fewer CDF evaluations: F at every BLOCK-th point,
 * then inside only the blocks whose bound (F and F_n are monotone, so F_n − F in a block is at most the right
 * end's F_n minus the left end's F, and F − F_n(x−) at most the right end's F minus the left end's F_n) reaches
 * the threshold. The same gaps as ksDistance, computed the same way, so the answer is exactly its comparison.
 */
export function ksAtLeast(sorted: ArrayLike<number>, F: (x: number) => number, threshold: number): boolean {
	const n = sorted.length;
	if (n === 0) return 0 >= threshold;
	const ends = new Float64Array(Math.ceil((n - 1) / BLOCK) + 1);
	for (let j = 0; j < ends.length; j++) {
		const i = Math.min(n - 1, j * BLOCK);
		const f = (ends[j] = F(sorted[i]));
		if ((i + 1) / n - f >= threshold || f - i / n >= threshold) return true;
	}
	for (let j = 0; j + 1 < ends.length; j++) {
		const a = j * BLOCK;
		const b = Math.min(n - 1, a + BLOCK);
		if (b - a < 2 || (b / n - ends[j] < threshold && ends[j + 1] - (a + 1) / n < threshold)) continue;
		let last = sorted[a];
		let f = ends[j];
		for (let i = a + 1; i < b; i++) {
			if (sorted[i] !== last) {
				last = sorted[i];
				f = F(last);
			}
			if ((i + 1) / n - f >= threshold || f - i / n >= threshold) return true;
		}
	}
	return false;
}

/**
 * sup |F_n − G| between an ascending sample's ECDF and the step CDF G of the ascending `steps` (an empirical
 * distribution). Both are right-continuous steps, so the supremum is attained at one of their jumps: the merged
 * jump points are walked once.
 */
export function ksDistanceStep(sorted: ArrayLike<number>, steps: ArrayLike<number>): number {
	const n = sorted.length;
	const m = steps.length;
	if (n === 0 || m === 0) return n === m ? 0 : 1;
	let i = 0;
	let j = 0;
	let d = 0;
	while (i < n || j < m) {
		const t = j >= m || (i < n && sorted[i] < steps[j]) ? sorted[i] : steps[j];
		while (i < n && sorted[i] <= t) i++;
		while (j < m && steps[j] <= t) j++;
		const gap = Math.abs(i / n - j / m);
		if (gap > d) d = gap;
	}
	return d;
}

/**
 * Besag & Clifford's (1991) sequential stop: once this many replicates reach the observed KS, the p-value is
 * h/L (L replicates drawn) and clearly not small; drawing on would only refine a large p. Valid like the fixed-B
 * test, and a good fit (the common case) then costs h/p replicates instead of B.
 */
const ENOUGH_EXCEEDANCES = 20;

/**
 * A family's fit to a sample, which it may clean and sort in place: the sample as fitted (ascending) and the
 * fitted distribution. `draw`: the values are bootstrap draws (to be rounded like the data), not the data.
 */
export type Refit = (values: Float64Array, draw: boolean) => { sample: Float64Array; distribution: Distribution } | null;

export interface BootstrapOptions {
	/** B, the number of bootstrap samples. */
	replicates: number;
	/** The test runs on a random subsample of this size when the sample is larger. */
	maxSample: number;
}

export interface BootstrapResult {
	/**
	 * (1 + #{KS* ≥ KS}) / (B + 1), B counting the replicates that could be refitted; h/L when the sequential
	 * stop (ENOUGH_EXCEEDANCES = h) ended the test after L replicates.
	 */
	pValue: number;
	/** KS of the test sample against its own fit: the statistic the p-value refers to. */
	ks: number;
	replicates: number;
	sample: number;
}

/**
 * The parametric-bootstrap KS test of a family (Stute, González Manteiga & Presedo Quindimil 1993): fit the
 * family to the test sample, then B times draw a sample of the same size from that fit with the simulator's own
 * sampler, refit the family to it and take its KS distance; the p-value is the share of those at least as large
 * as the observed one. Refitting each draw is what makes the null distribution account for the estimation.
 *
 * When the sample is larger than `maxSample`, the test runs on a random subsample of that size (without
 * replacement, drawn with `rng`): the cost grows as n·B, and with n in the tens of thousands every model is
 * rejected for departures too small to matter for waits. The p-value
 * then answers "is the family plausible for a sample of this size", which is the useful question.
 * The test stops early once ENOUGH_EXCEEDANCES replicates reach the observed KS (see there).
 * Null when the test sample cannot be fitted or no replicate could be.
 */
export function parametricBootstrap(
	sorted: Float64Array,
	refit: Refit,
	rng: Rng,
	options: BootstrapOptions
): BootstrapResult | null {
	const n = sorted.length;
	const m = Math.min(n, options.maxSample);
	const observed = refit(n > m ? subsample(sorted, m, rng) : sorted.slice(), false);
	if (!observed) return null;
	const ks = ksDistance(observed.sample, compile(observed.distribution).cdf);
	const draw = sampler(observed.distribution, true);
	const buffer = new Float64Array(observed.sample.length);
	let valid = 0;
	let atLeast = 0;
	for (let b = 0; b < options.replicates && atLeast < ENOUGH_EXCEEDANCES; b++) {
		draw.fill(rng, buffer, 0, buffer.length);
		const fit = refit(buffer, true);
		if (!fit) continue;
		valid++;
		if (ksAtLeast(fit.sample, compile(fit.distribution).cdf, ks)) atLeast++;
	}
	if (valid === 0) return null;
	const pValue = atLeast >= ENOUGH_EXCEEDANCES ? atLeast / valid : (1 + atLeast) / (valid + 1);
	return { pValue, ks, replicates: valid, sample: observed.sample.length };
}

/** m values drawn without replacement (a partial Fisher–Yates shuffle of a copy), ascending. */
function subsample(values: Float64Array, m: number, rng: Rng): Float64Array {
	const copy = values.slice();
	const n = copy.length;
	for (let i = 0; i < m; i++) {
		const j = i + Math.floor(rng() * (n - i));
		const t = copy[i];
		copy[i] = copy[j];
		copy[j] = t;
	}
	return copy.subarray(0, m).sort();
}
