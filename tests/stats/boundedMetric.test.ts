import { describe, expect, it } from 'vitest';
import { boundedMetric } from '../../src/lib/stats/boundedMetric';

describe('boundedMetric', () => {
	it('keeps an interval of a non-negative quantity at or above 0, and a share at or below 1', () => {
		expect(boundedMetric({ mean: 0.0056, ci95: [-0.0009, 0.0121] }, true)).toEqual({ mean: 0.0056, ci95: [0, 0.0121] });
		expect(boundedMetric({ mean: 0.99, ci95: [0.97, 1.01] }, true).ci95).toEqual([0.97, 1]);
		expect(boundedMetric({ mean: 3, ci95: [-1, 7] }, false).ci95).toEqual([0, 7]);
		// A count may exceed 1: only shares are capped there.
		expect(boundedMetric({ mean: 3, ci95: [2, 4] }, false).ci95).toEqual([2, 4]);
	});

	it('leaves undefined bounds undefined', () => {
		expect(boundedMetric({ mean: 2, ci95: [null, null] }, false)).toEqual({ mean: 2, ci95: [null, null] });
	});
});
