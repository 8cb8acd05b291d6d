/** CDF, density and quantile of every scenario distribution: reference values, inversion, integration, samplers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdf, histogram, histogramBins, histogramDensity, pdf, quantileOf } from '../../src/lib/calibrate/densities';
import type { Distribution } from '../../src/lib/model/distribution';
import { sampler } from '../../src/lib/sim/distributions';
import { stream } from '../../src/lib/sim/random';

const CONTINUOUS: Distribution[] = [
	{ dist: 'exponential', mean: 5 },
	{ dist: 'lognormal', mean: 6, cv: 1.2 },
	{ dist: 'lognormal', mean: 0.4, cv: 0.1 },
	{ dist: 'gamma', mean: 8, cv: 0.5 },
	{ dist: 'gamma', mean: 2, cv: 2 },
	{ dist: 'gamma', mean: 3, cv: 0.01 },
	{ dist: 'normal', mean: 5, sd: 2 },
	{ dist: 'uniform', min: 2, max: 7 },
	{ dist: 'triangular', min: 1, mode: 2, max: 5 },
	{ dist: 'triangular', min: 1, mode: 1, max: 5 },
	{ dist: 'triangular', min: 1, mode: 5, max: 5 }
];
const PS = [1e-6, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999];

describe('densities', () => {
	it('match SciPy (scipy.stats 1.17) at reference points within 1e-6', () => {
		// 1e-6: the lognormal and normal CDFs use erfc's Chebyshev form (relative error < 1.2e-7).
		expect(cdf({ dist: 'gamma', mean: 8, cv: 0.5 }, 5)).toBeCloseTo(0.2424238668669339, 12);
		expect(pdf({ dist: 'gamma', mean: 8, cv: 0.5 }, 5)).toBeCloseTo(0.10688150862486824, 12);
		expect(quantileOf({ dist: 'gamma', mean: 8, cv: 0.5 }, 0.9)).toBeCloseTo(13.36156613651173, 9);
		expect(cdf({ dist: 'gamma', mean: 2, cv: 2 }, 0.3)).toBeCloseTo(0.481893578638137, 12);
		expect(cdf({ dist: 'lognormal', mean: 6, cv: 1.2 }, 4)).toBeCloseTo(0.5171164353626231, 6);
		expect(pdf({ dist: 'lognormal', mean: 6, cv: 1.2 }, 4)).toBeCloseTo(0.10550381272996032, 12);
		expect(cdf({ dist: 'triangular', min: 1, mode: 2, max: 5 }, 3)).toBeCloseTo(2 / 3, 12);
		expect(cdf({ dist: 'normal', mean: 5, sd: 2 }, 7)).toBeCloseTo(0.8413447460685429, 6);
		expect(cdf({ dist: 'exponential', mean: 5 }, 5)).toBeCloseTo(1 - Math.exp(-1), 14);
	});

	it('cdf(quantileOf(p)) = p for every continuous kind, within 1e-6 (the erfc approximation)', () => {
		for (const d of CONTINUOUS)
			for (const p of PS) {
				const x = quantileOf(d, p);
				expect(Number.isFinite(x), `${d.dist} ${p}`).toBe(true);
				expect(Math.abs(cdf(d, x) - p), `${JSON.stringify(d)} at ${p}`).toBeLessThan(1e-6 + 1e-6 * p);
			}
	});

	it('the density integrates to CDF differences (Simpson, 2000 panels: error < 1e-6 on smooth pieces)', () => {
		for (const d of CONTINUOUS) {
			const a = quantileOf(d, 0.05);
			const b = quantileOf(d, 0.95);
			// The triangular density has a kink at its mode: integrate the two sides separately.
			const cuts = d.dist === 'triangular' ? [a, Math.min(b, Math.max(a, d.mode)), b] : [a, b];
			let integral = 0;
			// Positive families are integrated over log x (density f(eᵗ)·eᵗ), smooth even where a gamma with shape
			// below 1 has its pole at 0.
			const logScale = d.dist === 'exponential' || d.dist === 'lognormal' || d.dist === 'gamma';
			for (let c = 0; c + 1 < cuts.length; c++)
				integral += logScale
					? simpson((t) => pdf(d, Math.exp(t)) * Math.exp(t), Math.log(cuts[c]), Math.log(cuts[c + 1]), 2000)
					: simpson((x) => pdf(d, x), cuts[c], cuts[c + 1], 2000);
			expect(integral, JSON.stringify(d)).toBeCloseTo(cdf(d, b) - cdf(d, a), 5);
		}
	});

	it('quantileOf agrees with the simulator\'s draws: a share p of 20,000 draws falls below the p-quantile', () => {
		// Tolerance 4 binomial standard errors, √(p(1−p)/20000) ≤ 0.0035: a fixed-seed check that the
		// parameterisations (mean and cv) are the samplers' own.
		const n = 20_000;
		for (const d of [...CONTINUOUS, { dist: 'empirical', values: [1, 2, 2, 5, 9] } as Distribution]) {
			const draw = sampler(d, false);
			const rng = stream(7, 0, `densities-${JSON.stringify(d)}`);
			const xs = Float64Array.from({ length: n }, () => draw.draw(rng));
			for (const p of [0.1, 0.5, 0.9]) {
				const q = quantileOf(d, p);
				const below = xs.filter((x) => x <= q).length / n;
				const atLeast = d.dist === 'empirical' ? cdf(d, q) : p;
				expect(Math.abs(below - atLeast), `${d.dist} ${p}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
			}
		}
	});

	it('the empirical CDF is the step function of its values, and its quantile the least value reaching p', () => {
		const d: Distribution = { dist: 'empirical', values: [5, 1, 3, 3] };
		expect([0.5, 1, 2.9, 3, 4.99, 5, 6].map((x) => cdf(d, x))).toEqual([0, 0.25, 0.25, 0.75, 0.75, 1, 1]);
		expect([0, 0.25, 0.26, 0.75, 0.76, 1].map((p) => quantileOf(d, p))).toEqual([1, 1, 3, 3, 5, 5]);
	});

	it('the equal-probability histogram has edges on data values, merges tied edges, and integrates to 1', () => {
		const rng = stream(3, 0, 'histogram');
		// Whole seconds with heavy ties: widths stay ≥ 1/60, never zero.
		const xs = Float64Array.from({ length: 3000 }, () => Math.round(-300 * Math.log(1 - rng())) / 60).sort();
		const h = histogram(xs, histogramBins(xs.length));
		expect(h.counts.length).toBeLessThanOrEqual(histogramBins(3000));
		let total = 0;
		for (let j = 0; j < h.counts.length; j++) {
			const w = h.edges[j + 1] - h.edges[j];
			expect(w).toBeGreaterThanOrEqual(1 / 60 - 1e-12);
			total += histogramDensity(h, (h.edges[j] + h.edges[j + 1]) / 2) * w;
		}
		expect(total).toBeCloseTo(1, 12);
		expect(h.counts.reduce((a, b) => a + b, 0)).toBe(3000);
		expect(histogram(Float64Array.of(2, 2, 2), 3).counts.length).toBe(0);
		// The empirical distribution's density is this histogram of its values.
		const d: Distribution = { dist: 'empirical', values: Array.from(xs) };
		expect(pdf(d, 3)).toBe(histogramDensity(h, 3));
	});

	it('degenerate parameters give a point mass, and bad p or x give NaN', () => {
		const points: Distribution[] = [
			{ dist: 'fixed', value: 4 },
			{ dist: 'lognormal', mean: 4, cv: 0 },
			{ dist: 'gamma', mean: 4, cv: 0 },
			{ dist: 'normal', mean: 4, sd: 0 },
			{ dist: 'uniform', min: 4, max: 4 },
			{ dist: 'triangular', min: 4, mode: 4, max: 4 }
		];
		for (const d of points) {
			expect([cdf(d, 3.99), cdf(d, 4), pdf(d, 4), quantileOf(d, 0.3)], d.dist).toEqual([0, 1, 0, 4]);
		}
		expect(quantileOf({ dist: 'exponential', mean: 5 }, 1.5)).toBeNaN();
		expect(quantileOf({ dist: 'exponential', mean: 5 }, NaN)).toBeNaN();
		expect(cdf({ dist: 'gamma', mean: 5, cv: 1 }, NaN)).toBeNaN();
	});

	it('never throw, and cdf stays within [0, 1], for any parameters and x (fast-check)', () => {
		const num = fc.double();
		const dist: fc.Arbitrary<Distribution> = fc.oneof(
			num.map((value) => ({ dist: 'fixed', value }) as const),
			num.map((mean) => ({ dist: 'exponential', mean }) as const),
			fc.tuple(num, num).map(([mean, cv]) => ({ dist: 'lognormal', mean, cv }) as const),
			fc.tuple(num, num).map(([mean, cv]) => ({ dist: 'gamma', mean, cv }) as const),
			fc.tuple(num, num).map(([mean, sd]) => ({ dist: 'normal', mean, sd }) as const),
			fc.tuple(num, num).map(([min, max]) => ({ dist: 'uniform', min, max }) as const),
			fc.tuple(num, num, num).map(([min, mode, max]) => ({ dist: 'triangular', min, mode, max }) as const),
			fc.array(num, { minLength: 1, maxLength: 8 }).map((values) => ({ dist: 'empirical', values }) as const)
		);
		fc.assert(
			fc.property(dist, num, fc.double({ min: 0, max: 1 }), (d, x, p) => {
				const c = cdf(d, x);
				if (!Number.isNaN(c)) expect(c >= 0 && c <= 1).toBe(true);
				pdf(d, x);
				quantileOf(d, p);
			})
		);
	});
});

function simpson(f: (x: number) => number, a: number, b: number, panels: number): number {
	const h = (b - a) / panels;
	let s = f(a) + f(b);
	for (let i = 1; i < panels; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
	return (s * h) / 3;
}
