/**
 * How the need for counters grows with demand: the sizing search (size.ts) run on the base scenario at several
 * visitors-per-day levels, e.g. 100 → 700. Each level is sized from its own Erlang starting point, on the same
 * seed, so the curve is not bent by replication noise from one level to the next.
 */
import type { Scenario } from '../model/scenario';
import type { Evaluate } from './evaluate';
import { sizeScenario, type SizingOptions, type SizingProgress } from './size';
import { withVisitorsPerDay } from './variants';

/** One point of the curve. */
export interface GrowthPoint {
	visitorsPerDay: number;
	totalCounters: number;
	counters: Record<string, number>;
	shared: string[][];
	counterHoursPerDay: number;
	met: boolean;
	evaluations: number;
}

/** Progress of a growth run: which level, and the sizing progress within it. */
export interface GrowthProgress {
	index: number;
	levels: number;
	visitorsPerDay: number;
	sizing: SizingProgress;
}

/** Options of a growth run: the sizing options (without their own progress) and the levels. */
export interface GrowthOptions extends Omit<SizingOptions, 'onProgress'> {
	visitorsPerDay: readonly number[];
	onProgress?: (p: GrowthProgress) => void;
	/** Called with each finished point, so a chart can draw as the run goes. */
	onPoint?: (p: GrowthPoint) => void;
}

/** Levels from `from` to `to` (inclusive) in steps of `step`: growthLevels(100, 700, 100) → 100, 200, …, 700. */
export function growthLevels(from: number, to: number, step: number): number[] {
	if (!(from > 0) || !(to >= from) || !(step > 0)) throw new RangeError(`growth levels need 0 < from ≤ to and step > 0, got ${from}, ${to}, ${step}`);
	const out: number[] = [];
	// A hair of tolerance so 0.1-steps do not lose their last level to rounding.
	for (let v = from; v <= to + 1e-9 * to; v += step) out.push(Number(v.toFixed(6)));
	return out;
}

/** Required counters against visitors per day: one sizing per level (days calendar scenarios only). */
export async function growthCurve(base: Scenario, evaluate: Evaluate, options: GrowthOptions): Promise<GrowthPoint[]> {
	const points: GrowthPoint[] = [];
	const levels = options.visitorsPerDay;
	for (let i = 0; i < levels.length; i++) {
		const v = levels[i];
		const scaled = withVisitorsPerDay(base, v);
		const r = await sizeScenario(scaled, evaluate, {
			...options,
			onProgress: (sizing) => options.onProgress?.({ index: i, levels: levels.length, visitorsPerDay: v, sizing })
		});
		const point: GrowthPoint = {
			visitorsPerDay: v,
			totalCounters: r.totalCounters,
			counters: r.counters,
			shared: r.shared,
			counterHoursPerDay: r.counterHoursPerDay,
			met: r.met,
			evaluations: r.evaluations
		};
		points.push(point);
		options.onPoint?.(point);
	}
	return points;
}
