import type { Scenario } from '../model/scenario';
import { configProblems, engineConfigOf } from './config';
import {
	clockText,
	DeskError,
	deskCounter,
	deskTicket,
	quote,
	type DeskCounter,
	type DeskNote,
	type DeskSnapshot,
	type DeskTicket,
	type DeskWaiting
} from './deskViews';
import { QueueEngine } from './engine';
import type { Ticket } from './tickets';
import type { EngineConfig } from './types';

/** What a visitor asks a ticket for. `priority` (elderly, disabled, pregnant) and `online` (booked) default to false. */
export interface TicketAsk {
	agency: string;
	service: string;
	priority?: boolean;
	online?: boolean;
}

/** An online booking whose visitor never came (see Desk.noShow). */
export interface Booking {
	agency: string;
	service: string;
	priority?: boolean;
}

/**
 * The engine as a live hall's ticketing system runs it: by counter id ("L03") and ticket number ("A-001"), every
 * input checked before anything changes (a DeskError names what is wrong, and the desk stays as it was), and
 * every answer a fresh frozen copy, never the engine's own objects. Times are minutes since midnight and never go
 * back within a day. A free counter calls when its operator asks (`callNext`), as its work profile orders; the
 * desk never calls on its own.
 */
export class Desk {
	private readonly engine: QueueEngine<DeskNote>;
	private readonly counterIds: readonly string[];
	private readonly counterIndex: ReadonlyMap<string, number>;
	/** Per agency id, its services' ids: an unknown service's error names what the agency offers. */
	private readonly servicesOf: ReadonlyMap<string, readonly string[]>;
	/** Per engine service index, its agency and service ids. */
	private readonly serviceList: ReadonlyArray<{ agency: string; service: string }>;
	/** Today's numbered tickets by number, in issue order (a number names one ticket a day: prefixes are distinct). */
	private readonly today = new Map<string, Ticket<DeskNote>>();
	/** The time of the last event today. */
	private last = 0;

	/** A desk for a hall given as the engine's configuration (DeskError listing every problem if it cannot run). */
	constructor(config: EngineConfig) {
		const problems = configProblems(config);
		if (problems.length > 0) throw new DeskError(`the hall's configuration cannot run: ${problems.join('; ')}`);
		this.engine = new QueueEngine<DeskNote>(config);
		this.counterIds = config.counters.map((c) => c.id);
		this.counterIndex = new Map(this.counterIds.map((id, i) => [id, i]));
		this.servicesOf = new Map(config.agencies.map((a) => [a.id, [...a.services]]));
		this.serviceList = config.agencies.flatMap((a) => a.services.map((service) => ({ agency: a.id, service })));
	}

	/** A desk for the hall of a validated scenario (its agencies, counters and work profiles; demand and shifts play no part). */
	static fromScenario(scenario: Scenario): Desk {
		return new Desk(engineConfigOf(scenario));
	}

	/** The time of the last event today (0 before the first). */
	get now(): number {
		return this.last;
	}

	/** Issues a ticket to a visitor who has come: it waits until a counter calls it. */
	issue(ask: TicketAsk, at: number): DeskTicket {
		const k = this.serviceIn(ask);
		const priority = flag(ask.priority, 'priority');
		const online = flag(ask.online, 'online');
		const now = this.time(at);
		const t = this.engine.issueFor(k, priority, { online, startedAt: NaN }, now);
		this.today.set(t.number, t);
		this.last = now;
		return deskTicket(t, this.counterIds);
	}

	/** Records an online booking whose visitor never came: it takes no number (""), never queues, and counts as a no-show. */
	noShow(booking: Booking, at: number): DeskTicket {
		const k = this.serviceIn(booking);
		const priority = flag(booking.priority, 'priority');
		const now = this.time(at);
		const t = this.engine.noShowFor(k, priority, { online: true, startedAt: NaN }, now);
		this.last = now;
		return deskTicket(t, this.counterIds);
	}

	/** Counter `counter` calls its next ticket, the first its work profile finds waiting; null when none is. */
	callNext(counter: string, at: number): DeskTicket | null {
		const ci = this.counterIn(counter);
		const now = this.time(at);
		const c = this.engine.counters[ci];
		if (!c.onDuty) throw new DeskError(`counter "${c.id}" is closed: open it before it calls`);
		if (c.serving !== null) throw new DeskError(`counter "${c.id}" still has ticket ${c.serving.number}: finish it before calling the next`);
		const t = this.engine.callNext(ci, now);
		this.last = now;
		return t === null ? null : deskTicket(t, this.counterIds);
	}

	/** The visitor called to `counter` has come up: their service starts. */
	startService(counter: string, at: number): DeskTicket {
		const ci = this.counterIn(counter);
		const now = this.time(at);
		const t = this.engine.counters[ci].serving;
		if (t === null) throw new DeskError(`counter "${counter}" has no ticket in hand: call one before starting service`);
		const started = t.payload.startedAt;
		if (!Number.isNaN(started)) throw new DeskError(`counter "${counter}" already started serving ticket ${t.number} at ${clockText(started)}`);
		t.payload.startedAt = now;
		this.last = now;
		return deskTicket(t, this.counterIds);
	}

	/** Counter `counter` is done with the ticket in hand (a closing counter then closes). Service need not have been started. */
	finish(counter: string, at: number): DeskTicket {
		const ci = this.counterIn(counter);
		const now = this.time(at);
		if (this.engine.counters[ci].serving === null) throw new DeskError(`counter "${counter}" is not serving anyone: there is nothing to finish`);
		const t = this.engine.finish(ci, now);
		this.last = now;
		return deskTicket(t, this.counterIds);
	}

	/** The visitor holding ticket `number` has left before being called. */
	abandon(number: string, at: number): DeskTicket {
		const t = this.ticketIn(number);
		const now = this.time(at);
		if (t.state !== 'waiting') throw new DeskError(`ticket ${t.number} is not waiting: ${this.whereIs(t)}`);
		this.engine.abandon(t, now);
		this.last = now;
		return deskTicket(t, this.counterIds);
	}

	/** Counter `counter` opens (one closing after the ticket in hand stays open instead). */
	openCounter(counter: string, at: number): DeskCounter {
		const ci = this.counterIn(counter);
		const now = this.time(at);
		const c = this.engine.counters[ci];
		if (c.onDuty && !c.closing) throw new DeskError(`counter "${c.id}" is already open`);
		this.engine.openCounter(ci, now);
		this.last = now;
		return deskCounter(c);
	}

	/** Counter `counter` closes: at once when idle, else once the ticket in hand is finished. */
	closeCounter(counter: string, at: number): DeskCounter {
		const ci = this.counterIn(counter);
		const now = this.time(at);
		const c = this.engine.counters[ci];
		if (!c.onDuty) throw new DeskError(`counter "${c.id}" is already closed`);
		if (c.closing) throw new DeskError(`counter "${c.id}" is already closing: it closes when ticket ${c.serving?.number} is finished`);
		this.engine.closeCounter(ci, now);
		this.last = now;
		return deskCounter(c);
	}

	/** The hall closes: every waiting ticket is sent home (returned, in issue order) and every counter closes as in closeCounter. */
	closeHall(at: number): readonly DeskTicket[] {
		const now = this.time(at);
		const sent = this.engine.sendHomeWaiting(now, 'all');
		this.engine.counters.forEach((c, ci) => {
			if (c.onDuty && !c.closing) this.engine.closeCounter(ci, now);
		});
		this.last = now;
		return Object.freeze(sent.map((t) => deskTicket(t, this.counterIds)));
	}

	/** Starts the next day: numbers restart at 001, counts at zero and time at midnight. Every counter must be closed and no ticket waiting. */
	newDay(): void {
		const open = this.engine.counters.find((c) => c.onDuty);
		if (open) throw new DeskError(`counter "${open.id}" is still open: close the hall (closeHall) before a new day`);
		const waiting = this.engine.ticketCounts.waiting;
		if (waiting > 0) throw new DeskError(`${waiting} ticket(s) still waiting: close the hall (closeHall) to send them home before a new day`);
		// Nobody waits or stands at a counter, and every counter is off duty: a reset loses nothing but yesterday's counts.
		this.engine.reset();
		this.today.clear();
		this.last = 0;
	}

	/** Ticket `number` of today, as it stands now. */
	ticket(number: string): DeskTicket {
		return deskTicket(this.ticketIn(number), this.counterIds);
	}

	/** Counter `id` as it stands now. */
	counter(id: string): DeskCounter {
		return deskCounter(this.engine.counters[this.counterIn(id)]);
	}

	/** The hall at its last event: each service's waiting tickets, waiting per agency, every counter, and the day's counts. */
	snapshot(): DeskSnapshot {
		const waiting: DeskWaiting[][] = this.serviceList.map(() => []);
		for (const t of this.today.values()) {
			if (t.state === 'waiting') waiting[t.serviceIndex].push(Object.freeze({ number: t.number, priority: t.priority, online: t.payload.online, issuedAt: t.queuedAt }));
		}
		const waitingByAgency: Record<string, number> = {};
		for (const a of this.servicesOf.keys()) waitingByAgency[a] = 0;
		const queues = this.serviceList.map(({ agency, service }, k) => {
			waitingByAgency[agency] += waiting[k].length;
			return Object.freeze({ agency, service, waiting: Object.freeze(waiting[k]) });
		});
		return Object.freeze({
			at: this.last,
			counts: Object.freeze({ ...this.engine.ticketCounts }),
			waitingByAgency: Object.freeze(waitingByAgency),
			queues: Object.freeze(queues),
			counters: Object.freeze(this.engine.counters.map(deskCounter))
		});
	}

	/** The engine index of a counter id (DeskError naming it when there is no such counter). */
	private counterIn(id: unknown): number {
		const ci = typeof id === 'string' ? this.counterIndex.get(id) : undefined;
		if (ci === undefined) throw new DeskError(`unknown counter ${quote(id)}`);
		return ci;
	}

	/** Today's ticket of a number (DeskError naming it when none was issued today). */
	private ticketIn(number: unknown): Ticket<DeskNote> {
		const t = typeof number === 'string' ? this.today.get(number) : undefined;
		if (t === undefined) throw new DeskError(`unknown ticket ${quote(number)}: no ticket of that number was issued today`);
		return t;
	}

	/** The engine index of the service a request names (DeskError naming an unknown agency, or an unknown service and what its agency offers). */
	private serviceIn(ask: { agency: unknown; service: unknown } | null | undefined): number {
		if (typeof ask !== 'object' || ask === null) throw new DeskError(`a ticket request names an agency and a service, not ${quote(ask)}`);
		const { agency, service } = ask;
		const offered = typeof agency === 'string' ? this.servicesOf.get(agency) : undefined;
		if (offered === undefined) throw new DeskError(`unknown agency ${quote(agency)}`);
		const k = typeof service === 'string' && offered.includes(service) ? this.engine.serviceOf(agency as string, service) : -1;
		if (k < 0) throw new DeskError(`unknown service ${quote(service)} of agency ${quote(agency)} (it offers ${offered.join(', ')})`);
		return k;
	}

	/** `at` as the time of a new event: minutes since midnight (a finite number, 0 or more), not before the last event. */
	private time(at: unknown): number {
		if (typeof at !== 'number' || !Number.isFinite(at)) throw new DeskError(`time ${quote(at)} is not a number of minutes since midnight`);
		if (at < 0) throw new DeskError(`time ${at} is before midnight: times are minutes since midnight`);
		if (at < this.last) throw new DeskError(`time ${clockText(at)} is before the last event at ${clockText(this.last)}`);
		return at;
	}

	/** Where a ticket no longer waiting went, for an error message. */
	private whereIs(t: Ticket<DeskNote>): string {
		const counter = t.counter >= 0 ? `counter "${this.counterIds[t.counter]}"` : '';
		if (t.state === 'called') return `it was called to ${counter} at ${clockText(t.calledAt)}`;
		if (t.state === 'served') return `it was served at ${counter}, done at ${clockText(t.endedAt)}`;
		if (t.state === 'abandoned') return `it was abandoned at ${clockText(t.endedAt)}`;
		return `it was sent home at ${clockText(t.endedAt)}`;
	}
}

/** An optional true/false field of a request (DeskError naming the field when it is something else). */
function flag(x: unknown, name: string): boolean {
	if (x === undefined) return false;
	if (typeof x !== 'boolean') throw new DeskError(`${name} is true or false, not ${quote(x)}`);
	return x;
}
