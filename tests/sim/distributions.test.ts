/** Every distribution's sampler against its parameters: seeded, so the tolerances below are checked once and hold. */
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/lib/model/distribution';
import { distributionMean, poisson, Sampler, sampler, standardNormal } from '../../src/lib/sim/distributions';
import { stream } from '../../src/lib/sim/random';
import { normalQuantile } from '../../src/lib/stats/specialFunctions';

const N = 200_000;

function moments(d: Distribution, positive: boolean, name: string): { mean: number; sd: number; min: number } {
	const rng = stream(7, 0, name);
	const dist = sampler(d, positive);
	const draw = (r: () => number) => dist.draw(r);
	let s = 0;
	let s2 = 0;
	let min = Infinity;
	for (let i = 0; i < N; i++) {
		const x = draw(rng);
		s += x;
		s2 += x * x;
		if (x < min) min = x;
	}
	const mean = s / N;
	return { mean, sd: Math.sqrt(s2 / N - mean * mean), min };
}

// Expected (mean, sd). With n = 200 000 draws the standard error of the mean is sd/447 (≈0.2% of the mean for
// cv ≤ 1); a 2% tolerance on the mean is > 8 standard errors, and 4% on the sd covers the heavier-tailed cases.
const cases: Array<[string, Distribution, number, number]> = [
	['fixed', { dist: 'fixed', value: 4 }, 4, 0],
	['exponential', { dist: 'exponential', mean: 8 }, 8, 8],
	['lognormal', { dist: 'lognormal', mean: 9, cv: 0.6 }, 9, 5.4],
	['gamma', { dist: 'gamma', mean: 7, cv: 0.5 }, 7, 3.5],
	['gamma cv>1', { dist: 'gamma', mean: 5, cv: 1.3 }, 5, 6.5],
	['normal', { dist: 'normal', mean: -5, sd: 10 }, -5, 10],
	['uniform', { dist: 'uniform', min: 2, max: 10 }, 6, 8 / Math.sqrt(12)],
	['triangular', { dist: 'triangular', min: 1, mode: 5, max: 12 }, 6, Math.sqrt((1 + 25 + 144 - 5 - 12 - 60) / 18)],
	['empirical', { dist: 'empirical', values: [1, 2, 3, 10] }, 4, Math.sqrt((1 + 4 + 9 + 100) / 4 - 16)]
];

describe('distribution samplers', () => {
	it.each(cases)('%s: sample mean and spread match the parameters', (name, d, mean, sd) => {
		const m = moments(d, false, name);
		expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(0.02 * Math.max(1, Math.abs(mean)));
		expect(Math.abs(m.sd - sd)).toBeLessThanOrEqual(0.04 * Math.max(0.01, sd));
		expect(distributionMean(d)).toBeCloseTo(mean, 9);
	});

	it('draws standard normals with the right distribution, tails and wedges included (ziggurat)', () => {
		const rng = stream(3, 0, 'ziggurat');
		const n = 1_000_000;
		// Φ at points in the rectangles, in the wedges and beyond the ziggurat's base (3.4426: the tail routine).
		const points: Array<[number, number]> = [
			[-3.7, 1.0780e-4],
			[-3.5, 2.3263e-4],
			[-2.5, 6.2097e-3],
			[-1, 0.158655],
			[0, 0.5],
			[0.3, 0.617911],
			[1.7, 0.955435],
			[3, 0.998650],
			[3.6, 0.999841]
		];
		const below = new Array<number>(points.length).fill(0);
		for (let i = 0; i < n; i++) {
			const z = standardNormal(rng);
			for (let j = 0; j < points.length; j++) if (z < points[j][0]) below[j]++;
		}
		points.forEach(([, p], j) => {
			// Binomial standard error √(p(1−p)/n); 5 of them (the tail points still hold to ±30%).
			expect(Math.abs(below[j] / n - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / n));
		});
	});

	it('draws standard normals that pass a chi-square test on 200 equiprobable bins', () => {
		const rng = stream(4, 0, 'ziggurat-chi2');
		const n = 2_000_000;
		const bins = 200;
		const edges = Array.from({ length: bins - 1 }, (_, i) => normalQuantile((i + 1) / bins));
		const counts = new Array<number>(bins).fill(0);
		for (let i = 0; i < n; i++) {
			const z = standardNormal(rng);
			let lo = 0;
			let hi = bins - 1;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (z < edges[mid]) hi = mid;
				else lo = mid + 1;
			}
			counts[lo]++;
		}
		const expected = n / bins;
		const chi2 = counts.reduce((a, c) => a + ((c - expected) * (c - expected)) / expected, 0);
		// 199 degrees of freedom: the 99.9% point is 267.5. A fixed seed, so this either always holds or never.
		expect(chi2).toBeLessThan(267.5);
	});

	it.each(cases)('%s: fill draws the same values, in the same order, as draw', (name, d) => {
		for (const positive of [false, true]) {
			const dist = sampler(d, positive);
			const byDraw = stream(9, 0, name);
			const byFill = stream(9, 0, name);
			const expected = Float64Array.from({ length: 3000 }, () => dist.draw(byDraw));
			const got = new Float64Array(3000);
			dist.fill(byFill, got, 0, 1000);
			dist.fill(byFill, got, 1000, 3000);
			expect(got).toEqual(expected);
			// Both left the stream at the same place.
			expect(byFill()).toBe(byDraw());
		}
	});

	it('fillEach draws each value from its own sampler, in order, as draw would', () => {
		const samplers = cases.flatMap(([, d]) => [sampler(d, false), sampler(d, true)]);
		const pick = stream(5, 0, 'which');
		const which = Int32Array.from({ length: 5000 }, () => Math.floor(pick() * samplers.length));
		const byDraw = stream(10, 0, 'each');
		const byFill = stream(10, 0, 'each');
		const expected = Float64Array.from(which, (k) => samplers[k].draw(byDraw));
		const got = new Float64Array(which.length);
		Sampler.fillEach(byFill, samplers, which, got, 0, which.length);
		expect(got).toEqual(expected);
		expect(byFill()).toBe(byDraw());
	});

	it('truncates a duration to positive values', () => {
		const m = moments({ dist: 'normal', mean: 2, sd: 3 }, true, 'trunc');
		expect(m.min).toBeGreaterThan(0);
		// The truncated normal's mean is larger than the untruncated one.
		expect(m.mean).toBeGreaterThan(2.5);
	});

	it.each([3, 25, 425, 5000])('poisson(%d): mean and variance match', (lambda) => {
		const rng = stream(11, 0, `poisson-${lambda}`);
		const n = 50_000;
		let s = 0;
		let s2 = 0;
		let bad = 0;
		for (let i = 0; i < n; i++) {
			const k = poisson(rng, lambda);
			if (!Number.isInteger(k) || k < 0) bad++;
			s += k;
			s2 += k * k;
		}
		expect(bad).toBe(0);
		const mean = s / n;
		const variance = s2 / n - mean * mean;
		// SE of the mean is √(λ/n): 5 SE tolerance. The sample variance's relative SE is ≈ √(2/n) = 0.6%: 4%.
		expect(Math.abs(mean - lambda)).toBeLessThanOrEqual(5 * Math.sqrt(lambda / n));
		expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.04);
	});

	it('streams are reproducible and distinct by name, replication and seed', () => {
		const a = stream(1, 0, 'x');
		const b = stream(1, 0, 'x');
		const first = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(first);
		expect(stream(1, 1, 'x')()).not.toBe(first[0]);
		expect(stream(2, 0, 'x')()).not.toBe(first[0]);
		expect(stream(1, 0, 'y')()).not.toBe(first[0]);
	});
});
