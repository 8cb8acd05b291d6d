import type { Ticket } from './tickets';

/**
 * One first-in-first-out line of tickets, in the order they were issued. A ticket may stand in several lines (its
 * service's place in every work-profile entry that covers it); when it stops waiting — called from any of them,
 * abandoned, sent home — it is only marked, and each line skips it when it reaches the head (lazy deletion keeps
 * every departure O(1)).
 */
export class TicketLine<P> {
	// items[head .. tail) is the line; the array is kept from day to day (a line is rebuilt thousands of times in
	// a planner's run).
	private readonly items: Array<Ticket<P> | null> = [];
	private head = 0;
	private tail = 0;

	/** Appends a ticket. Tickets are issued in time order, so the line stays ordered by (queuedAt, seq). */
	push(t: Ticket<P>): void {
		if (this.tail === this.items.length) {
			// Full: drop what has left from the front first, so a long day does not keep every served ticket.
			this.skipGone();
			if (this.head * 2 >= this.tail && this.head > 0) this.compact();
		}
		if (this.tail === this.items.length) this.items.push(t);
		else this.items[this.tail] = t;
		this.tail++;
	}

	/** The oldest ticket still waiting, or undefined. */
	peek(): Ticket<P> | undefined {
		this.skipGone();
		return this.head < this.tail ? this.items[this.head]! : undefined;
	}

	/**
	 * Whether the ticket issued as `seq` may still stand in this line: the line is in issue order, so it does until
	 * the head has moved past it (its departed tickets are let go only there).
	 */
	mayHold(seq: number): boolean {
		return this.head < this.tail && this.items[this.head]!.seq <= seq;
	}

	/** Removes the head (which the caller just peeked). */
	shift(): void {
		this.head++;
	}

	/** Forgets everything (a new day). */
	clear(): void {
		for (let i = 0; i < this.tail; i++) this.items[i] = null;
		this.head = 0;
		this.tail = 0;
	}

	private skipGone(): void {
		const items = this.items;
		let h = this.head;
		while (h < this.tail && items[h]!.state !== 'waiting') h++;
		this.head = h;
	}

	private compact(): void {
		const items = this.items;
		const n = this.tail - this.head;
		for (let i = 0; i < n; i++) items[i] = items[this.head + i];
		for (let i = n; i < this.tail; i++) items[i] = null;
		this.head = 0;
		this.tail = n;
	}
}

/**
 * Every ticket an engine queued today, in issue order, for sending home. A ticket reused later the same day stands
 * here again, and only its last entry is it now. A plain list, not a line: it is read once or twice a day, and a
 * line would keep skipping its departed tickets as it grows.
 */
export class IssuedToday<P> {
	private readonly items: Array<Ticket<P>> = [];
	/** How many of items are today's (the rest are stale: emptying the array by its length would drop its storage). */
	private n = 0;

	/** Adds a ticket just queued. */
	add(t: Ticket<P>): void {
		this.items[this.n++] = t;
	}

	/** Forgets today's tickets (a new day). */
	clear(): void {
		this.n = 0;
	}

	/** Today's tickets still waiting, in issue order, each once. */
	waiting(): Array<Ticket<P>> {
		const out: Array<Ticket<P>> = [];
		// From the last entry back, so a reused ticket is taken where it stands now, not where it stood before. The
		// pass's mark is an object of its own: no mark left by another pass, of this engine or another, equals it.
		const pass: object = {};
		for (let i = this.n - 1; i >= 0; i--) {
			const t = this.items[i];
			if (t.mark === pass) continue;
			t.mark = pass;
			if (t.state === 'waiting') out.push(t);
		}
		return out.reverse();
	}
}
