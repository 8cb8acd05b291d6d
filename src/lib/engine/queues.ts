import type { Ticket } from './types';

/**
 * One first-in-first-out line of tickets. Tickets leave from the head when called; a ticket that leaves from
 * the middle (abandoned, sent home) is only marked, and skipped when it reaches the head (lazy deletion keeps
 * abandonment O(1)).
 */
export class TicketLine<P> {
	// items[head .. tail) is the line; the array is kept from day to day (a ticket line is rebuilt thousands of
	// times in a planner's run).
	private readonly items: Array<Ticket<P> | null> = [];
	private head = 0;
	private tail = 0;

	/** Appends a ticket; callers append in queuedAt order, so the line stays sorted by (queuedAt, seq). */
	push(t: Ticket<P>): void {
		if (this.tail === this.items.length) this.items.push(t);
		else this.items[this.tail] = t;
		this.tail++;
	}

	/** The oldest ticket still waiting, or undefined. */
	peek(): Ticket<P> | undefined {
		const items = this.items;
		let h = this.head;
		while (h < this.tail && items[h]!.state !== 'waiting') h++;
		if (h > 64 && h * 2 > this.tail) {
			// Compact now and then so a long day does not keep every served ticket in the line.
			const n = this.tail - h;
			for (let i = 0; i < n; i++) items[i] = items[h + i];
			for (let i = n; i < this.tail; i++) items[i] = null;
			this.tail = n;
			h = 0;
		}
		this.head = h;
		return h < this.tail ? items[h]! : undefined;
	}

	/** Removes the head (which the caller just peeked). */
	shift(): void {
		this.head++;
	}

	/** Appends every ticket still waiting to `out`, oldest first. */
	collectWaiting(out: Array<Ticket<P>>): void {
		const items = this.items;
		for (let i = this.head; i < this.tail; i++) if (items[i]!.state === 'waiting') out.push(items[i]!);
	}

	/** Forgets everything (a new day). */
	clear(): void {
		for (let i = 0; i < this.tail; i++) this.items[i] = null;
		this.head = 0;
		this.tail = 0;
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
