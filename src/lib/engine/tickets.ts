/** A ticket's life: waiting → called → served, or waiting → abandoned / not-served; no-show never queues. */
export type TicketState = 'waiting' | 'called' | 'served' | 'abandoned' | 'not-served' | 'no-show';

/** "A-007": prefix, dash, the number zero-padded to three digits (more than 999 simply grows: A-1000). */
export function formatTicketNumber(prefix: string, n: number): string {
	return prefix + '-' + (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));
}

/**
 * One day of one engine, told apart by identity: a ticket carries the day it was issued in, so an engine knows its
 * own tickets of today with one comparison, and no counter is shared between engines (nor between threads' runs).
 */
export class EngineDay {
	/** `count`: the engine's days before this one (for a person reading a ticket in a debugger). */
	constructor(readonly count: number) {}
}

/**
 * A ticket in the engine. Fields are written only by the engine. The number is kept as an integer and spelled
 * out when read, and a caller may hand a spent ticket back to be reused (`QueueEngine.issueFor`, once
 * `QueueEngine.reusable` says so): the simulator issues millions of tickets, and neither costs it an allocation.
 */
export class Ticket<P = unknown> {
	/** Issue order across the whole engine: a tie-breaker that makes "oldest first" total. */
	seq = 0;
	/** The engine day it was issued in (see QueueEngine.startDay); a ticket of an earlier day, or another engine's, is in no line. */
	day: EngineDay | null = null;
	/** The engine's scratch mark: the last QueueEngine.sendHomeWaiting pass that met it. */
	mark: object | null = null;
	/** Per-agency per-day number (1, 2, …); 0 for a no-show, who never checked in. */
	dayNumber = 0;
	prefix = '';
	agency = '';
	service = '';
	/** Index of (agency, service) in the engine's service table. */
	serviceIndex = 0;
	priority = false;
	/** When it joined the queue: its place in line. */
	queuedAt = Number.NaN;
	state: TicketState = 'waiting';
	/** Counter index that called it, or -1. */
	counter = -1;
	calledAt = NaN;
	/** When it left the engine: served, abandoned or sent home. */
	endedAt = NaN;

	constructor(public payload: P) {}

	/** "A-007": prefix, dash, per-agency per-day number; "" for a no-show. */
	get number(): string {
		return this.dayNumber === 0 ? '' : formatTicketNumber(this.prefix, this.dayNumber);
	}
}

/** Ticket numbers per agency and day: 1, 2, … for each agency, from 1 again every day. */
export class TicketNumbering {
	private readonly next: Int32Array;

	constructor(agencies: number) {
		this.next = new Int32Array(agencies);
	}

	/** Starts a new day: every agency counts from 1 again. */
	reset(): void {
		this.next.fill(0);
	}

	/** The next number of agency `agencyIndex`. */
	issue(agencyIndex: number): number {
		return ++this.next[agencyIndex];
	}
}
