import type { Distribution } from '../model/distribution';
import type { Rng } from './random';
import { exp, log, powPositive } from '../stats/portableMath';

/** Draws one value from a distribution with the given uniform stream. */
export type Sampler = (rng: Rng) => number;

/** A standard normal draw (Marsaglia's polar method; two uniforms per accepted pair, no cached state). */
export function standardNormal(rng: Rng): number {
	for (;;) {
		const u = 2 * rng() - 1;
		const v = 2 * rng() - 1;
		const s = u * u + v * v;
		if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
	}
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

/** The sampler of a scenario distribution. `positive`: a duration, resampled (truncated) to stay above zero. */
export function sampler(d: Distribution, positive: boolean): Sampler {
	const draw = rawSampler(d);
	if (!positive || d.dist === 'exponential' || d.dist === 'lognormal' || d.dist === 'gamma') return draw;
	return (rng) => {
		for (let i = 0; i < 1000; i++) {
			const x = draw(rng);
			if (x > 0) return x;
		}
		// Validation keeps the support positive; this only guards against a vanishing positive tail.
		return Number.EPSILON;
	};
}

function rawSampler(d: Distribution): Sampler {
	switch (d.dist) {
		case 'fixed': {
			const v = d.value;
			return () => v;
		}
		case 'exponential': {
			const m = d.mean;
			return (rng) => -m * log(1 - rng());
		}
		case 'lognormal': {
			const s2 = log(1 + d.cv * d.cv);
			const s = Math.sqrt(s2);
			const mu = log(d.mean) - s2 / 2;
			return (rng) => exp(mu + s * standardNormal(rng));
		}
		case 'gamma': {
			const shape = 1 / (d.cv * d.cv);
			const scale = d.mean / shape;
			return (rng) => scale * standardGamma(rng, shape);
		}
		case 'normal': {
			const { mean, sd } = d;
			return (rng) => mean + sd * standardNormal(rng);
		}
		case 'uniform': {
			const { min, max } = d;
			return (rng) => min + (max - min) * rng();
		}
		case 'triangular': {
			const { min, mode, max } = d;
			const fc = (mode - min) / (max - min);
			return (rng) => {
				const u = rng();
				return u < fc
					? min + Math.sqrt(u * (max - min) * (mode - min))
					: max - Math.sqrt((1 - u) * (max - min) * (max - mode));
			};
		}
		case 'empirical': {
			const vs = d.values.slice();
			return (rng) => vs[Math.floor(rng() * vs.length)];
		}
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
