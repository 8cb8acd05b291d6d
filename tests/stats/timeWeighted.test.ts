import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../src/lib/stats/timeWeighted';

describe('TimeWeighted', () => {
	it('integrates a step function', () => {
		// 0 on [0,10), 2 on [10,15), 1 on [15,20): area 10 + 5 = 15, mean 0.75.
		const tw = new TimeWeighted(0, 0);
		tw.record(2, 10);
		tw.record(1, 15);
		expect(tw.area(20)).toBe(15);
		expect(tw.mean(20)).toBe(0.75);
		expect(tw.area()).toBe(10);
		expect(tw.current).toBe(1);
		tw.advance(20);
		expect(tw.area()).toBe(15);
	});

	it('starts where told and is NaN over an empty span', () => {
		const tw = new TimeWeighted(100, 3);
		expect(tw.mean()).toBeNaN();
		expect(tw.mean(110)).toBe(3);
	});

	it('refuses a clock that goes back', () => {
		const tw = new TimeWeighted();
		tw.record(1, 5);
		expect(() => tw.record(0, 4)).toThrow(RangeError);
		expect(() => tw.area(3)).toThrow(RangeError);
	});
});
