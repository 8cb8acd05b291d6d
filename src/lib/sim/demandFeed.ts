/**
 * A replication's demand as its run meets it: each day's visitors are generated when the day starts, into storage
 * reused replication after replication, and kept while a visitor of theirs may still want a further leg.
 */
import type { CompiledScenario, DayPlan } from './compile';
import { DemandBuffer, DemandStreams, generateDay, type DayDemand } from './demand';

export class DemandFeed {
	streams: DemandStreams;
	/** Demand blocks (here one per day index): where each is generated, and what it holds now. */
	private readonly buffers: DemandBuffer[] = [];
	private readonly blocks: DayDemand[] = [];
	/** The block of the day that started last. */
	current = 0;
	/** Tally key of the current day's first visitor: visitors are keyed in (day, visitor) order. */
	visitorBase = 0;
	private nextVisitorBase = 0;

	constructor(
		private readonly model: CompiledScenario,
		private readonly seed: number,
		replication: number
	) {
		this.streams = new DemandStreams(seed, replication);
	}

	/** Back to the start of replication `replication`, its streams fresh. */
	restart(replication: number): void {
		this.streams = new DemandStreams(this.seed, replication);
		this.blocks.length = 0;
		this.visitorBase = this.nextVisitorBase = 0;
	}

	/** Generates the visitors of `day`, in the order the run meets them. */
	startDay(day: DayPlan): DayDemand {
		const slot = (this.current = day.index);
		const demand = generateDay(this.model, day, this.streams, (this.buffers[slot] ??= new DemandBuffer()));
		this.blocks[slot] = demand;
		this.visitorBase = this.nextVisitorBase;
		this.nextVisitorBase += demand.count;
		return demand;
	}

	/** Demand block `slot` (see Leg.block). */
	block(slot: number): DayDemand {
		return this.blocks[slot];
	}
}
