import { describe, expect, it } from 'vitest';
import { meanCI, nanMean, pairedDiffCI } from '../../src/lib/stats/interval';

describe('meanCI', () => {
	it('gives the Student-t interval computed by hand', () => {
		// [1..5]: mean 3, s² = 10/4 = 2.5, se = √(2.5/5) = 0.70711, t(0.975, 4) = 2.776445 → half-width 1.963243.
		const m = meanCI([1, 2, 3, 4, 5]);
		expect(m.mean).toBe(3);
		expect(m.ci95[0]).toBeCloseTo(3 - 1.963243, 5);
		expect(m.ci95[1]).toBeCloseTo(3 + 1.963243, 5);
	});

	it('leaves NaN replications out', () => {
		// Same as [1, 3]: mean 2, s = √2, se = 1, t(0.975, 1) = 12.7062.
		const m = meanCI([1, Number.NaN, 3]);
		expect(m.mean).toBe(2);
		expect(m.ci95[1] - m.mean).toBeCloseTo(12.7062, 4);
	});

	it('gives no interval for one value (not a zero-width one) and is NaN for none', () => {
		const one = meanCI([4.5, Number.NaN]);
		expect(one.mean).toBe(4.5);
		expect(one.ci95[0]).toBeNaN();
		expect(one.ci95[1]).toBeNaN();
		const none = meanCI([Number.NaN, Number.NaN]);
		expect(none.mean).toBeNaN();
		expect(none.ci95[0]).toBeNaN();
		expect(meanCI([]).mean).toBeNaN();
	});

	it('has zero width for constant values', () => {
		expect(meanCI([2, 2, 2, 2])).toEqual({ mean: 2, ci95: [2, 2] });
	});
});

describe('pairedDiffCI', () => {
	it('is the interval of the differences', () => {
		// Differences [1, 2, 3]: mean 2, s = 1, se = 1/√3, t(0.975, 2) = 4.302653 → half-width 2.484138.
		const m = pairedDiffCI([5, 6, 7], [4, 4, 4]);
		expect(m.mean).toBe(2);
		expect(m.ci95[0]).toBeCloseTo(2 - 2.484138, 5);
		expect(m.ci95[1]).toBeCloseTo(2 + 2.484138, 5);
	});

	it('rejects unequal lengths and skips NaN pairs', () => {
		expect(() => pairedDiffCI([1, 2], [1])).toThrow(RangeError);
		expect(pairedDiffCI([1, Number.NaN, 5], [0, 1, 1]).mean).toBe(2.5);
	});
});

describe('nanMean', () => {
	it('averages the non-NaN values', () => {
		expect(nanMean([1, Number.NaN, 2])).toBe(1.5);
		expect(nanMean([Number.NaN])).toBeNaN();
	});
});
