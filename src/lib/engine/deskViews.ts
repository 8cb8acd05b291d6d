/**
 * What a Desk hands out: plain frozen data, made fresh for each answer, so nothing a caller keeps changes under it
 * or reaches into the engine's own objects. And its error.
 */
import { formatClock, formatClockSeconds } from '../model/clock';
import type { CounterView } from './counters';
import type { Ticket } from './tickets';
import type { TicketCounts } from './types';

/** A desk's answer to input it cannot take (an unknown counter, ticket or service, time going back, …); the message names the culprit. */
export class DeskError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DeskError';
	}
}

/** A ticket's life at a desk: the engine's states, with "called" split into called (not yet at the counter) and serving. */
export type DeskTicketState = 'waiting' | 'called' | 'serving' | 'served' | 'abandoned' | 'not-served' | 'no-show';

/** A ticket as a desk reports it. Times are minutes since midnight; null while it has not happened. */
export interface DeskTicket {
	/** "A-007"; "" for a no-show (a booking whose visitor never came takes no number). */
	readonly number: string;
	readonly agency: string;
	readonly service: string;
	readonly priority: boolean;
	readonly online: boolean;
	readonly state: DeskTicketState;
	/** The counter that called it, or null. */
	readonly counter: string | null;
	readonly issuedAt: number;
	readonly calledAt: number | null;
	readonly startedAt: number | null;
	/** When it was served, abandoned, sent home or recorded as a no-show. */
	readonly endedAt: number | null;
}

/** A counter as a desk reports it. */
export interface DeskCounter {
	readonly id: string;
	/** closed: off duty; idle: open and free to call; called / serving: its ticket called, or its service started. */
	readonly state: 'closed' | 'idle' | 'called' | 'serving';
	/** Its shift has ended while it had a ticket in hand: it closes when that ticket is finished. */
	readonly closing: boolean;
	/** The number of the ticket in hand, or null. */
	readonly ticket: string | null;
	/** Since when it has been idle, or null when it is not. */
	readonly idleSince: number | null;
}

/** A waiting ticket in a snapshot's queue. */
export interface DeskWaiting {
	readonly number: string;
	readonly priority: boolean;
	readonly online: boolean;
	readonly issuedAt: number;
}

/** One service's waiting tickets, in issue order (which of them a counter calls first is its work profile's choice). */
export interface DeskQueue {
	readonly agency: string;
	readonly service: string;
	readonly waiting: readonly DeskWaiting[];
}

/** The hall at its last event: queues per service, waiting per agency, every counter, and ticket counts of the day. */
export interface DeskSnapshot {
	/** The time of the last event (0 before the first). */
	readonly at: number;
	readonly counts: Readonly<TicketCounts>;
	readonly waitingByAgency: Readonly<Record<string, number>>;
	/** Every service, in configuration order (agencies, then their services). */
	readonly queues: readonly DeskQueue[];
	/** Every counter, in configuration order. */
	readonly counters: readonly DeskCounter[];
}

/** What a desk keeps with each engine ticket (the engine carries it untouched as the ticket's payload). */
export interface DeskNote {
	online: boolean;
	/** When its service started (NaN until then). */
	startedAt: number;
}

/** NaN (the engine's "not yet") as null. */
function orNull(x: number): number | null {
	return Number.isNaN(x) ? null : x;
}

/** A frozen copy of an engine ticket as a DeskTicket; `counterIds` names the engine's counter indices. */
export function deskTicket(t: Readonly<Ticket<DeskNote>>, counterIds: readonly string[]): DeskTicket {
	const started = t.payload.startedAt;
	return Object.freeze({
		number: t.number,
		agency: t.agency,
		service: t.service,
		priority: t.priority,
		online: t.payload.online,
		state: t.state === 'called' && !Number.isNaN(started) ? 'serving' : t.state,
		counter: t.counter >= 0 ? counterIds[t.counter] : null,
		issuedAt: t.queuedAt,
		calledAt: orNull(t.calledAt),
		startedAt: orNull(started),
		endedAt: orNull(t.endedAt)
	});
}

/** A frozen DeskCounter of an engine counter. */
export function deskCounter(c: CounterView<DeskNote>): DeskCounter {
	const t = c.serving;
	const state = !c.onDuty ? 'closed' : t === null ? 'idle' : Number.isNaN(t.payload.startedAt) ? 'called' : 'serving';
	return Object.freeze({ id: c.id, state, closing: c.closing, ticket: t?.number ?? null, idleSince: c.idle ? c.idleSince : null });
}

/** "10:02" for a whole minute, "10:02:30" otherwise: error messages name times as a person reads them. */
export function clockText(minutes: number): string {
	return Number.isInteger(minutes) ? formatClock(minutes) : formatClockSeconds(minutes);
}

/** A value as an error message quotes it: a string in quotes, a number or the like as written, anything else by its kind. */
export function quote(x: unknown): string {
	if (typeof x === 'string') return JSON.stringify(x);
	if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return String(x);
	return Array.isArray(x) ? 'an array' : `a value of type ${typeof x}`;
}
