import type { Distribution } from '../model/distribution';
import type { Rng } from './random';
import { exp, log, powPositive } from '../stats/portableMath';

// The ziggurat of the standard normal density in 128 layers of equal area (Marsaglia & Tsang 2000), in Doornik's
// ZIGNOR form (2005), which draws the layer and the point from separate uniforms. Tables are built with the
// portable exp/log, so they are the same bits in every engine.
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const zigX = new Float64Array(ZIG_LAYERS + 1);
const zigRatio = new Float64Array(ZIG_LAYERS);
{
	let f = exp(-0.5 * ZIG_R * ZIG_R);
	zigX[0] = ZIG_V / f;
	zigX[1] = ZIG_R;
	zigX[ZIG_LAYERS] = 0;
	for (let i = 2; i < ZIG_LAYERS; i++) {
		zigX[i] = Math.sqrt(-2 * log(ZIG_V / zigX[i - 1] + f));
		f = exp(-0.5 * zigX[i] * zigX[i]);
	}
	for (let i = 0; i < ZIG_LAYERS; i++) zigRatio[i] = zigX[i + 1] / zigX[i];
}

/**
 * A standard normal draw by the ziggurat: two uniforms and a comparison nearly every time (98.8%), a wedge test
 * or a tail draw otherwise — several times cheaper than a polar draw's log and square root, and the simulator
 * draws one or two normals per visitor.
 */
export function standardNormal(rng: Rng): number {
	const u = 2 * rng() - 1;
	const i = (rng() * ZIG_LAYERS) | 0;
	if (Math.abs(u) < zigRatio[i]) return u * zigX[i];
	return normalBeyondBox(rng, u, i);
}

/**
 * The rest of standardNormal's loop, from a first point (u, i) outside its layer's box: the wedge or tail test,
 * and further points as needed. Apart, so the common path stays small enough to inline where it is drawn: a
 * call would box the double it returns.
 */
function normalBeyondBox(rng: Rng, u: number, i: number): number {
	for (;;) {
		if (i === 0) return normalTail(rng, u < 0);
		const x = u * zigX[i];
		const f0 = exp(-0.5 * (zigX[i] * zigX[i] - x * x));
		const f1 = exp(-0.5 * (zigX[i + 1] * zigX[i + 1] - x * x));
		if (f1 + rng() * (f0 - f1) < 1) return x;
		u = 2 * rng() - 1;
		i = (rng() * ZIG_LAYERS) | 0;
		if (Math.abs(u) < zigRatio[i]) return u * zigX[i];
	}
}

/** A draw from the normal tail beyond ZIG_R (Marsaglia 1964), negated when `negative`. */
function normalTail(rng: Rng, negative: boolean): number {
	let x: number;
	let y: number;
	do {
		x = log(1 - rng()) / ZIG_R;
		y = log(1 - rng());
	} while (-2 * y < x * x);
	return negative ? x - ZIG_R : ZIG_R - x;
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by the boost u^(1/shape)). */
export function standardGamma(rng: Rng, shape: number): number {
	if (shape < 1) {
		const u = 1 - rng();
		return standardGamma(rng, shape + 1) * powPositive(u, 1 / shape);
	}
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = standardNormal(rng);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = 1 - rng();
		if (u < 1 - 0.0331 * x * x * x * x) return d * v;
		if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
	}
}

/** A Poisson(mean) draw: inversion for small means, PTRS (Hörmann 1993) for large ones. */
export function poisson(rng: Rng, mean: number): number {
	if (mean <= 0) return 0;
	if (mean < 30) {
		let k = 0;
		let p = exp(-mean);
		let cdf = p;
		const u = rng();
		while (u > cdf && k < 1000) {
			k++;
			p *= mean / k;
			cdf += p;
		}
		return k;
	}
	const slam = Math.sqrt(mean);
	const loglam = log(mean);
	const b = 0.931 + 2.53 * slam;
	const a = -0.059 + 0.02483 * b;
	const invalpha = 1.1239 + 1.1328 / (b - 3.4);
	const vr = 0.9277 - 3.6224 / (b - 2);
	for (;;) {
		const u = rng() - 0.5;
		const v = rng();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
		if (us >= 0.07 && v <= vr) return k;
		if (k < 0 || (us < 0.013 && v > us)) continue;
		if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
	}
}

function logFactorial(k: number): number {
	if (k < 2) return 0;
	// Stirling series: accurate to ~1e-10 for k ≥ 2, which PTRS's acceptance test needs.
	const x = k + 1;
	return (x - 0.5) * log(x) - x + 0.5 * log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

// Kinds of compiled distribution (Sampler.kind).
const FIXED = 0;
const EXPONENTIAL = 1;
const LOGNORMAL = 2;
const GAMMA = 3;
const NORMAL = 4;
const UNIFORM = 5;
const TRIANGULAR = 6;
const EMPIRICAL = 7;

/**
 * A scenario distribution compiled for drawing. One class for every kind (a switch, not a closure per kind)
 * keeps the demand generator's draw sites monomorphic, which lets the engine inline them: it draws a few
 * values per visitor, millions of times per run.
 */
export class Sampler {
	// Parameters start as numbers of their kind (not parameter properties, which ES2022 class fields first define
	// as undefined): a, b and c then hold doubles and kind a small integer, read without a type check.
	private readonly kind: number = 0;
	private readonly a: number = Number.NaN;
	private readonly b: number = Number.NaN;
	private readonly c: number = Number.NaN;
	private readonly values: Float64Array;
	/** A duration that may come out non-positive: resampled (truncated) to stay above zero. */
	private readonly truncated: boolean;

	constructor(kind: number, a: number, b: number, c: number, values: Float64Array, truncated: boolean) {
		this.kind = kind;
		this.a = a;
		this.b = b;
		this.c = c;
		this.values = values;
		this.truncated = truncated;
	}

	/** One value, from the uniform stream `rng`. */
	draw(rng: Rng): number {
		if (!this.truncated) return this.raw(rng);
		for (let i = 0; i < 1000; i++) {
			const x = this.raw(rng);
			if (x > 0) return x;
		}
		// Validation keeps the support positive; this only guards against a vanishing positive tail.
		return Number.EPSILON;
	}

	/**
	 * out[from, to) = to - from values drawn in order, as many `draw` calls would give them. One loop per kind: its
	 * body is small enough for the optimiser to inline the draw (a call returns its double boxed), and the simulator
	 * draws one such run per day (every leg's patience).
	 */
	fill(rng: Rng, out: Float64Array, from: number, to: number): void {
		const { a, b } = this;
		if (this.truncated) for (let i = from; i < to; i++) out[i] = this.draw(rng);
		else if (this.kind === GAMMA) for (let i = from; i < to; i++) out[i] = b * standardGamma(rng, a);
		else if (this.kind === LOGNORMAL) for (let i = from; i < to; i++) out[i] = exp(a + b * standardNormal(rng));
		else if (this.kind === EXPONENTIAL) for (let i = from; i < to; i++) out[i] = -a * log(1 - rng());
		else for (let i = from; i < to; i++) out[i] = this.raw(rng);
	}

	/** out[i] = a draw of samplers[which[i]] for i in [from, to), in order, as many `draw` calls would give them. */
	static fillEach(rng: Rng, samplers: readonly Sampler[], which: Int32Array, out: Float64Array, from: number, to: number): void {
		for (let i = from; i < to; i++) {
			const d = samplers[which[i]];
			// (A lognormal draw is positive already: never truncated.)
			if (d.kind === LOGNORMAL) out[i] = exp(d.a + d.b * standardNormal(rng));
			else if (d.kind === GAMMA && !d.truncated) out[i] = d.b * standardGamma(rng, d.a);
			else out[i] = d.draw(rng);
		}
	}

	private raw(rng: Rng): number {
		const { a, b, c } = this;
		switch (this.kind) {
			case FIXED:
				return a;
			case EXPONENTIAL:
				return -a * log(1 - rng());
			case LOGNORMAL:
				return exp(a + b * standardNormal(rng));
			case GAMMA:
				return b * standardGamma(rng, a);
			case NORMAL:
				return a + b * standardNormal(rng);
			case UNIFORM:
				return a + (b - a) * rng();
			case TRIANGULAR: {
				const u = rng();
				return u < (b - a) / (c - a) ? a + Math.sqrt(u * (c - a) * (b - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - b));
			}
			default:
				return this.values[Math.floor(rng() * this.values.length)];
		}
	}
}

const NONE = new Float64Array(0);

/** The sampler of a scenario distribution. `positive`: a duration, resampled (truncated) to stay above zero. */
export function sampler(d: Distribution, positive: boolean): Sampler {
	// Exponential, lognormal and gamma draws are positive already.
	const truncated = positive && d.dist !== 'exponential' && d.dist !== 'lognormal' && d.dist !== 'gamma';
	switch (d.dist) {
		case 'fixed':
			return new Sampler(FIXED, d.value, 0, 0, NONE, truncated);
		case 'exponential':
			return new Sampler(EXPONENTIAL, d.mean, 0, 0, NONE, truncated);
		case 'lognormal': {
			const s2 = log(1 + d.cv * d.cv);
			return new Sampler(LOGNORMAL, log(d.mean) - s2 / 2, Math.sqrt(s2), 0, NONE, truncated);
		}
		case 'gamma': {
			const shape = 1 / (d.cv * d.cv);
			return new Sampler(GAMMA, shape, d.mean / shape, 0, NONE, truncated);
		}
		case 'normal':
			return new Sampler(NORMAL, d.mean, d.sd, 0, NONE, truncated);
		case 'uniform':
			return new Sampler(UNIFORM, d.min, d.max, 0, NONE, truncated);
		case 'triangular':
			return new Sampler(TRIANGULAR, d.min, d.mode, d.max, NONE, truncated);
		case 'empirical':
			return new Sampler(EMPIRICAL, 0, 0, 0, Float64Array.from(d.values), truncated);
	}
}

/** The mean of a distribution (untruncated), for analytic cross-checks and offered-load estimates. */
export function distributionMean(d: Distribution): number {
	switch (d.dist) {
		case 'fixed':
			return d.value;
		case 'exponential':
		case 'lognormal':
		case 'gamma':
		case 'normal':
			return d.mean;
		case 'uniform':
			return (d.min + d.max) / 2;
		case 'triangular':
			return (d.min + d.mode + d.max) / 3;
		case 'empirical':
			return d.values.reduce((a, b) => a + b, 0) / d.values.length;
	}
}
