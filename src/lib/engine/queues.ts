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

	/** Every ticket still waiting, oldest first. */
	*waiting(): IterableIterator<Ticket<P>> {
		for (let i = this.head; i < this.items.length; i++) if (this.items[i].state === 'waiting') yield this.items[i];
	}

	/** Forgets everything (a new day). */
	clear(): void {
		this.items = [];
		this.head = 0;
	}
}

/** The lines of one service: the priority class and everyone else, kept apart so "priority" entries are cheap. */
export class ServiceQueue<P> {
	readonly priority = new TicketLine<P>();
	readonly regular = new TicketLine<P>();

	/** Queues a ticket in its class's line. */
	push(t: Ticket<P>): void {
		(t.priority ? this.priority : this.regular).push(t);
	}

	/** Forgets everything. */
	clear(): void {
		this.priority.clear();
		this.regular.clear();
	}
}

/** True when ticket a is older than b: earlier in line, then issued first. */
export function olderThan(a: Ticket<unknown>, b: Ticket<unknown>): boolean {
	return a.queuedAt < b.queuedAt || (a.queuedAt === b.queuedAt && a.seq < b.seq);
}
