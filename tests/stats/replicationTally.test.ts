import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hourOf } from '../../src/lib/stats/replicationTally';

describe('hourOf', () => {
	it('gives the clock hour of minutes after midnight, folding continuous runs and times before midnight', () => {
		expect(hourOf(0)).toBe(0);
		expect(hourOf(479.99)).toBe(7);
		expect(hourOf(480)).toBe(8);
		expect(hourOf(24 * 60 + 90)).toBe(1);
		expect(hourOf(-1)).toBe(23);
		expect(hourOf(NaN)).toBeNaN();
	});

	it('is the floating-point remainder of the hours, folded into 0–23, for any time (int32 hours or not)', () => {
		const reference = (m: number) => {
			const h = Math.floor(m / 60) % 24;
			return h < 0 ? h + 24 : h;
		};
		fc.assert(
			fc.property(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e15, max: 1e15, noNaN: true })), (m) => {
				expect(hourOf(m) + 0).toBe(reference(m) + 0);
			})
		);
	});
});
