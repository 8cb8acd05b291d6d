/**
 * Elementary functions that give the same bits on every JavaScript engine. `Math.exp`, `Math.log` and friends
 * are only "implementation-approximated" by the language: Node 20 and current Chromium round some results
 * differently, which broke byte-identical runs between the CLI and the browser. These ports of fdlibm's
 * algorithms (Sun Microsystems, 1993; the code behind most libm's) use only IEEE-754 +, −, ×, ÷ and bit
 * operations, whose results every engine must round the same way. Accuracy is below one ulp, as in fdlibm.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian on every platform a browser or Node runs on: word 1 holds sign, exponent and top mantissa bits.
const HI = 1;
const LO = 0;

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
	f64[0] = x;
	let hx = u32[HI] | 0;
	const lx = u32[LO];
	let k = 0;
	if (hx < 0x00100000) {
		// Zero, negative or subnormal.
		if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
		if (hx < 0) return NaN;
		k -= 54;
		x *= TWO54;
		f64[0] = x;
		hx = u32[HI] | 0;
	}
	if (hx >= 0x7ff00000) return x + x;
	k += (hx >> 20) - 1023;
	hx &= 0x000fffff;
	const i = (hx + 0x95f64) & 0x100000;
	// Normalise x to [sqrt(2)/2, sqrt(2)).
	f64[0] = x;
	u32[HI] = hx | (i ^ 0x3ff00000);
	x = f64[0];
	k += i >> 20;
	const f = x - 1.0;
	const dk = k;
	if ((0x000fffff & (2 + hx)) < 3) {
		// |f| < 2^-20
		if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
		const R = f * f * (0.5 - 0.33333333333333333 * f);
		return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
	}
	const s = f / (2.0 + f);
	const z = s * s;
	let j = hx - 0x6147a;
	const w = z * z;
	const j2 = 0x6b851 - hx;
	const t1 = w * (LG2 + w * (LG4 + w * LG6));
	const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
	j |= j2;
	const R = t2 + t1;
	if (j > 0) {
		const hfsq = 0.5 * f * f;
		return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
	}
	return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const TWOM1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** The double whose high word is `hi` and low word 0 (fdlibm tests high words; these are the same tests on |x|). */
function withHighWord(hi: number): number {
	f64[0] = 0;
	u32[HI] = hi;
	return f64[0];
}
// |x| ≥ EXP_SPECIAL ⟺ fdlibm's hx ≥ 0x40862e42; |x| ≥ EXP_REDUCE ⟺ hx > 0x3fd62e42; |x| < EXP_ONE_STEP ⟺
// hx < 0x3ff0a2b2; |x| < EXP_TINY ⟺ hx < 0x3e300000.
const EXP_SPECIAL = withHighWord(0x40862e42);
const EXP_REDUCE = withHighWord(0x3fd62e43);
const EXP_ONE_STEP = withHighWord(0x3ff0a2b2);
const EXP_TINY = withHighWord(0x3e300000);
// 2^e for e in [-1022, 1023], by exact doubling and halving: scaling by it is exact while the result stays normal.
const POW2 = new Float64Array(2046);
{
	let p = 1;
	for (let e = 0; e <= 1023; e++, p *= 2) POW2[e + 1022] = p;
	p = 1;
	for (let e = 0; e >= -1022; e--, p /= 2) POW2[e + 1022] = p;
}

/**
 * e^x (fdlibm e_exp.c). fdlibm reads x's bits and scales its result by adding to the exponent bits; here the same
 * tests are comparisons of |x| with the doubles they stand for, and the scaling a multiplication by an exact
 * power of two: the same bits, without a round trip through memory for each call.
 */
export function exp(x: number): number {
	const ax = Math.abs(x);
	if (!(ax < EXP_SPECIAL)) {
		// |x| ≥ 709.78…: NaN, ±∞, overflow or underflow.
		if (x !== x) return x + x;
		if (ax === Infinity) return x > 0 ? x : 0;
		if (x > O_THRESHOLD) return Infinity;
		if (x < U_THRESHOLD) return 0;
	}
	let hi = 0;
	let lo = 0;
	let k = 0;
	if (ax >= EXP_REDUCE) {
		// |x| > ln2/2: reduce x = k·ln2 + r.
		if (ax < EXP_ONE_STEP) {
			hi = x > 0 ? x - LN2_HI : x + LN2_HI;
			lo = x > 0 ? LN2_LO : -LN2_LO;
			k = x > 0 ? 1 : -1;
		} else {
			k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
			hi = x - k * LN2_HI;
			lo = k * LN2_LO;
		}
		x = hi - lo;
	} else if (ax < EXP_TINY) {
		// |x| < 2^-28
		return 1 + x;
	}
	const t = x * x;
	const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
	if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
	const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
	if (k >= -1021) return k <= 1023 ? y * POW2[k + 1022] : y * 2 * POW2[1023 + 1022];
	return y * POW2[k + 1000 + 1022] * TWOM1000;
}

/** log(1 + x), accurate for small x: log(u) corrected by the rounding error of u = 1 + x (Goldberg's trick). */
export function log1p(x: number): number {
	const u = 1 + x;
	if (u === 1) return x;
	return (log(u) * x) / (u - 1);
}

/** x^y for x > 0 (exp(y·log x)); ample for sampling, where only determinism and ~1e-15 accuracy matter. */
export function powPositive(x: number, y: number): number {
	return exp(y * log(x));
}

/** cot(π·p) for 0 < p < 1/2, by Taylor series of sin and cos on [0, π/2] (Cauchy quantiles). */
export function cotPi(p: number): number {
	// Reduce to [0, π/4] where the series converge fast: cot(π/2 − a) = tan(a) = 1 / cot(a).
	const flip = p > 0.25;
	const a = Math.PI * (flip ? 0.5 - p : p);
	const a2 = a * a;
	let sin = a;
	let cos = 1;
	let ts = a;
	let tc = 1;
	for (let n = 1; n <= 12; n++) {
		ts *= -a2 / ((2 * n) * (2 * n + 1));
		tc *= -a2 / ((2 * n - 1) * (2 * n));
		sin += ts;
		cos += tc;
	}
	return flip ? sin / cos : cos / sin;
}
