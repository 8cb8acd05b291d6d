/**
 * Special functions behind the Student-t quantile (log-gamma, the regularised incomplete beta, the normal quantile)
 * and behind service-time fitting (digamma, trigamma, the regularised incomplete gamma, the normal CDF).
 */
import { exp, log, log1p } from './portableMath';

// Lanczos approximation, g = 7, n = 9: relative error below 1e-15 for positive arguments.
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/** ln Γ(x) for x > 0 (Lanczos). */
export function logGamma(x: number): number {
	// Reflection: never reached by the t intervals (arguments ≥ ½), so Math.sin's rounding cannot reach results.
	if (x < 0.5) return log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const y = x - 1;
	let s = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (y + i);
	const t = y + 7.5;
	return 0.5 * log(2 * Math.PI) + (y + 0.5) * log(t) - t + log(s);
}

const TINY = 1e-300;
const EPS = 1e-15;
// Lentz's continued fraction needs O(√max(a, b)) terms; callers switch to the normal limit long before this binds.
const MAX_TERMS = 20_000;

/** Continued fraction for the incomplete beta (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < TINY) d = TINY;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= MAX_TERMS; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < EPS) break;
	}
	return h;
}

/** Regularised incomplete beta I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x));
	// The fraction converges fast only on this side of the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
	if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
	return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function poly(c: readonly number[], x: number): number {
	let s = 0;
	for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i];
	return s;
}

// Wichura (1988), Algorithm AS 241 (PPND16): about 1e-16 relative accuracy.
const A = [
	3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
	45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727
];
const B = [
	1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
	39307.89580009271061, 28729.085735721942674, 5226.495278852854561
];
const C = [
	1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
	1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4
];
const D = [
	1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
	0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9
];
const E = [
	6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
	0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7
];
const F = [
	1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
	1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15
];

/** Standard normal quantile Φ⁻¹(p) (Wichura's AS 241). */
export function normalQuantile(p: number): number {
	if (!(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	const q = p - 0.5;
	if (Math.abs(q) <= 0.425) {
		const r = 0.180625 - q * q;
		return (q * poly(A, r)) / poly(B, r);
	}
	let r = Math.sqrt(-log(q < 0 ? p : 1 - p));
	let z: number;
	if (r <= 5) {
		r -= 1.6;
		z = poly(C, r) / poly(D, r);
	} else {
		r -= 5;
		z = poly(E, r) / poly(F, r);
	}
	return q < 0 ? -z : z;
}

// ψ and ψ' by recurrence up to x ≥ 10, then their asymptotic series: the first omitted term is below 1e-14 there.
const PSI_ASYMPTOTIC = 10;

/** log x − ψ(x) for x > 0, without the cancellation of subtracting two near-equal numbers when x is large. */
export function logMinusDigamma(x: number): number {
	if (!(x > 0)) return NaN;
	if (x >= PSI_ASYMPTOTIC) {
		const r = 1 / (x * x);
		return 1 / (2 * x) + r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
	}
	return log(x) - digamma(x);
}

/** ψ(x) = d/dx ln Γ(x), the digamma function, for x > 0. */
export function digamma(x: number): number {
	if (!(x > 0)) return NaN;
	let shift = 0;
	while (x < PSI_ASYMPTOTIC) {
		shift += 1 / x;
		x += 1;
	}
	return log(x) - logMinusDigamma(x) - shift;
}

/** ψ'(x), the trigamma function, for x > 0. */
export function trigamma(x: number): number {
	if (!(x > 0)) return NaN;
	let shift = 0;
	while (x < PSI_ASYMPTOTIC) {
		shift += 1 / (x * x);
		x += 1;
	}
	const r = 1 / (x * x);
	const series = 1 / x + r / 2 + (r / x) * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - (r * 5) / 66))));
	return series + shift;
}

// Past this shape the series and fraction need O(√a) terms; the Wilson–Hilferty normal approximation is then
// within ~1e-6 of P(a, x), ample for the CDF overlays and KS distances it serves.
const GAMMA_NORMAL_SHAPE = 1e5;
const GAMMA_TERMS = 2_000;

/**
 * The regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a) for a > 0, x ≥ 0 (Numerical Recipes §6.2: the
 * series below x = a + 1, the continued fraction above). `lgA` = logGamma(a), when the caller has it already.
 */
export function incompleteGamma(a: number, x: number, lgA = logGamma(a)): number {
	if (!(a > 0) || x !== x) return NaN;
	if (x <= 0) return 0;
	if (x === Infinity) return 1;
	if (a > GAMMA_NORMAL_SHAPE) {
		const v = 1 / (9 * a);
		return normalCdf((Math.cbrt(x / a) - 1 + v) / Math.sqrt(v));
	}
	const front = exp(a * log(x) - x - lgA);
	if (x < a + 1) return front * gammaSeries(a, x);
	return 1 - front * gammaFraction(a, x);
}

/** The regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate where it is tiny (far upper tail). */
export function incompleteGammaUpper(a: number, x: number, lgA = logGamma(a)): number {
	if (!(a > 0) || x !== x) return NaN;
	if (x <= 0) return 1;
	if (x === Infinity) return 0;
	if (a > GAMMA_NORMAL_SHAPE || x < a + 1) return 1 - incompleteGamma(a, x, lgA);
	return exp(a * log(x) - x - lgA) * gammaFraction(a, x);
}

/**
 * log Γ(a, x), the upper incomplete gamma, for x > a + 1, by its continued fraction: where the lower one's series
 * would need about x terms (x ≫ a), the fraction converges in a few dozen.
 */
export function logUpperIncompleteGamma(a: number, x: number): number {
	if (!(a > 0) || !(x > a + 1)) return NaN;
	return a * log(x) - x + log(gammaFraction(a, x));
}

/** Σ xⁿ / (a(a+1)…(a+n)), the series of γ(a, x) e^x x^−a. */
function gammaSeries(a: number, x: number): number {
	let ap = a;
	let term = 1 / a;
	let sum = term;
	for (let n = 0; n < GAMMA_TERMS; n++) {
		ap += 1;
		term *= x / ap;
		sum += term;
		if (Math.abs(term) < Math.abs(sum) * EPS) break;
	}
	return sum;
}

/** The continued fraction of Γ(a, x) eˣ x^−a (modified Lentz). */
function gammaFraction(a: number, x: number): number {
	let b = x + 1 - a;
	let c = 1 / TINY;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < GAMMA_TERMS; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < TINY) d = TINY;
		c = b + an / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < EPS) break;
	}
	return h;
}

const LOG_GAMMA_HALF = 0.5 * log(Math.PI);

/** The standard normal CDF Φ(z), by erfc(|z|/√2) = Q(½, z²/2): accurate in both tails. */
export function normalCdf(z: number): number {
	if (z !== z) return NaN;
	const tail = 0.5 * incompleteGammaUpper(0.5, 0.5 * z * z, LOG_GAMMA_HALF);
	return z < 0 ? tail : 1 - tail;
}
