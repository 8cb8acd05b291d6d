import type { Ticket } from './types';

/**
 * One first-in-first-out line of tickets. Tickets leave from the head when called; a ticket that leaves from
 * the middle (abandoned, sent home) is only marked, and skipped when it reaches the head (lazy deletion keeps
 * abandonment O(1)).
 */
export class TicketLine<P> {
	private items: Array<Ticket<P>> = [];
	private head = 0;

	/** Appends a ticket; callers append in queuedAt order, so the line stays sorted by (queuedAt, seq). */
	push(t: Ticket<P>): void {
		this.items.push(t);
	}

	/** The oldest ticket still waiting, or undefined. */
	peek(): Ticket<P> | undefined {
		const items = this.items;
		let h = this.head;
		while (h < items.length && items[h].state !== 'waiting') h++;
		this.head = h;
		if (h > 64 && h * 2 > items.length) {
			// Compact now and then so a long day does not keep every served ticket alive.
			this.items = items.slice(h);
			this.head = 0;
			return this.items[0];
		}
		return items[h];
	}

	/** Removes the head (which the caller just peeked). */
	shift(): void {
		this.head++;
	}

	/** Appends every ticket still waiting to `out`, oldest first. */
	collectWaiting(out: Array<Ticket<P>>): void {
		const items = this.items;
		for (let i = this.head; i < items.length; i++) if (items[i].state === 'waiting') out.push(items[i]);
	}

	/** Forgets everything (a new day). */
	clear(): void {
		this.items = [];
		this.head = 0;
	}
}

/**
 * The lines of one service: the priority class and everyone else, kept apart so "priority" entries are cheap,
 * with how many of each are still waiting (so a counter skips an empty line without looking into it).
 */
export class ServiceQueue<P> {
	readonly priority = new TicketLine<P>();
	readonly regular = new TicketLine<P>();
	waitingPriority = 0;
	waitingRegular = 0;

	/** Queues a ticket in its class's line. */
	push(t: Ticket<P>): void {
		if (t.priority) {
			this.priority.push(t);
			this.waitingPriority++;
		} else {
			this.regular.push(t);
			this.waitingRegular++;
		}
	}

	/** A ticket of this service stopped waiting (called, abandoned or sent home). */
	left(t: Ticket<P>): void {
		if (t.priority) this.waitingPriority--;
		else this.waitingRegular--;
	}

	/** Tickets still waiting in both lines. */
	get waiting(): number {
		return this.waitingPriority + this.waitingRegular;
	}

	/** Forgets everything. */
	clear(): void {
		this.priority.clear();
		this.regular.clear();
		this.waitingPriority = 0;
		this.waitingRegular = 0;
	}
}

/** True when ticket a is older than b: earlier in line, then issued first. */
export function olderThan(a: Ticket<unknown>, b: Ticket<unknown>): boolean {
	return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.seq < b.seq);
}
