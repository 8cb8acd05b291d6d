import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile, quantileAfterZeros, sortFloat64, sortedWithoutNaN, sortRange } from '../../src/lib/stats/quantile';

describe('quantile (type 7)', () => {
	it('matches R quantile(type = 7) on small samples', () => {
		const x = [1, 2, 3, 4];
		expect(quantile(x, 0)).toBe(1);
		expect(quantile(x, 0.25)).toBeCloseTo(1.75, 12);
		expect(quantile(x, 0.5)).toBeCloseTo(2.5, 12);
		expect(quantile(x, 1)).toBe(4);
		const ten = Array.from({ length: 10 }, (_, i) => i + 1);
		expect(quantile(ten, 0.9)).toBeCloseTo(9.1, 12); // R: quantile(1:10, 0.9) = 9.1
		expect(quantile(ten, 0.95)).toBeCloseTo(9.55, 12);
	});

	it('handles one value and no values', () => {
		expect(quantile([7], 0.3)).toBe(7);
		// A run within a larger array: [2, 3, 4, 5] of [9, 2, 3, 4, 5, 0].
		expect(quantile([9, 2, 3, 4, 5, 0], 0.5, 1, 5)).toBeCloseTo(3.5, 12);
		expect(quantile([9, 2, 3, 4, 5, 0], 0.5, 3, 3)).toBeNaN();
		expect(quantile([], 0.5)).toBeNaN();
		expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
	});

	it('rejects p outside [0, 1]', () => {
		expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
		expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
	});

	it('sorts numerically and drops NaN', () => {
		expect(Array.from(sortedWithoutNaN([10, 9, 100, Number.NaN, -1]))).toEqual([-1, 9, 10, 100]);
		expect(Array.from(sortFloat64(new Float64Array([3, 20, 1])))).toEqual([1, 3, 20]);
	});

	it('is monotone in p and stays within [min, max]', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(values, p, q) => {
					const s = sortedWithoutNaN(values);
					const [lo, hi] = p <= q ? [p, q] : [q, p];
					expect(quantile(s, lo)).toBeLessThanOrEqual(quantile(s, hi));
					expect(quantile(s, lo)).toBeGreaterThanOrEqual(s[0]);
					expect(quantile(s, hi)).toBeLessThanOrEqual(s[s.length - 1]);
				}
			)
		);
	});
});

describe('sortRange', () => {
	const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 300 });

	it('sortRange sorts exactly the range it is given (short and long ranges)', () => {
		fc.assert(
			fc.property(values, fc.nat(), fc.nat(), (xs, a, b) => {
				const v = Float64Array.from(xs);
				const from = xs.length ? a % xs.length : 0;
				const to = from + (xs.length - from ? b % (xs.length - from + 1) : 0);
				sortRange(v, from, to);
				const expected = Float64Array.from(xs);
				expected.subarray(from, to).sort();
				expect(Array.from(v)).toEqual(Array.from(expected));
			})
		);
	});
});

describe('quantileAfterZeros', () => {
	it('gives the same bits as quantile of the zeros written out before the run', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: 20 }),
				fc.array(fc.double({ min: 1e-9, max: 500, noNaN: true }), { maxLength: 20 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.nat({ max: 3 }),
				(zeros, positives, p, offset) => {
					const run = Float64Array.from([...Array<number>(offset).fill(-1), ...positives.sort((a, b) => a - b)]);
					const whole = [...Array<number>(zeros).fill(0), ...positives];
					const expected = quantile(whole, p);
					expect(Object.is(quantileAfterZeros(run, p, zeros, offset, run.length), expected)).toBe(true);
				}
			)
		);
	});

	it('is NaN with no values at all', () => {
		expect(quantileAfterZeros(new Float64Array(0), 0.5, 0, 0, 0)).toBeNaN();
	});
});
