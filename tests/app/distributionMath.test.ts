import { describe, expect, it } from 'vitest';
import type { Distribution, DistributionKind } from '../../src/lib/model';
import {
	convertDistribution,
	distributionMoments,
	DISTRIBUTION_KINDS,
	parseDecimal,
	parseNumberList,
	showDecimal
} from '../../src/lib/components/editor/distributionMath';

describe('distributionMoments', () => {
	const cases: Array<[Distribution, number, number]> = [
		[{ dist: 'fixed', value: 5 }, 5, 0],
		[{ dist: 'exponential', mean: 8 }, 8, 8],
		[{ dist: 'lognormal', mean: 9, cv: 0.5 }, 9, 4.5],
		[{ dist: 'gamma', mean: 120, cv: 0.5 }, 120, 60],
		[{ dist: 'uniform', min: 2, max: 8 }, 5, 6 / Math.sqrt(12)],
		[{ dist: 'triangular', min: 2, mode: 3.5, max: 9 }, 14.5 / 3, Math.sqrt((4 + 81 + 12.25 - 18 - 7 - 31.5) / 18)],
		[{ dist: 'empirical', values: [4, 6, 8] }, 6, Math.sqrt(8 / 3)]
	];
	it.each(cases)('%o has mean %d and sd %d', (d, mean, sd) => {
		const m = distributionMoments(d);
		expect(m?.mean).toBeCloseTo(mean, 9);
		expect(m?.sd).toBeCloseTo(sd, 9);
	});

	it('truncates a normal duration at zero (its mean rises) but not an offset', () => {
		const d: Distribution = { dist: 'normal', mean: 2, sd: 4 };
		expect(distributionMoments(d, false)).toEqual({ mean: 2, sd: 4 });
		const t = distributionMoments(d, true)!;
		// E[X | X > 0] for N(2, 4²): 2 + 4·φ(0.5)/Φ(0.5) = 2 + 4·0.35207/0.69146 = 4.0366.
		expect(t.mean).toBeCloseTo(4.0366, 3);
		expect(t.sd).toBeLessThan(4);
	});

	it('keeps only the positive values of an empirical duration (the simulator redraws the others)', () => {
		expect(distributionMoments({ dist: 'empirical', values: [0, 6] })).toEqual({ mean: 6, sd: 0 });
	});

	it('has no moments for impossible parameters', () => {
		expect(distributionMoments({ dist: 'lognormal', mean: -1, cv: 0.5 })).toBeUndefined();
		expect(distributionMoments({ dist: 'triangular', min: 5, mode: 1, max: 9 })).toBeUndefined();
		expect(distributionMoments({ dist: 'uniform', min: 9, max: 1 })).toBeUndefined();
		expect(distributionMoments({ dist: 'empirical', values: [] })).toBeUndefined();
	});
});

describe('convertDistribution', () => {
	const from: Distribution = { dist: 'lognormal', mean: 10, cv: 0.3 };
	it.each(DISTRIBUTION_KINDS.filter((k) => k !== 'fixed' && k !== 'exponential' && k !== 'empirical'))('keeps mean and spread when switching to %s', (kind: DistributionKind) => {
		const to = convertDistribution(from, kind);
		expect(to.dist).toBe(kind);
		const m = distributionMoments(to)!;
		expect(m.mean).toBeCloseTo(10, 1);
		expect(m.sd).toBeCloseTo(3, 1);
	});

	it('keeps the mean of a wide duration without going below zero', () => {
		const wide: Distribution = { dist: 'lognormal', mean: 9, cv: 0.5 };
		const tri = convertDistribution(wide, 'triangular');
		expect(tri).toMatchObject({ dist: 'triangular', min: 0 });
		expect(distributionMoments(tri)!.mean).toBeCloseTo(9, 1);
		expect(distributionMoments(tri)!.sd).toBeCloseTo(4.5, 1);
		const uni = convertDistribution({ dist: 'exponential', mean: 6 }, 'uniform');
		expect(uni).toEqual({ dist: 'uniform', min: 0, max: 12 });
	});

	it('returns the same object when the kind does not change', () => {
		expect(convertDistribution(from, 'lognormal')).toBe(from);
	});
});

describe('typed numbers', () => {
	it('accepts a decimal comma or point and rejects the rest', () => {
		expect(parseDecimal('7,5')).toBe(7.5);
		expect(parseDecimal(' 7.5 ')).toBe(7.5);
		expect(parseDecimal('-5')).toBe(-5);
		expect(parseDecimal('')).toBeUndefined();
		expect(parseDecimal('abc')).toBeUndefined();
		expect(parseDecimal('1,2,3')).toBeUndefined();
	});

	it('reads lists separated by semicolons or spaces', () => {
		expect(parseNumberList('6; 7,5; 9  12')).toEqual([6, 7.5, 9, 12]);
		expect(parseNumberList('6; x')).toBeUndefined();
	});

	it('shows numbers in the decimal style of the language', () => {
		expect(showDecimal(0.1 + 0.2, true)).toBe('0,3');
		expect(showDecimal(1.25, false)).toBe('1.25');
		expect(showDecimal('abc', true)).toBe('abc');
		expect(showDecimal(undefined, true)).toBe('');
	});
});
