import { CounterState } from './counters';
import { IndexLists } from './indexLists';
import { compileProfile } from './profiles';
import { TicketLine } from './queues';
import { Ticket, TicketNumbering } from './tickets';
import type { EngineConfig, EngineSnapshot, TicketCounts, TicketRequest } from './types';

/** Engine days across every engine in this thread, so a ticket's epoch says whether any line can still hold it. */
let epochs = 0;
/** Passes over a day's tickets across every engine in this thread: each marks the tickets it has met (Ticket.mark). */
let passes = 0;

/** The row of service k's tickets in one class in the engine's per-service lists (see `linesOf`, `callers`). */
function classRow(k: number, priority: boolean): number {
	return priority ? 2 * k + 1 : 2 * k;
}

/**
 * The queue-allocation engine: issues tickets, keeps the queues, and decides which ticket a free counter
 * calls. Pure and clock-free — every call takes `now` — so a live ticketing system could run it as is, and
 * the simulator drives it from its event calendar.
 */
export class QueueEngine<P = unknown> {
	readonly counters: Array<CounterState<P>>;
	private readonly counterIndex = new Map<string, number>();
	private readonly serviceIndex = new Map<string, number>();
	private readonly serviceAgency: Int32Array;
	private readonly serviceKeys: string[];
	private readonly serviceNames: string[] = [];
	private readonly agencyIds: string[];
	private readonly prefixes: string[];
	/** This engine's current day (see Ticket.epoch). */
	private epoch = epochs++;
	/**
	 * Every ticket queued today, in issue order (for sending home): a ticket reused later the same day stands here
	 * again, and only its last entry is it now. A plain list, not a line: it is read once or twice a day, and a
	 * line would keep skipping its departed tickets as it grows.
	 */
	private readonly issuedToday: Array<Ticket<P>> = [];
	/** How many of issuedToday are today's (the rest are stale: emptying the array by its length would drop its storage). */
	private nIssued = 0;
	/**
	 * One line per distinct work-profile entry (counters with the same entry share it): the tickets the entry
	 * covers, in issue order, so its head is the entry's oldest ticket — a counter calls in O(1).
	 */
	private readonly lines: Array<TicketLine<P>> = [];
	/**
	 * Row 2k: the lines a regular ticket of service k joins; row 2k + 1, those a priority ticket joins ("priority"
	 * entries too). See `classRow`.
	 */
	private readonly linesOf: IndexLists;
	/** Per service, tickets waiting in each class. */
	private readonly waitingPriority: Int32Array;
	private readonly waitingRegular: Int32Array;
	/**
	 * Row 2k: the counters whose work profile would call regular tickets of service k; row 2k + 1, those that would
	 * call its priority tickets (more: a "priority" entry calls only that class), in scenario order.
	 */
	private readonly callers: IndexLists;
	/** Row c: the lines of counter c's work-profile entries, in profile order (the order it calls them). */
	private readonly profileLines: IndexLists;
	/**
	 * Per counter, when it became idle if it is idle now (on duty, not closing, serving no one), else +Infinity:
	 * kept by every change of a counter's state, so finding the longest-idle counter for a new ticket reads one
	 * typed array instead of four fields of each candidate.
	 */
	private readonly idleFrom: Float64Array;
	private readonly numbering: TicketNumbering;
	private seq = 0;
	private readonly counts: TicketCounts = {
		issued: 0,
		waiting: 0,
		inService: 0,
		served: 0,
		abandoned: 0,
		notServed: 0,
		noShow: 0
	};

	constructor(config: EngineConfig) {
		this.agencyIds = config.agencies.map((a) => a.id);
		this.serviceKeys = [];
		const agencyOfKey: string[] = [];
		const serviceAgency: number[] = [];
		config.agencies.forEach((a, ai) => {
			for (const s of a.services) {
				this.serviceIndex.set(a.id + '/' + s, this.serviceKeys.length);
				this.serviceKeys.push(a.id + '/' + s);
				this.serviceNames.push(s);
				agencyOfKey.push(a.id);
				serviceAgency.push(ai);
			}
		});
		this.serviceAgency = Int32Array.from(serviceAgency);
		this.prefixes = config.agencies.map((a) => a.ticketPrefix);
		this.numbering = new TicketNumbering(config.agencies.length);
		this.counters = config.counters.map((c, ci) => {
			const serves = new Uint8Array(this.serviceKeys.length);
			for (const s of c.serves) {
				const i = this.serviceIndex.get(s.agency + '/' + s.service);
				if (i !== undefined) serves[i] = 1;
			}
			this.counterIndex.set(c.id, ci);
			return new CounterState<P>(ci, c.id, serves, compileProfile(c.profile, this.serviceKeys, agencyOfKey, serves));
		});
		this.idleFrom = new Float64Array(this.counters.length).fill(Infinity);
		const nServices = this.serviceKeys.length;
		this.waitingPriority = new Int32Array(nServices);
		this.waitingRegular = new Int32Array(nServices);
		const lineOf = new Map<string, number>();
		const regular: number[][] = this.serviceKeys.map(() => []);
		const priority: number[][] = this.serviceKeys.map(() => []);
		for (const c of this.counters) {
			for (const entry of c.profile) {
				const key = (entry.priorityOnly ? 'p:' : 'a:') + entry.services.join(',');
				let line = lineOf.get(key);
				if (line === undefined) {
					line = this.lines.length;
					lineOf.set(key, line);
					this.lines.push(new TicketLine<P>());
					for (const k of entry.services) {
						priority[k].push(line);
						if (!entry.priorityOnly) regular[k].push(line);
					}
				}
				entry.line = line;
			}
		}
		this.linesOf = new IndexLists(this.serviceKeys.flatMap((_, k) => [regular[k], priority[k]]));
		const calling = (k: number, priorityClass: boolean) =>
			this.counters.filter((c) => c.profile.some((e) => (priorityClass || !e.priorityOnly) && e.services.includes(k))).map((c) => c.index);
		this.callers = new IndexLists(this.serviceKeys.flatMap((_, k) => [calling(k, false), calling(k, true)]));
		this.profileLines = new IndexLists(this.counters.map((c) => c.profile.map((e) => e.line)));
	}

	/** Index of a counter id (throws on an unknown id: a caller bug, not user input). */
	counterOf(id: string): number {
		const i = this.counterIndex.get(id);
		if (i === undefined) throw new Error(`unknown counter "${id}"`);
		return i;
	}

	/** Index of an "agency/service" pair in the service table, or -1. */
	serviceOf(agency: string, service: string): number {
		return this.serviceIndex.get(agency + '/' + service) ?? -1;
	}

	/** Back to the state it was built in: nothing issued, every counter off duty. */
	reset(): void {
		this.seq = 0;
		const n = this.counts;
		n.issued = n.waiting = n.inService = n.served = n.abandoned = n.notServed = n.noShow = 0;
		for (const c of this.counters) {
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
		this.epoch = epochs++;
		this.numbering.reset();
		this.waitingPriority.fill(0);
		this.waitingRegular.fill(0);
		this.nIssued = 0;
		for (const line of this.lines) line.clear();
	}

	/** Gives a ticket its number and puts it at the back of every line that covers its service and class. */
	issueTicket(req: TicketRequest<P>, now: number): Ticket<P> {
		const k = this.serviceOf(req.agency, req.service);
		if (k < 0) throw new Error(`unknown service "${req.agency}/${req.service}"`);
		return this.issueFor(k, req.priority, req.payload, now);
	}

	/**
	 * `issueTicket` by service index (see `serviceOf`): the simulator's allocation-light path. `reuse`, a ticket
	 * issued before this engine's current day (or by another engine), is rewritten instead of allocating one.
	 */
	issueFor(k: number, priority: boolean, payload: P, now: number, reuse?: Ticket<P>): Ticket<P> {
		const t = this.numbered(k, priority, payload, now, reuse);
		this.issuedToday[this.nIssued++] = t;
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
		const t = this.numbered(k, priority, payload, now, reuse);
		this.counts.issued++;
		this.assign(this.counters[ci], ci, t, now);
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
		return this.noShowFor(this.serviceOf(req.agency, req.service), req.priority, req.payload, now);
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
		if (t.epoch !== this.epoch || t.state === 'no-show') return true;
		if (t.state === 'waiting' || t.state === 'called') return false;
		// Checked only when asked, so issuing and calling pay nothing for it.
		const { start, items } = this.linesOf;
		const row = classRow(t.serviceIndex, t.priority);
		for (let j = start[row]; j < start[row + 1]; j++) if (this.lines[items[j]].mayHold(t.seq)) return false;
		return true;
	}

	/** A waiting ticket for service k, its number left to the caller: `reuse` rewritten (if `reusable`) or a new one. */
	private fresh(k: number, priority: boolean, payload: P, now: number, reuse: Ticket<P> | undefined): Ticket<P> {
		let t: Ticket<P>;
		if (reuse === undefined) t = new Ticket(payload);
		else if (reuse.epoch === this.epoch && !this.reusable(reuse)) throw new Error('a ticket still waiting, at a counter or in a line cannot be reused');
		else (t = reuse).payload = payload;
		t.seq = this.seq++;
		t.epoch = this.epoch;
		t.agency = this.agencyIds[this.serviceAgency[k]];
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
	 * The counter that takes a new ticket at once, or -1: among idle counters whose profile would call it, the
	 * one idle longest (ties: scenario order). An idle counter has nothing else it would call waiting (the
	 * engine is work-conserving), so calling next on it calls this ticket.
	 */
	idleCounterFor(t: Ticket<P>): number {
		return this.idleCounterForService(t.serviceIndex, t.priority);
	}

	/** `idleCounterFor` a ticket of service k in that class, before it is issued (see `issueTo`). */
	idleCounterForService(k: number, priority: boolean): number {
		let best = -1;
		let bestSince = Infinity;
		const { start, items } = this.callers;
		const row = classRow(k, priority);
		const idleFrom = this.idleFrom;
		for (let j = start[row]; j < start[row + 1]; j++) {
			const since = idleFrom[items[j]];
			if (since < bestSince) {
				best = items[j];
				bestSince = since;
			}
		}
		return best;
	}

	/**
	 * The ticket counter `ci` calls now, or null: the first non-empty entry of its work profile, oldest ticket
	 * first within the entry. The ticket moves to "called" and the counter to serving it.
	 */
	callNext(ci: number, now: number): Ticket<P> | null {
		const c = this.counters[ci];
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
		const c = this.counters[ci];
		this.idleFrom[ci] = c.idle ? c.idleSince : Infinity;
	}

	/** The counter is done with the visitor in hand; a closing counter goes off duty. Returns that ticket. */
	finish(ci: number, now: number): Ticket<P> {
		const c = this.counters[ci];
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
		const out: Array<Ticket<P>> = [];
		if (this.counts.waiting === 0) return out;
		// From the last entry back, so a reused ticket is taken where it stands now, not where it stood before.
		const pass = ++passes;
		for (let i = this.nIssued - 1; i >= 0; i--) {
			const t = this.issuedToday[i];
			if (t.mark === pass) continue;
			t.mark = pass;
			if (t.state === 'waiting') out.push(t);
		}
		out.reverse();
		if (which === 'unservable') {
			let kept = 0;
			for (const t of out) if (!this.servable(t.serviceIndex, t.priority)) out[kept++] = t;
			out.length = kept;
		}
		// In issue order, as they stood in line.
		for (const t of out) this.sendHome(t, now);
		return out;
	}

	/** True when some counter on duty (and not closing) would call a ticket of service k in that class. */
	servable(k: number, priority: boolean): boolean {
		const { start, items } = this.callers;
		const row = classRow(k, priority);
		for (let j = start[row]; j < start[row + 1]; j++) {
			const c = this.counters[items[j]];
			if (c.onDuty && !c.closing) return true;
		}
		return false;
	}

	/** A shift starts: the counter is on duty (if it was closing while serving, it simply stays). */
	openCounter(ci: number, now: number): void {
		const c = this.counters[ci];
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
		const c = this.counters[ci];
		if (!c.onDuty) return;
		if (c.serving !== null) c.closing = true;
		else c.onDuty = false;
		this.refreshIdle(ci);
	}

	/** Ticket counts by state (a live object: copy it to keep it). */
	get ticketCounts(): Readonly<TicketCounts> {
		return this.counts;
	}

	/** Whether any ticket of service k is waiting (in the priority class or the regular one, if `priority` is given). */
	hasWaiting(k: number, priority?: boolean): boolean {
		if (priority === undefined) return this.waitingPriority[k] + this.waitingRegular[k] > 0;
		return (priority ? this.waitingPriority[k] : this.waitingRegular[k]) > 0;
	}

	/** Whether counter ci's work profile would call a ticket of service k in that class (whenever it is free). */
	wouldCall(ci: number, k: number, priority: boolean): boolean {
		return this.callers.has(classRow(k, priority), ci);
	}

	/** A picture of the hall for charts and a live view. */
	snapshot(now: number): EngineSnapshot {
		const waitingByAgency: Record<string, number> = {};
		for (const a of this.agencyIds) waitingByAgency[a] = 0;
		for (let k = 0; k < this.serviceKeys.length; k++) waitingByAgency[this.agencyIds[this.serviceAgency[k]]] += this.waitingPriority[k] + this.waitingRegular[k];
		return {
			now,
			counts: { ...this.counts },
			waitingByAgency,
			counters: this.counters.map((c) => ({
				id: c.id,
				onDuty: c.onDuty,
				closing: c.closing,
				serving: c.serving?.number ?? null,
				idleSince: c.idleSince
			}))
		};
	}
}
