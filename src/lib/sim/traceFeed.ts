/**
 * Demand from a record of real days (a ticket log's trace, replay/trace.ts): every day's visitors are built
 * beforehand, with their real arrival times, services, work content and patience, and served to the run loop as
 * they are. Nothing is random: a replication over a trace is the same whatever its seed or number.
 */
import type { DayPlan } from './compile';
import type { DayDemand } from './demand';
import type { DemandSource } from './demandSource';

/** One leg of a visitor in a trace: service index, work content (minutes at speed 1), patience (Infinity: stays). */
export interface TraceLeg {
	service: number;
	work: number;
	patience: number;
}

/** One visitor of a trace day: when the simulator meets it, when it entered the hall, its flags (demand.ts) and legs in turn. */
export interface TraceVisitor {
	eventTime: number;
	arrival: number;
	flags: number;
	legs: readonly TraceLeg[];
}

/**
 * A day's visitors as the run loop reads them: ordered by event time (equal times keep the given order), so
 * visitor number r + 1 of the day is visitors' r-th by time. Visitors without legs are left out.
 */
export function demandOfVisitors(visitors: readonly TraceVisitor[]): DayDemand {
	const sorted = visitors.filter((v) => v.legs.length > 0).map((v, i) => ({ v, i }));
	sorted.sort((a, b) => a.v.eventTime - b.v.eventTime || a.i - b.i);
	const n = sorted.length;
	const nLegs = sorted.reduce((k, { v }) => k + v.legs.length, 0);
	const d: DayDemand = {
		count: n,
		first: 0,
		order: new Int32Array(n),
		arrival: new Float64Array(n),
		eventTime: new Float64Array(n),
		flags: new Uint8Array(n),
		slotStart: new Float64Array(n).fill(NaN),
		legStart: new Int32Array(n + 1),
		legService: new Int32Array(nLegs),
		legWork: new Float64Array(nLegs),
		legPatience: new Float64Array(nLegs)
	};
	let k = 0;
	sorted.forEach(({ v }, i) => {
		d.order[i] = i;
		d.arrival[i] = v.arrival;
		d.eventTime[i] = v.eventTime;
		d.flags[i] = v.flags;
		d.legStart[i] = k;
		for (const leg of v.legs) {
			d.legService[k] = leg.service;
			d.legWork[k] = leg.work;
			d.legPatience[k] = leg.patience;
			k++;
		}
	});
	d.legStart[n] = k;
	return d;
}

const NO_VISITORS = demandOfVisitors([]);

/** Serves day i of a replication the trace's day i (a day the trace lacks has no visitors). */
export class TraceFeed implements DemandSource {
	visitorBase = 0;
	private nextVisitorBase = 0;

	/** `days[i]`: the visitors of the replication's day i. The arrays are read, never written. */
	constructor(private readonly days: readonly DayDemand[]) {}

	/** Back to the first day. */
	restart(): void {
		this.visitorBase = this.nextVisitorBase = 0;
	}

	/** The whole of `day`'s visitors. */
	startDay(day: DayPlan): DayDemand {
		const d = this.days[day.index] ?? NO_VISITORS;
		this.visitorBase = this.nextVisitorBase;
		this.nextVisitorBase += d.count;
		return d;
	}

	/** A trace day comes in one block. */
	next(): DayDemand | null {
		return null;
	}
}
