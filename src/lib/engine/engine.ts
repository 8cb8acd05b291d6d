import type { EngineConfig, TicketRequest } from './types';
import { Hall, classRow } from './hall';
import type { CounterState } from './counters';
import { IssuedToday } from './queues';
import { EngineDay, Ticket, TicketNumbering } from './tickets';

/**
 * The queue-allocation engine: issues tickets, keeps the queues, and decides which ticket a free counter
 * calls. Pure and clock-free — every call takes `now` — so a live ticketing system could run it as is (Desk runs
 * one by ids, its input checked), and the simulator drives it by index from its event calendar. Engines share no
 * state: any number may run in one thread. The tables it runs on, and the questions asked of them, are its Hall's.
 */
export class QueueEngine<P = unknown> extends Hall<P> {
	/** This engine's current day (see Ticket.day). */
	private day = new EngineDay(0);
	/** Every ticket queued today, for sending home. */
	private readonly issuedToday = new IssuedToday<P>();
	private readonly numbering: TicketNumbering;
	private seq = 0;

	constructor(config: EngineConfig) {
		super(config);
		this.numbering = new TicketNumbering(config.agencies.length);
	}

	/** Back to the state it was built in: nothing issued, every counter off duty. */
	reset(): void {
		this.seq = 0;
		const n = this.counts;
		n.issued = n.waiting = n.inService = n.served = n.abandoned = n.notServed = n.noShow = 0;
		for (const c of this.states) {
			c.onDuty = false;
			c.closing = false;
			c.serving = null;
			c.idleSince = 0;
		}
		this.idleFrom.fill(Infinity);
		this.startDay();
	}

	/**
	 * Starts a new day: ticket numbers restart at 001. Throws while tickets still wait: send them home first
	 * (`sendHomeWaiting`), or they would stand in no line, and never be called or counted out.
	 */
	startDay(): void {
		if (this.counts.waiting > 0) throw new Error(`${this.counts.waiting} ticket(s) still waiting: send them home before a new day starts`);
		this.day = new EngineDay(this.day.count + 1);
		this.numbering.reset();
		this.waitingPriority.fill(0);
		this.waitingRegular.fill(0);
		this.issuedToday.clear();
		for (const line of this.lines) line.clear();
	}

	/** Gives a ticket its number and puts it at the back of every line that covers its service and class. */
	issueTicket(req: TicketRequest<P>, now: number): Ticket<P> {
		return this.issueFor(this.requested(req), req.priority, req.payload, now);
	}

	/** The service index of a request (throws on an unknown service). */
	private requested(req: TicketRequest<P>): number {
		const k = this.serviceOf(req.agency, req.service);
		if (k < 0) throw new Error(`unknown service "${req.agency}/${req.service}"`);
		return k;
	}

	/**
	 * `issueTicket` by service index (see `serviceOf`): the simulator's allocation-light path. `reuse`, a ticket
	 * issued before this engine's current day (or by another engine), is rewritten instead of allocating one.
	 */
	issueFor(k: number, priority: boolean, payload: P, now: number, reuse?: Ticket<P>): Ticket<P> {
		const t = this.numbered(k, priority, payload, now, reuse);
		this.issuedToday.add(t);
		const { start, items } = this.linesOf;
		const row = classRow(k, priority);
		for (let j = start[row]; j < start[row + 1]; j++) this.lines[items[j]].push(t);
		this.countFor(t, 1);
		this.counts.issued++;
		this.counts.waiting++;
		return t;
	}

	/**
	 * `issueFor` when counter `ci` is idle and would call the new ticket (`idleCounterFor(k, priority)` gave it): the
	 * ticket goes straight to the counter, as issuing then `callNext(ci)` would (an idle counter has nothing else to
	 * call), without standing in any line first.
	 */
	issueTo(ci: number, k: number, priority: boolean, payload: P, now: number, reuse?: Ticket<P>): Ticket<P> {
		const c = this.counterAt(ci);
		// One load, where a busy counter would silently drop the visitor in hand.
		if (this.idleFrom[ci] === Infinity) throw new Error(`counter "${c.id}" is not idle: it cannot take a ticket`);
		const t = this.numbered(k, priority, payload, now, reuse);
		this.counts.issued++;
		this.assign(c, ci, t, now);
		return t;
	}

	/** A new waiting ticket with its number (`fresh`, then the agency's next number of the day). */
	private numbered(k: number, priority: boolean, payload: P, now: number, reuse: Ticket<P> | undefined): Ticket<P> {
		const a = this.serviceAgency[k];
		const t = this.fresh(k, priority, payload, now, reuse);
		t.dayNumber = this.numbering.issue(a);
		t.prefix = this.prefixes[a];
		return t;
	}

	/** Records an online booking whose visitor never came: it takes no number and never queues. */
	noShow(req: TicketRequest<P>, now: number): Ticket<P> {
		return this.noShowFor(this.requested(req), req.priority, req.payload, now);
	}

	/** `noShow` by service index (`reuse` as in `issueFor`). */
	noShowFor(k: number, priority: boolean, payload: P, now: number, reuse?: Ticket<P>): Ticket<P> {
		const t = this.fresh(k, priority, payload, now, reuse);
		t.dayNumber = 0;
		t.prefix = '';
		t.state = 'no-show';
		t.endedAt = now;
		this.counts.issued++;
		this.counts.noShow++;
		return t;
	}

	/** A ticket joins (+1) or leaves (-1) the waiting: its service's count in its class follows. */
	private countFor(t: Ticket<P>, d: number): void {
		if (t.priority) this.waitingPriority[t.serviceIndex] += d;
		else this.waitingRegular[t.serviceIndex] += d;
	}

	/**
	 * Whether a ticket may be handed back to `issueFor` or `noShowFor`: one of an earlier day (or another engine),
	 * or one of today that has left the engine (served, abandoned, sent home or a no-show) and every line.
	 */
	reusable(t: Ticket<P>): boolean {
		if (t.day !== this.day || t.state === 'no-show') return true;
		if (t.state === 'waiting' || t.state === 'called') return false;
		// Checked only when asked, so issuing and calling pay nothing for it.
		const { start, items } = this.linesOf;
		const row = classRow(t.serviceIndex, t.priority);
		for (let j = start[row]; j < start[row + 1]; j++) if (this.lines[items[j]].mayHold(t.seq)) return false;
		return true;
	}

	/** A waiting ticket for service k, its number left to the caller: `reuse` rewritten (if `reusable`) or a new one. */
	private fresh(k: number, priority: boolean, payload: P, now: number, reuse: Ticket<P> | undefined): Ticket<P> {
		// Every ticket is made here, and the agency's index is needed anyway: checking it costs one comparison.
		const a = this.serviceAgency[k];
		if (a === undefined) throw new RangeError(`service index ${k} is out of range (the engine has ${this.serviceKeys.length} services)`);
		let t: Ticket<P>;
		if (reuse === undefined) t = new Ticket(payload);
		else if (reuse.day === this.day && !this.reusable(reuse)) throw new Error('a ticket still waiting, at a counter or in a line cannot be reused');
		else (t = reuse).payload = payload;
		t.seq = this.seq++;
		t.day = this.day;
		t.agency = this.agencyIds[a];
		t.service = this.serviceNames[k];
		t.serviceIndex = k;
		t.priority = priority;
		t.queuedAt = now;
		t.state = 'waiting';
		t.counter = -1;
		t.calledAt = NaN;
		t.endedAt = NaN;
		return t;
	}

	/**
	 * The ticket counter `ci` calls now, or null: the first non-empty entry of its work profile, oldest ticket
	 * first within the entry. The ticket moves to "called" and the counter to serving it.
	 */
	callNext(ci: number, now: number): Ticket<P> | null {
		const c = this.counterAt(ci);
		if (!c.idle) return null;
		// An entry with nothing waiting has an empty line (its departed tickets skipped): no count is needed to pass it.
		const { start, items } = this.profileLines;
		for (let e = start[ci]; e < start[ci + 1]; e++) {
			const line = this.lines[items[e]];
			const t = line.peek();
			if (t === undefined) continue;
			line.shift();
			this.countFor(t, -1);
			this.counts.waiting--;
			this.assign(c, ci, t, now);
			return t;
		}
		return null;
	}

	/** Counter ci (state c) starts serving ticket t, called now. */
	private assign(c: CounterState<P>, ci: number, t: Ticket<P>, now: number): void {
		t.state = 'called';
		t.counter = ci;
		t.calledAt = now;
		c.serving = t;
		this.idleFrom[ci] = Infinity;
		this.counts.inService++;
	}

	/** Brings counter ci's entry of idleFrom up to date with its state. */
	private refreshIdle(ci: number): void {
		const c = this.states[ci];
		this.idleFrom[ci] = c.idle ? c.idleSince : Infinity;
	}

	/** The counter is done with the visitor in hand; a closing counter goes off duty. Returns that ticket. */
	finish(ci: number, now: number): Ticket<P> {
		const c = this.counterAt(ci);
		const t = c.serving;
		if (t === null) throw new Error(`counter "${c.id}" is not serving anyone`);
		t.state = 'served';
		t.endedAt = now;
		c.serving = null;
		c.idleSince = now;
		if (c.closing) {
			c.closing = false;
			c.onDuty = false;
		}
		this.refreshIdle(ci);
		this.counts.inService--;
		this.counts.served++;
		return t;
	}

	/** The visitor gives up waiting. False (and nothing changes) when the ticket is no longer waiting. */
	abandon(t: Ticket<P>, now: number): boolean {
		if (!this.stopWaiting(t, 'abandoned', now)) return false;
		this.counts.abandoned++;
		return true;
	}

	/** A ticket is sent home unserved (the hall closes). False when it is no longer waiting. */
	sendHome(t: Ticket<P>, now: number): boolean {
		if (!this.stopWaiting(t, 'not-served', now)) return false;
		this.counts.notServed++;
		return true;
	}

	/** A waiting ticket leaves the queue without being called; false when it is no longer waiting. */
	private stopWaiting(t: Ticket<P>, state: 'abandoned' | 'not-served', now: number): boolean {
		if (t.state !== 'waiting') return false;
		this.countFor(t, -1);
		t.state = state;
		t.endedAt = now;
		this.counts.waiting--;
		return true;
	}

	/**
	 * Sends home every waiting ticket (`which: "all"`), or only those no on-duty counter may serve
	 * (`"unservable"`, for a hall that serves the waiting after close). Returns the tickets sent home.
	 */
	sendHomeWaiting(now: number, which: 'all' | 'unservable'): Array<Ticket<P>> {
		if (this.counts.waiting === 0) return [];
		// Looked for after every counter that closes after hours: a look at the per-service counts first, so the
		// day's tickets are scanned only when some of them are stranded (a hall of a thousand counters and a hundred
		// thousand tickets scanned them all at every closing).
		if (which === 'unservable' && !this.anyStranded()) return [];
		const out = this.issuedToday.waiting();
		if (which === 'unservable') {
			let kept = 0;
			for (const t of out) if (!this.servable(t.serviceIndex, t.priority)) out[kept++] = t;
			out.length = kept;
		}
		// In issue order, as they stood in line.
		for (const t of out) this.sendHome(t, now);
		return out;
	}

	/** Whether a ticket waits that no counter on duty would call (its service and class have no caller left). */
	private anyStranded(): boolean {
		for (let k = 0; k < this.waitingRegular.length; k++) {
			if (this.waitingRegular[k] > 0 && !this.servable(k, false)) return true;
			if (this.waitingPriority[k] > 0 && !this.servable(k, true)) return true;
		}
		return false;
	}

	/** A shift starts: the counter is on duty (if it was closing while serving, it simply stays). */
	openCounter(ci: number, now: number): void {
		const c = this.counterAt(ci);
		if (c.onDuty && c.closing) {
			c.closing = false;
		} else if (!c.onDuty) {
			c.onDuty = true;
			c.closing = false;
			if (c.serving === null) c.idleSince = now;
		}
		this.refreshIdle(ci);
	}

	/** A shift ends: an idle counter goes off duty now, a busy one after the visitor in hand. */
	closeCounter(ci: number, _now: number): void {
		const c = this.counterAt(ci);
		if (!c.onDuty) return;
		if (c.serving !== null) c.closing = true;
		else c.onDuty = false;
		this.refreshIdle(ci);
	}
}
