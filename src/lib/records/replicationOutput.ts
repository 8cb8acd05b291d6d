import type { LegRecord } from './legRecord';

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
	/** Per day, the most tickets waiting at once (visitors in the waiting room, not at a counter). */
	peakWaiting: number[];
	/** Events the calendar executed, for benchmarks. */
	events: number;
}
