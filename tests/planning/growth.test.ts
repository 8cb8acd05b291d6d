/** Required counters against visitors per day, by running the sizing search at each level. */
import { describe, expect, it } from 'vitest';
import { inProcessEvaluate } from '../../src/lib/planning/evaluate';
import { growthCurve, growthLevels, type GrowthPoint, type GrowthProgress } from '../../src/lib/planning/growth';
import { sizeScenario } from '../../src/lib/planning/size';
import { withVisitorsPerDay } from '../../src/lib/planning/variants';
import { mustParse } from '../fixtures/scenarios';
import { morningHall } from './fixtures';

describe('growthLevels', () => {
	it('lists levels from → to in steps, inclusive', () => {
		expect(growthLevels(100, 700, 100)).toEqual([100, 200, 300, 400, 500, 600, 700]);
		expect(growthLevels(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
		expect(() => growthLevels(100, 50, 10)).toThrow(RangeError);
	});
});

describe('growthCurve', () => {
	it('sizes each level like the sizing search does, and needs more counters for much more demand', async () => {
		const base = mustParse(morningHall({ patienceMean: 240 }));
		const points: GrowthPoint[] = [];
		const progress: GrowthProgress[] = [];
		const options = { seed: 5, replications: 8 };
		const curve = await growthCurve(base, inProcessEvaluate, {
			...options,
			visitorsPerDay: [40, 160, 400],
			onPoint: (p) => points.push(p),
			onProgress: (p) => progress.push(p)
		});
		expect(curve.map((p) => p.visitorsPerDay)).toEqual([40, 160, 400]);
		expect(points).toEqual(curve);
		expect(curve.every((p) => p.met)).toBe(true);
		// Ten times the demand needs clearly more counters (not a statistical claim: 400 visitors in 3.5 hours is
		// over twice the work of 160, whatever the seeds).
		expect(curve[0].totalCounters).toBeLessThan(curve[1].totalCounters);
		expect(curve[1].totalCounters).toBeLessThan(curve[2].totalCounters);
		// The same as sizing that level on its own.
		const direct = await sizeScenario(withVisitorsPerDay(base, 160), inProcessEvaluate, options);
		expect(curve[1].counters).toEqual(direct.counters);
		expect(new Set(progress.map((p) => p.index))).toEqual(new Set([0, 1, 2]));
		expect(progress.every((p) => p.levels === 3)).toBe(true);
	});
});
