/** KS distances (exact, against brute force) and the parametric-bootstrap p-value (valid under the null, small off it). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/lib/calibrate/densities';
import { ksAtLeast, ksDistance, ksDistanceStep, parametricBootstrap } from '../../src/lib/calibrate/goodnessOfFit';
import { cleanDurations, durationResolution, refitFor } from '../../src/lib/calibrate/serviceTimeFit';
import type { Distribution } from '../../src/lib/model/distribution';
import { sampler } from '../../src/lib/sim/distributions';
import { stream } from '../../src/lib/sim/random';

/**
 * sup |F_n − F| by brute force: F_n by counting, at every sample point and just left of it (against F's left
 * limit `FLeft`, which is F itself when F is continuous), and on a grid.
 */
function bruteKs(xs: number[], F: (x: number) => number, FLeft = F): number {
	const n = xs.length;
	const Fn = (x: number) => xs.filter((v) => v <= x).length / n;
	const FnLeft = (x: number) => xs.filter((v) => v < x).length / n;
	let d = 0;
	for (const x of xs) d = Math.max(d, Math.abs(Fn(x) - F(x)), Math.abs(FnLeft(x) - FLeft(x)));
	const lo = Math.min(...xs);
	const hi = Math.max(...xs);
	for (let i = 0; i <= 200; i++) {
		const t = lo - 1 + ((hi - lo + 2) * i) / 200;
		d = Math.max(d, Math.abs(Fn(t) - F(t)));
	}
	return d;
}

function draws(d: Distribution, n: number, rng: () => number, seconds = false): Float64Array {
	const s = sampler(d, true);
	const out = Float64Array.from({ length: n }, () => s.draw(rng));
	return seconds ? out.map((x) => Math.max(1, Math.round(x * 60)) / 60) : out;
}

describe('KS distance', () => {
	it('equals a brute-force supremum (to 1e-12), with and without ties', () => {
		const rng = stream(11, 0, 'ks-brute');
		const F = compile({ dist: 'gamma', mean: 3, cv: 0.8 }).cdf;
		for (const seconds of [false, true]) {
			// Sub-minute means and whole seconds make long runs of ties.
			const xs = Array.from(draws({ dist: 'gamma', mean: seconds ? 0.2 : 3, cv: 0.8 }, 300, rng, seconds)).sort((a, b) => a - b);
			expect(ksDistance(Float64Array.from(xs), F)).toBeCloseTo(bruteKs(xs, F), 12);
		}
	});

	it('ksAtLeast(x, F, t) is exactly ksDistance(x, F) ≥ t for any sample and threshold (fast-check)', () => {
		const F = compile({ dist: 'exponential', mean: 4 }).cdf;
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 120 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(ints, t) => {
					const xs = Float64Array.from(ints, (k) => k / 3).sort();
					const d = ksDistance(xs, F);
					expect(ksAtLeast(xs, F, t)).toBe(d >= t);
					expect(ksAtLeast(xs, F, d)).toBe(true);
				}
			)
		);
	});

	it('ksDistanceStep equals the brute-force supremum against a step CDF', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }),
				fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }),
				(a, b) => {
					const xs = a.sort((p, q) => p - q);
					const steps = Float64Array.from(b).sort();
					const G = compile({ dist: 'empirical', values: b }).cdf;
					const GLeft = (x: number) => b.filter((v) => v < x).length / b.length;
					// The steps' own jump points are where the supremum may sit too.
					const d = Math.max(bruteKs(xs, G, GLeft), ...b.map((t) => Math.abs(xs.filter((v) => v <= t).length / xs.length - G(t))));
					expect(ksDistanceStep(Float64Array.from(xs), steps)).toBeCloseTo(d, 12);
				}
			)
		);
	});
});

describe('parametric bootstrap', () => {
	it('is roughly uniform under the null: 40 seeds of gamma data tested as gamma', () => {
		// Under the null P(p ≤ α) ≤ α. Over 40 seeds the count below 0.05 is Binomial(40, ≤ 0.05): 8 or more has
		// probability < 0.001; the mean of 40 uniform p-values has sd 0.046, so [0.3, 0.7] is over 4 sd wide.
		const ps: number[] = [];
		for (let seed = 0; seed < 40; seed++) {
			const rng = stream(seed, 0, 'bootstrap-null');
			const xs = draws({ dist: 'gamma', mean: 5, cv: 0.7 }, 300, rng).sort();
			const r = parametricBootstrap(xs, refitFor('gamma', 0), rng, { replicates: 99, maxSample: 2000 });
			ps.push(r!.pValue);
		}
		expect(ps.filter((p) => p < 0.05).length).toBeLessThan(8);
		const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
		expect(mean).toBeGreaterThan(0.3);
		expect(mean).toBeLessThan(0.7);
	});

	it('is small (< 0.01) for a clearly wrong family forced: lognormal cv 1.2 data tested as exponential', () => {
		const rng = stream(5, 0, 'bootstrap-wrong');
		const xs = draws({ dist: 'lognormal', mean: 6, cv: 1.2 }, 1000, rng).sort();
		const r = parametricBootstrap(xs, refitFor('exponential', 0), rng, { replicates: 199, maxSample: 2000 });
		expect(r!.pValue).toBeLessThan(0.01);
		expect(r!.replicates).toBe(199);
	});

	it('rounds its draws like the log\'s grid: gamma data rounded to seconds or minutes are not rejected', () => {
		// A half-minute mean rounded to seconds (or a 20-minute mean rounded to minutes) shifts the ECDF by ~0.015,
		// as much as the KS statistic's own spread at n = 2000: unrounded draws reject such samples (p ≈ 0.01–0.04
		// on these seeds). With the rounding the p-values are valid again: median of 9 > 0.1.
		for (const [mean, step] of [
			[0.5, 1 / 60],
			[20, 1]
		]) {
			const ps: number[] = [];
			for (let seed = 0; seed < 9; seed++) {
				const rng = stream(seed, 0, 'bootstrap-seconds');
				const xs = draws({ dist: 'gamma', mean, cv: 0.5 }, 2000, rng).map((x) => Math.round(x / step) * step);
				const sample = cleanDurations(xs);
				expect(durationResolution(xs)).toBe(step);
				ps.push(parametricBootstrap(sample, refitFor('gamma', step), rng, { replicates: 99, maxSample: 2000 })!.pValue);
			}
			expect(ps.sort((a, b) => a - b)[4], `step ${step}`).toBeGreaterThan(0.1);
		}
	});

	it('tests a random subsample of maxSample values when the sample is larger, and is deterministic for a seed', () => {
		const run = () => {
			const rng = stream(8, 0, 'bootstrap-subsample');
			const xs = draws({ dist: 'exponential', mean: 4 }, 5000, rng).sort();
			return parametricBootstrap(xs, refitFor('exponential', 0), rng, { replicates: 49, maxSample: 500 });
		};
		const a = run()!;
		expect(a.sample).toBe(500);
		expect(a).toEqual(run());
	});

	it('stops early (Besag–Clifford) once 20 replicates reach the observed KS, with p = 20/L', () => {
		const rng = stream(2, 0, 'bootstrap-stop');
		const xs = draws({ dist: 'exponential', mean: 4 }, 200, rng).sort();
		const r = parametricBootstrap(xs, refitFor('exponential', 0), rng, { replicates: 999, maxSample: 2000 })!;
		// This seed's sample fits well (p ≈ 0.17): the stop comes long before 999.
		expect(r.replicates).toBeLessThan(999);
		expect(r.pValue).toBeCloseTo(20 / r.replicates, 12);
	});

	it('returns null when the sample cannot be fitted', () => {
		const rng = stream(1, 0, 'bootstrap-null-fit');
		expect(parametricBootstrap(Float64Array.of(3, 3, 3), refitFor('gamma', 0), rng, { replicates: 9, maxSample: 100 })).toBeNull();
	});
});
