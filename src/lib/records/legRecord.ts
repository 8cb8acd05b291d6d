import type { DayId } from '../model/scenario';
import type { Outcome } from './outcomes';

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
