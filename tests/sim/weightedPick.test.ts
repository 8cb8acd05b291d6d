import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WeightedPick } from '../../src/lib/sim/weightedPick';

/** The reference: binary search for the first running total above u × total (the last index if none is). */
function firstAbove(cum: Float64Array, u: number): number {
	const x = u * cum[cum.length - 1];
	let lo = 0;
	let hi = cum.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cum[mid] > x) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

describe('WeightedPick', () => {
	it('draws exactly the index a binary search over the running totals finds, zero weights included', () => {
		const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 150 });
		const u = fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0, 0.5, 1 - 2 ** -53));
		fc.assert(
			fc.property(weights, fc.array(u, { minLength: 1, maxLength: 50 }), (ws, us) => {
				let acc = 0;
				const cum = Float64Array.from(ws, (w) => (acc += w));
				const pick = new WeightedPick(cum);
				for (const x of us) expect(pick.pick(x)).toBe(firstAbove(cum, x));
			})
		);
	});

	it('lands on the edges of every guide bucket as the binary search does', () => {
		// Uneven weights whose running totals fall near bucket edges: the guide's start must be corrected.
		const cum = Float64Array.from([0.1, 0.1, 0.30000000000000004, 1 / 3, 2 / 3, 2 / 3, 1]);
		const pick = new WeightedPick(cum);
		for (let j = 0; j <= 1400; j++) {
			for (const x of [j / 1400, Math.max(0, j / 1400 - 2 ** -53), Math.min(1 - 2 ** -53, j / 1400 + 2 ** -53)]) {
				if (x < 1) expect(pick.pick(x)).toBe(firstAbove(cum, x));
			}
		}
	});
});
