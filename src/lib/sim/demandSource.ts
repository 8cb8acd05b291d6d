/**
 * Where a replication's visitors come from. The run loop (ReplicationRun) asks a DemandSource for each day's
 * visitors and knows nothing else about them: generated demand (DemandFeed, the default) and a ticket log's real
 * arrivals (TraceFeed, for trace replay) are two sources behind the same four calls.
 */
import type { CompiledScenario, DayPlan } from './compile';
import type { DayDemand } from './demand';

/** A replication's demand as the run meets it, day by day (and, for a long day, block by block). */
export interface DemandSource {
	/** Tally key of the current day's first visitor: visitors are keyed in (day, visitor) order. */
	readonly visitorBase: number;
	/** Back to the start of replication `replication`. */
	restart(replication: number): void;
	/** The first block of `day`'s visitors (usually all of them), in the order the run meets them. */
	startDay(day: DayPlan): DayDemand;
	/** The day's next block of visitors, or null if none are left. The block before may be gone. */
	next(): DayDemand | null;
}

/** Makes the demand source of one replication run (the run restarts it for each further replication). */
export type DemandSourceFactory = (model: CompiledScenario, seed: number, replication: number) => DemandSource;
