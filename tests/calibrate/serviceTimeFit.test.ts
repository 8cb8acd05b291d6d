/** Service-time fitting: MLE recovery, AIC's choice, the empirical family, the cleaning rule, robustness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, histogram, histogramBins, histogramDensity } from '../../src/lib/calibrate/densities';
import { ksDistance } from '../../src/lib/calibrate/goodnessOfFit';
import {
	cleanDurations,
	DURATION_FLOOR,
	durationResolution,
	fitServiceTimes,
	gammaShape,
	refitFor,
	type ServiceTimeFit
} from '../../src/lib/calibrate/serviceTimeFit';
import { DistributionSchema, type Distribution } from '../../src/lib/model/distribution';
import { MAX_CV, MAX_DURATION_MINUTES, MIN_CV } from '../../src/lib/model/limits';
import { sampler } from '../../src/lib/sim/distributions';
import { stream } from '../../src/lib/sim/random';
import { logMinusDigamma, trigamma } from '../../src/lib/stats/specialFunctions';

function draws(d: Distribution, n: number, seed: number): Float64Array {
	const rng = stream(seed, 0, `fit-${JSON.stringify(d)}`);
	const s = sampler(d, true);
	return Float64Array.from({ length: n }, () => s.draw(rng));
}

const NO_TEST = { bootstrap: 0 };
const fitOf = (f: ServiceTimeFit, family: string) => f.candidates.find((c) => c.family === family)!;

describe('maximum likelihood recovers known parameters (n = 5000, within 3 standard errors)', () => {
	// Standard errors from the Fisher information at the true parameters; 3 SE fails a correct estimator with
	// probability 0.003 per parameter, and the seeds are fixed.
	const n = 5000;

	it('exponential: mean within 3·mean/√n', () => {
		const f = fitServiceTimes(draws({ dist: 'exponential', mean: 5 }, n, 1), stream(1, 0, 'fit'), NO_TEST);
		const d = fitOf(f, 'exponential').distribution as { mean: number };
		expect(Math.abs(d.mean - 5)).toBeLessThan((3 * 5) / Math.sqrt(n));
	});

	it('lognormal: μ within 3σ/√n and σ within 3σ/√(2n), read back from the scenario\'s mean and cv', () => {
		const f = fitServiceTimes(draws({ dist: 'lognormal', mean: 6, cv: 0.8 }, n, 2), stream(2, 0, 'fit'), NO_TEST);
		const d = fitOf(f, 'lognormal').distribution as { mean: number; cv: number };
		const s2 = Math.log(1 + 0.8 * 0.8);
		const s2Hat = Math.log(1 + d.cv * d.cv);
		const muHat = Math.log(d.mean) - s2Hat / 2;
		expect(Math.abs(muHat - (Math.log(6) - s2 / 2))).toBeLessThan((3 * Math.sqrt(s2)) / Math.sqrt(n));
		expect(Math.abs(Math.sqrt(s2Hat) - Math.sqrt(s2))).toBeLessThan((3 * Math.sqrt(s2)) / Math.sqrt(2 * n));
	});

	it('gamma: shape within 3·√(k / (n(kψ\'(k) − 1))) and mean within 3·mean·cv/√n', () => {
		const xs = draws({ dist: 'gamma', mean: 8, cv: 0.5 }, n, 3);
		const f = fitServiceTimes(xs, stream(3, 0, 'fit'), NO_TEST);
		const d = fitOf(f, 'gamma').distribution as { mean: number; cv: number };
		const k = 4;
		const kHat = 1 / (d.cv * d.cv);
		expect(Math.abs(kHat - k)).toBeLessThan(3 * Math.sqrt(k / (n * (k * trigamma(k) - 1))));
		expect(Math.abs(d.mean - 8)).toBeLessThan((3 * 8 * 0.5) / Math.sqrt(n));
		// And it is the MLE: the shape solves the profile equation ln k − ψ(k) = ln(mean) − mean(ln x).
		const meanLog = xs.reduce((a, x) => a + Math.log(x), 0) / n;
		expect(logMinusDigamma(kHat)).toBeCloseTo(Math.log(d.mean) - meanLog, 10);
	});

	it('gammaShape solves ln k − ψ(k) = gap from tiny to huge shapes', () => {
		for (const k of [0.05, 0.3, 1, 4, 60, 1e4, 1e8]) expect(gammaShape(logMinusDigamma(k)) / k).toBeCloseTo(1, 8);
		expect(gammaShape(0)).toBeNaN();
	});
});

describe('AIC chooses the family', () => {
	it('lognormal (cv 1.2) and gamma (cv 0.5) samples of 3000 choose their own family by a wide margin', () => {
		const ln = fitServiceTimes(draws({ dist: 'lognormal', mean: 6, cv: 1.2 }, 3000, 4), stream(4, 0, 'fit'), NO_TEST);
		const ga = fitServiceTimes(draws({ dist: 'gamma', mean: 6, cv: 0.5 }, 3000, 5), stream(5, 0, 'fit'), NO_TEST);
		expect(ln.chosen.family).toBe('lognormal');
		expect(ga.chosen.family).toBe('gamma');
		// A margin of 10 AIC points is a likelihood ratio of e^5 ≈ 150 against the runner-up.
		for (const f of [ln, ga]) for (const c of f.candidates) if (c !== f.chosen) expect(c.aic - f.chosen.aic).toBeGreaterThan(10);
	});

	it('exponential samples of 3000 choose the exponential, or its twin the gamma with cv ≈ 1', () => {
		// The gamma nests the exponential (shape 1): AIC prefers it whenever the likelihood ratio statistic exceeds
		// 2, which happens by chance with probability P(χ²₁ > 2) = 0.16. So over 10 seeds the exponential wins
		// most (fewer than 6 has probability ≈ 0.01), and a gamma choice has cv within 4 SE (0.05) of 1.
		let exponential = 0;
		for (let seed = 0; seed < 10; seed++) {
			const f = fitServiceTimes(draws({ dist: 'exponential', mean: 5 }, 3000, 10 + seed), stream(seed, 0, 'fit'), NO_TEST);
			if (f.chosen.family === 'exponential') exponential++;
			else {
				expect(f.chosen.family).toBe('gamma');
				expect(Math.abs((f.chosen.distribution as { cv: number }).cv - 1)).toBeLessThan(0.05);
			}
		}
		expect(exponential).toBeGreaterThanOrEqual(6);
	});

	it('a bimodal sample of 5000 chooses the empirical: ≤ 200 sorted values at 4 decimals, no p-value', () => {
		const rng = stream(6, 0, 'bimodal');
		const xs = Float64Array.from({ length: 5000 }, () => (rng() < 0.7 ? -3 * Math.log(1 - rng()) : 12 + 4 * rng()));
		const f = fitServiceTimes(xs, rng);
		expect(f.chosen.family).toBe('empirical');
		expect(f.pValue).toBeNull();
		expect(f.bootstrapReplicates).toBe(0);
		const values = (f.chosen.distribution as { values: number[] }).values;
		expect(values.length).toBe(200);
		expect(values.every((v, i) => i === 0 || v >= values[i - 1])).toBe(true);
		expect(values.every((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6)).toBe(true);
		// The values' uniform resampling keeps the sample's shape: KS between them and the sample ≤ 1/200 + rounding.
		expect(f.chosen.ks).toBeLessThan(0.006);
	});
});

describe('the fit report', () => {
	const xs = draws({ dist: 'gamma', mean: 4, cv: 0.7 }, 800, 7);
	const f = fitServiceTimes(xs, stream(7, 0, 'fit'), { bootstrap: 99 });
	const sorted = xs.slice().sort();

	it('reports every family with its log-likelihood (= Σ log density), k, AIC = 2k − 2 logL and KS', () => {
		expect(f.candidates.map((c) => c.family)).toEqual(['exponential', 'lognormal', 'gamma', 'empirical']);
		for (const c of f.candidates) {
			expect(c.aic).toBeCloseTo(2 * c.parameters - 2 * c.logLikelihood, 9);
			if (c.family === 'empirical') {
				const h = histogram(sorted, histogramBins(800));
				expect(c.parameters).toBe(h.counts.length - 1);
				const direct = Array.from(sorted).reduce((a, x) => a + Math.log(histogramDensity(h, x)), 0);
				expect(c.logLikelihood).toBeCloseTo(direct, 8);
			} else {
				const d = compile(c.distribution);
				const direct = Array.from(sorted).reduce((a, x) => a + Math.log(d.pdf(x)), 0);
				expect(c.logLikelihood / direct).toBeCloseTo(1, 10);
				expect(c.ks).toBeCloseTo(ksDistance(sorted, d.cdf), 12);
			}
		}
		expect(f.chosen.aic).toBe(Math.min(...f.candidates.map((c) => c.aic)));
		expect(f.n).toBe(800);
		expect(f.mean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / 800, 12);
	});

	it('tests the chosen family by bootstrap on the whole sample when n ≤ maxBootstrapSample', () => {
		expect(f.bootstrapSample).toBe(800);
		expect(f.bootstrapReplicates).toBeGreaterThan(0);
		expect(f.pValue!).toBeGreaterThan(0);
		expect(f.ks).toBe(f.chosen.ks);
	});

	it('is deterministic for a given rng', () => {
		expect(fitServiceTimes(xs, stream(7, 0, 'fit'), { bootstrap: 99 })).toEqual(f);
	});

	it('tests a subsample of maxBootstrapSample values of a larger sample', () => {
		const big = fitServiceTimes(draws({ dist: 'gamma', mean: 4, cv: 0.7 }, 3000, 8), stream(8, 0, 'fit'), { bootstrap: 19, maxBootstrapSample: 400 });
		expect(big.n).toBe(3000);
		expect(big.bootstrapSample).toBe(400);
	});
});

describe('cleaning and small samples', () => {
	it('drops non-finite and negative values and those over a week, and raises sub-second ones (zero included) to one second', () => {
		const f = fitServiceTimes(Float64Array.of(0, 0.005, NaN, Infinity, -1, -Infinity, 2, 3, MAX_DURATION_MINUTES + 1), stream(1, 0, 'clean'), NO_TEST);
		expect(f.n).toBe(4);
		expect(f.mean).toBeCloseTo((2 * DURATION_FLOOR + 5) / 4, 14);
	});

	it('detects the log\'s grid (whole minutes, whole seconds, none) and floors zero readings at half a step', () => {
		expect(durationResolution(Float64Array.of(0, 3, 12, NaN, -2))).toBe(1);
		expect(durationResolution(Float64Array.of(0, 3, 12 + 7 / 60, 1 / 60))).toBe(1 / 60);
		expect(durationResolution(Float64Array.of(3, 12.004))).toBe(0);
		expect(durationResolution(new Float64Array(0))).toBe(0);
		expect(Array.from(cleanDurations(Float64Array.of(0, 5 / 60, 2)))).toEqual([1 / 120, 5 / 60, 2]);
		expect(Array.from(cleanDurations(Float64Array.of(0, 1, 2)))).toEqual([0.5, 1, 2]);
		expect(Array.from(cleanDurations(Float64Array.of(0, 0.001, 2.5)))).toEqual([DURATION_FLOOR, DURATION_FLOOR, 2.5]);
	});

	it('the bootstrap\'s refit rounds draws to the grid, applies the cleaning rule and sorts them', () => {
		const rng = stream(4, 0, 'grid-sort');
		// A narrow spread and a wide one, each with a far outlier and a few negative draws.
		for (const spread of [1, 1000]) {
			const raw = Float64Array.from({ length: 500 }, (_, i) => (i === 0 ? 9000 : rng() * 20 * spread) - 0.01);
			const expected = Float64Array.from(raw, (v) => Math.round(v / (1 / 60)) * (1 / 60))
				.filter((v) => v >= 0 && v <= MAX_DURATION_MINUTES)
				.map((v) => Math.max(v, 1 / 120))
				.sort();
			const fit = refitFor('gamma', 1 / 60)(raw.slice(), true);
			expect(Array.from(fit!.sample)).toEqual(Array.from(expected));
		}
	});

	it('tests the data as cleaned, without rounding them again: zero readings of a minute log stay at half a minute', () => {
		const xs = draws({ dist: 'gamma', mean: 3, cv: 0.8 }, 500, 9).map((x) => Math.round(x));
		expect(xs.filter((x) => x === 0).length).toBeGreaterThan(20);
		const f = fitServiceTimes(xs, stream(9, 0, 'fit'), { bootstrap: 19 });
		expect(f.chosen.family).not.toBe('empirical');
		// The test sample is the whole sample here, so its KS is the chosen fit's, to the last bit.
		expect(f.bootstrapSample).toBe(500);
		expect(f.ks).toBe(f.chosen.ks);
	});

	it('fewer than 2 values or a constant sample: the exponential with their mean, untested', () => {
		for (const [xs, mean] of [
			[Float64Array.of(4), 4],
			[Float64Array.of(2, 2, 2), 2],
			// All zeros lie on the whole-minute grid: each reads "under a minute", half a step.
			[Float64Array.of(0, 0, NaN), 0.5]
		] as const) {
			const f = fitServiceTimes(xs, stream(1, 0, 'small'));
			expect(f.chosen.distribution).toEqual({ dist: 'exponential', mean });
			expect(f.candidates).toHaveLength(1);
			expect(f.pValue).toBeNull();
		}
		const empty = fitServiceTimes(new Float64Array(0), stream(1, 0, 'empty'));
		expect(empty.n).toBe(0);
		expect(empty.mean).toBeNaN();
		expect(empty.pValue).toBeNull();
	});

	it('keeps the lognormal and gamma within the scenario\'s cv limits (constrained MLE), near-constant or wildly spread', () => {
		const narrow = fitServiceTimes(Float64Array.from({ length: 50 }, (_, i) => 5 + (i % 2) / 60), stream(1, 0, 'narrow'), NO_TEST);
		const rng = stream(2, 0, 'wide');
		const wide = fitServiceTimes(Float64Array.from({ length: 300 }, () => Math.exp(12 * rng() - 6)), rng, NO_TEST);
		expect((fitOf(narrow, 'gamma').distribution as { cv: number }).cv).toBe(MIN_CV);
		expect((fitOf(narrow, 'lognormal').distribution as { cv: number }).cv).toBe(MIN_CV);
		// Logs spread uniformly over 12 units: the unconstrained lognormal cv would be √(e¹² − 1) ≈ 403.
		expect((fitOf(wide, 'lognormal').distribution as { cv: number }).cv).toBe(MAX_CV);
		expect((fitOf(wide, 'gamma').distribution as { cv: number }).cv).toBeLessThanOrEqual(MAX_CV);
		for (const f of [narrow, wide]) for (const c of f.candidates) expect(Number.isFinite(c.aic)).toBe(true);
	});

	it('fitServiceTimes never throws and returns finite AIC and valid scenario distributions for any sample of durations up to a week (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.float64Array({ min: Number.MIN_VALUE, max: MAX_DURATION_MINUTES, noNaN: true, noDefaultInfinity: true, minLength: 1, maxLength: 60 }),
				fc.nat(),
				(xs, seed) => {
					const f = fitServiceTimes(xs, stream(seed, 0, 'property'), { bootstrap: 9, maxBootstrapSample: 30 });
					expect(f.n).toBe(xs.length);
					expect(f.candidates).toContain(f.chosen);
					for (const c of f.candidates) {
						expect(Number.isFinite(c.aic)).toBe(true);
						expect(c.ks >= 0 && c.ks <= 1).toBe(true);
						expect(DistributionSchema.safeParse(c.distribution).success).toBe(true);
						expect(JSON.stringify(c.distribution)).not.toMatch(/null/);
					}
					if (f.pValue !== null) expect(f.pValue > 0 && f.pValue <= 1).toBe(true);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('fitServiceTimes never throws on any Float64Array: NaN, ±Infinity, negatives, empty (fast-check)', () => {
		fc.assert(
			fc.property(fc.float64Array({ maxLength: 40 }), (xs) => {
				const f = fitServiceTimes(xs, stream(1, 0, 'any'), { bootstrap: 5 });
				expect(f.n).toBeLessThanOrEqual(xs.length);
				if (f.n > 0) for (const c of f.candidates) expect(DistributionSchema.safeParse(c.distribution).success).toBe(true);
			})
		);
	});
});
