import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketSort } from '../../src/lib/stats/bucketSort';

// Samples of every shape the sort must survive: smooth, heavy ties, far outliers (crowded buckets), spans near the
// doubles' limits and subnormal differences.
const value = fc.oneof(
	fc.double({ min: -1e6, max: 1e6, noNaN: true }),
	fc.constantFrom(0, -0, 1, 5e-324, -5e-324, 1e-310, Number.MAX_VALUE, -Number.MAX_VALUE, 1e300),
	fc.integer({ min: -3, max: 3 })
);
const sample = fc.array(value, { maxLength: 400 });
const range = (n: number, a: number, b: number): [number, number] => {
	const from = n ? a % n : 0;
	return [from, from + (n - from ? b % (n - from + 1) : 0)];
};
// -0 and 0 compare equal, so the sort may leave them in either order: compare with them made one.
const plain = (xs: ArrayLike<number>) => Array.from(xs, (x) => (x === 0 ? 0 : x));

describe('bucketSort', () => {
	it('sorts exactly the range it is given, as the native sort does', () => {
		fc.assert(
			fc.property(sample, fc.nat(), fc.nat(), (xs, a, b) => {
				const [from, to] = range(xs.length, a, b);
				const v = Float64Array.from(xs);
				bucketSort(v, from, to);
				const expected = Float64Array.from(xs);
				expected.subarray(from, to).sort();
				expect(plain(v)).toEqual(plain(expected));
			})
		);
	});

	it('keeps every key with the value it came with, and touches no key outside the range', () => {
		fc.assert(
			fc.property(sample, fc.nat(), fc.nat(), (xs, a, b) => {
				const [from, to] = range(xs.length, a, b);
				const v = Float64Array.from(xs);
				const keys = Int32Array.from(xs, (_, i) => i);
				bucketSort(v, from, to, keys);
				for (let i = 0; i < xs.length; i++) {
					expect(Object.is(v[i], xs[keys[i]]) || (v[i] === 0 && xs[keys[i]] === 0)).toBe(true);
					if (i < from || i >= to) expect(keys[i]).toBe(i);
				}
				for (let i = from + 1; i < to; i++) expect(v[i - 1] <= v[i]).toBe(true);
				expect(Array.from(keys.subarray(from, to)).sort((x, y) => x - y)).toEqual(Array.from({ length: to - from }, (_, i) => from + i));
			})
		);
	});

	it('sorts a large smooth sample with a far outlier (crowded buckets sorted again)', () => {
		const n = 5000;
		const v = new Float64Array(n);
		let x = 7;
		for (let i = 0; i < n; i++) v[i] = ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * 60;
		v[17] = 1e9;
		const expected = v.slice().sort();
		bucketSort(v, 0, n);
		expect(Array.from(v)).toEqual(Array.from(expected));
	});
});
