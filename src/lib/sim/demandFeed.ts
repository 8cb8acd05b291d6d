/**
 * A replication's demand as its run meets it. A working day's visitors are generated when the day starts; a
 * continuous run's a block of BLOCK_VISITORS at a time, the next when the run has met the last of the one before,
 * so its memory does not grow with the run's length. The streams give every visitor the same values either way.
 * Once the run has met a visitor it never reads its demand again (its legs carry what they need), so every day and
 * block is generated into one buffer, reused replication after replication.
 */
import type { CompiledScenario, DayPlan } from './compile';
import { ContinuousArrivals, DemandBuffer, DemandStreams, generateBlock, generateDay, type DayDemand } from './demand';
import type { DemandSource } from './demandSource';

/** Visitors per block of a continuous run. */
export const BLOCK_VISITORS = 1024;

/** Generated demand: the default DemandSource of a replication. */
export class DemandFeed implements DemandSource {
	streams: DemandStreams;
	private readonly buffer = new DemandBuffer();
	/** Tally key of the current day's first visitor: visitors are keyed in (day, visitor) order. */
	visitorBase = 0;
	private nextVisitorBase = 0;
	private day: DayPlan;
	/** The current day's arrivals still to come in further blocks (null: the day came in one block). */
	private arrivals: ContinuousArrivals | null = null;

	constructor(
		private readonly model: CompiledScenario,
		private readonly seed: number,
		replication: number
	) {
		this.streams = new DemandStreams(seed, replication);
		this.day = model.days[0];
	}

	/** Back to the start of replication `replication`, its streams fresh. */
	restart(replication: number): void {
		this.streams = new DemandStreams(this.seed, replication);
		this.visitorBase = this.nextVisitorBase = 0;
		this.arrivals = null;
	}

	/** The first block of `day`'s visitors (for a working day, all of them), in the order the run meets them. */
	startDay(day: DayPlan): DayDemand {
		this.day = day;
		this.visitorBase = this.nextVisitorBase;
		// Blocks follow each other in time only if no visitor moves to an online slot (continuous mode has none).
		const inBlocks = this.model.continuous && this.model.onlineShare === 0;
		this.arrivals = inBlocks ? new ContinuousArrivals(this.model, day) : null;
		return this.generate();
	}

	/** The day's next block of visitors, or null if none are left. The block before is gone. */
	next(): DayDemand | null {
		if (this.arrivals === null || this.arrivals.done) return null;
		const d = this.generate();
		return d.count > 0 ? d : null;
	}

	private generate(): DayDemand {
		const { model, day, streams, buffer } = this;
		const d = this.arrivals ? generateBlock(model, day, streams, this.arrivals, BLOCK_VISITORS, buffer) : generateDay(model, day, streams, buffer);
		this.nextVisitorBase += d.count;
		return d;
	}
}

/** The default demand source: visitors generated from the scenario's demand and the replication's streams. */
export function generatedDemand(model: CompiledScenario, seed: number, replication: number): DemandSource {
	return new DemandFeed(model, seed, replication);
}
