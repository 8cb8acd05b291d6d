import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/lib/stats/specialFunctions';
import { tCdf, tCritical, tQuantile } from '../../src/lib/stats/studentT';

describe('tQuantile', () => {
	it('matches the published two-sided 95% table to 3 decimals', () => {
		// Standard t tables (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2), column 0.975.
		const table: [number, number][] = [
			[1, 12.706],
			[2, 4.303],
			[5, 2.571],
			[10, 2.228],
			[29, 2.045],
			[120, 1.98],
			[Infinity, 1.96]
		];
		for (const [df, t] of table) {
			expect(tQuantile(0.975, df)).toBeCloseTo(t, 3);
			expect(tCritical(0.95, df)).toBeCloseTo(t, 3);
		}
	});

	it('matches high-precision values (R qt) to 1e-9', () => {
		expect(tQuantile(0.975, 3)).toBeCloseTo(3.182446305284263, 9);
		expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
		expect(tQuantile(0.995, 10)).toBeCloseTo(3.16927267261695, 9);
		expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272456301238, 9);
	});

	it('is symmetric and inverts the CDF, also for fractional df', () => {
		for (const df of [1, 2, 2.5, 3, 7, 40.3, 1000]) {
			for (const p of [0.001, 0.05, 0.3, 0.9, 0.975, 0.9999]) {
				const t = tQuantile(p, df);
				expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 8);
				expect(tCdf(t, df)).toBeCloseTo(p, 10);
			}
		}
		expect(tQuantile(0.5, 4)).toBe(0);
		expect(tQuantile(0, 4)).toBe(-Infinity);
		expect(tQuantile(1, 4)).toBe(Infinity);
		expect(tQuantile(0.5, 0)).toBeNaN();
	});

	it('computes the CDF like the closed forms for 1 and 2 degrees of freedom', () => {
		// df = 1 is Cauchy: ½ + atan(t)/π; df = 2: ½ + t / (2√(2 + t²)). An independent check of the incomplete beta.
		for (const t of [-30, -2.5, -0.3, 0, 0.7, 4, 50]) {
			expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
			expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
		}
	});
});

describe('normalQuantile', () => {
	it('matches reference values (R qnorm)', () => {
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
		expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 12);
		expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 12);
		expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
		expect(normalQuantile(0.5)).toBe(0);
	});
});
