/** Student-t distribution: CDF and quantile, for confidence intervals over replications. */
import { incompleteBeta, logGamma, normalQuantile } from './specialFunctions';
import { cotPi, exp, log, log1p } from './portableMath';

// Beyond this many degrees of freedom t and normal quantiles agree to ~1e-7: not worth the continued fraction.
const NORMAL_LIMIT = 1e7;

/** Upper tail P(T > t) for t ≥ 0: ½·I_{ν/(ν+t²)}(ν/2, ½), computed directly so small tails keep their precision. */
function upperTail(t: number, df: number): number {
	return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Student-t density at t with df degrees of freedom. */
export function tPdf(t: number, df: number): number {
	const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * log(df * Math.PI);
	return exp(logC - ((df + 1) / 2) * log1p((t * t) / df));
}

/** Student-t CDF P(T ≤ t) with df > 0 degrees of freedom (df = Infinity: the standard normal). */
export function tCdf(t: number, df: number): number {
	if (Number.isNaN(t) || !(df > 0)) return NaN;
	if (t === Infinity) return 1;
	if (t === -Infinity) return 0;
	// Past NORMAL_LIMIT the t and normal CDFs differ by < 1e-8: clamping also covers df = Infinity.
	const up = upperTail(Math.abs(t), Math.min(df, NORMAL_LIMIT));
	return t >= 0 ? 1 - up : up;
}

/** Student-t quantile: the t with P(T ≤ t) = p, for df > 0 degrees of freedom (not necessarily integer). */
export function tQuantile(p: number, df: number): number {
	if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	if (p === 0.5) return 0;
	// Solve for the upper tail of |T| and restore the sign by symmetry.
	const tail = p > 0.5 ? 1 - p : p;
	const sign = p > 0.5 ? 1 : -1;
	if (df >= NORMAL_LIMIT) return -sign * normalQuantile(tail);
	// Closed forms for 1 and 2 degrees of freedom (Cauchy, and Hill 1970).
	if (df === 1) return sign * cotPi(tail);
	if (df === 2) return sign * Math.sqrt(2 / (4 * tail * (1 - tail)) - 2);
	return sign * solveUpperTail(tail, df);
}

/** Two-sided critical value: tQuantile((1 + confidence) / 2, df), e.g. 2.228 for 95% and df = 10. */
export function tCritical(confidence: number, df: number): number {
	return tQuantile((1 + confidence) / 2, df);
}

/** The t ≥ 0 with P(T > t) = tail (< ½): Newton from a Cornish–Fisher start, kept inside a bisection bracket. */
function solveUpperTail(tail: number, df: number): number {
	const z = -normalQuantile(tail);
	// Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5): already good to ~1e-3 for df ≥ 5 at usual levels.
	const z2 = z * z;
	let t = z + (z * (z2 + 1)) / (4 * df) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df);
	let lo = 0;
	let hi = Math.max(t, 1);
	while (upperTail(hi, df) > tail) {
		lo = hi;
		hi *= 2;
		if (!Number.isFinite(hi)) return Infinity;
	}
	if (!(t > lo && t < hi)) t = (lo + hi) / 2;
	for (let i = 0; i < 100; i++) {
		const f = upperTail(t, df) - tail; // decreasing in t
		if (f > 0) lo = t;
		else hi = t;
		let next = t + f / tPdf(t, df);
		if (!(next > lo && next < hi)) next = (lo + hi) / 2;
		if (Math.abs(next - t) <= 1e-14 * Math.max(1, t)) return next;
		t = next;
	}
	return t;
}
