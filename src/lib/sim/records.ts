import type { DayId } from '../model/scenario';
import type { ReplicationTally } from '../stats/replicationTally';

/** How a ticket (one visit leg) ended. */
export type Outcome = 'served' | 'abandoned' | 'no-show' | 'not-served';
export type Channel = 'walk-in' | 'online';

/**
 * One service a visitor asked for (a visit leg) and what became of it.
 * Times are minutes after midnight of the leg's day (continuous mode: after the start); NaN where not reached.
 */
export interface LegRecord {
	replication: number;
	/** 0-based index of the simulated day within the replication. */
	day: number;
	/** Weekday of that day; "run" in continuous mode. */
	dayId: DayId | 'run';
	/** Visitor number within the day, 1-based. */
	visitor: number;
	/** 0 for the first service of the visit, 1 for the next, … */
	leg: number;
	/** Ticket number such as "A-007"; empty for an online no-show, who never checked in. */
	ticket: string;
	agency: string;
	service: string;
	channel: Channel;
	priority: boolean;
	/** When the visitor entered the hall (for an online visitor: actual arrival, maybe before the slot). */
	arrival: number;
	/** When this leg's ticket joined the queue. */
	ticketTime: number;
	/** When a counter called it (NaN unless served). */
	call: number;
	/** Service start (equals call: the visitor walks up at once). */
	start: number;
	/** Service end (NaN unless served). */
	end: number;
	/** Counter id ("" unless served). */
	counter: string;
	/** Minutes waited in the queue: to the call when served, to leaving when abandoned, to close when not served. */
	wait: number;
	outcome: Outcome;
	/** Whether the leg counts in statistics (its ticket joined after the warm-up). */
	measured: boolean;
}

/** Time a counter spent staffed and busy in one replication (minutes, summed over days). */
export interface CounterUsage {
	counter: string;
	staffed: number;
	/** Busy time inside staffed time. */
	busy: number;
	/** Busy time past a shift's end or the hall's close, finishing the visitor in hand or serving the waiting. */
	overtime: number;
	served: number;
	/** Busy minutes per hour of day (24 entries; continuous mode: per hour of the run modulo 24). */
	busyByHour: number[];
	/** Staffed minutes per hour of day. */
	staffedByHour: number[];
}

/** Time-weighted traces over the day in fixed bins, summed over the replication's days (divide by `days`). */
export interface DayTrace {
	binMinutes: number;
	/** Start of bin 0 in minutes after midnight. */
	from: number;
	/** Visitor-minutes waiting in each bin, summed over days. */
	waitingArea: number[];
	/** Counter-minutes busy in each bin, summed over days. */
	busyArea: number[];
	/** Counter-minutes staffed in each bin, summed over days. */
	staffedArea: number[];
	/** Number of days summed. */
	days: number;
}

/** Everything one replication produced. */
export interface ReplicationOutput {
	replication: number;
	days: number;
	/** Its visit legs; empty when the run was told not to keep them (ReplicationRun.keepLegs). */
	legs: LegRecord[];
	counters: CounterUsage[];
	trace: DayTrace;
	/** The legs tallied as they ended, when the simulator produced this output (see summarizeTally). */
	tally?: ReplicationTally;
	/** Events the calendar executed, for benchmarks. */
	events: number;
}
