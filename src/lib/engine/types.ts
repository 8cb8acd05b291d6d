/** The queue-allocation engine's vocabulary. The engine is pure and clock-free: every call takes `now`. */

/** An agency as the engine sees it: its ticket prefix and its services, in scenario order. */
export interface EngineAgency {
	id: string;
	ticketPrefix: string;
	services: string[];
}

/** A counter as the engine sees it. */
export interface EngineCounter {
	id: string;
	/** The (agency, service) pairs it may serve. */
	serves: Array<{ agency: string; service: string }>;
	/** Work profile: "priority", agency ids, "agency/service" ids, "*"; already defaulted by policy. */
	profile: string[];
}

/** Everything the engine needs to know about a hall. */
export interface EngineConfig {
	agencies: EngineAgency[];
	counters: EngineCounter[];
}

/** What a caller asks a ticket for. `payload` is the caller's own, carried untouched. */
export interface TicketRequest<P = unknown> {
	agency: string;
	service: string;
	priority: boolean;
	payload: P;
}

// Ticket and its states live with the Ticket class; re-exported so the vocabulary stays in one place for callers.
export type { Ticket, TicketState } from './tickets';

/** Counts of tickets by state: conservation says issued = sum of the rest. */
export interface TicketCounts {
	issued: number;
	waiting: number;
	inService: number;
	served: number;
	abandoned: number;
	notServed: number;
	noShow: number;
}

/** A picture of the hall at one moment, for charts and a live view. */
export interface EngineSnapshot {
	now: number;
	counts: TicketCounts;
	/** Waiting tickets per agency id. */
	waitingByAgency: Record<string, number>;
	counters: Array<{ id: string; onDuty: boolean; closing: boolean; serving: string | null; idleSince: number }>;
}
