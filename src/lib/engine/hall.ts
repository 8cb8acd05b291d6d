import { CounterState, type CounterView } from './counters';
import { IndexLists } from './indexLists';
import { compileProfile } from './profiles';
import { TicketLine } from './queues';
import type { Ticket } from './tickets';
import type { EngineConfig, EngineSnapshot, TicketCounts } from './types';

/** The row of service k's tickets in one class in the engine's per-service lists (see `linesOf`, `callers`). */
export function classRow(k: number, priority: boolean): number {
	return priority ? 2 * k + 1 : 2 * k;
}

/**
 * A hall as the engine keeps it: its configuration compiled into index tables, how each counter and each service's
 * waiting stand, and the questions asked of them. QueueEngine extends it with what changes them; the two are one
 * object, so the hot path loads every table straight off the engine.
 */
export abstract class Hall<P> {
	/** Every counter's state, by index, read-only (see CounterView); the engine's own view of them is `states`. */
	readonly counters: ReadonlyArray<CounterView<P>>;
	/** The same objects as `counters`, writable: only the engine changes a counter. */
	protected readonly states: Array<CounterState<P>>;
	protected readonly counterIndex = new Map<string, number>();
	protected readonly serviceIndex = new Map<string, number>();
	/** Per service index: "agency/service", the service id, and its agency's index. */
	protected readonly serviceKeys: string[] = [];
	protected readonly serviceNames: string[] = [];
	protected readonly serviceAgency: Int32Array;
	protected readonly agencyIds: string[];
	/** Per agency, its ticket prefix. */
	protected readonly prefixes: string[];
	/**
	 * One line per distinct work-profile entry (counters with the same entry share it): the tickets the entry
	 * covers, in issue order, so its head is the entry's oldest ticket — a counter calls in O(1).
	 */
	protected readonly lines: Array<TicketLine<P>> = [];
	/** Row 2k: the lines a regular ticket of service k joins; row 2k + 1, those a priority ticket joins (see `classRow`). */
	protected readonly linesOf: IndexLists;
	/**
	 * Row 2k: the counters whose work profile would call regular tickets of service k; row 2k + 1, those that would
	 * call its priority tickets (more: a "priority" entry calls only that class), in scenario order.
	 */
	protected readonly callers: IndexLists;
	/** Row c: the lines of counter c's work-profile entries, in profile order (the order it calls them). */
	protected readonly profileLines: IndexLists;
	/**
	 * Per counter, when it became idle if it is idle now (on duty, not closing, serving no one), else +Infinity:
	 * kept by every change of a counter's state, so finding the longest-idle counter for a new ticket reads one
	 * typed array instead of four fields of each candidate.
	 */
	protected readonly idleFrom: Float64Array;
	/** Per service, tickets waiting in each class. */
	protected readonly waitingPriority: Int32Array;
	protected readonly waitingRegular: Int32Array;
	protected readonly counts: TicketCounts = { issued: 0, waiting: 0, inService: 0, served: 0, abandoned: 0, notServed: 0, noShow: 0 };

	constructor(config: EngineConfig) {
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
		this.agencyIds = config.agencies.map((a) => a.id);
		this.prefixes = config.agencies.map((a) => a.ticketPrefix);
		this.counters = this.states = config.counters.map((c, ci) => {
			const serves = new Uint8Array(this.serviceKeys.length);
			for (const s of c.serves) {
				const i = this.serviceIndex.get(s.agency + '/' + s.service);
				if (i !== undefined) serves[i] = 1;
			}
			this.counterIndex.set(c.id, ci);
			return new CounterState<P>(ci, c.id, serves, compileProfile(c.profile, this.serviceKeys, agencyOfKey, serves));
		});
		this.linesOf = this.layoutLines();
		this.callers = new IndexLists(this.callersOf());
		this.profileLines = new IndexLists(this.states.map((c) => c.profile.map((e) => e.line)));
		this.idleFrom = new Float64Array(this.states.length).fill(Infinity);
		this.waitingPriority = new Int32Array(this.serviceKeys.length);
		this.waitingRegular = new Int32Array(this.serviceKeys.length);
	}

	/**
	 * Per service k, the counters whose work profile calls its regular tickets (list 2k) and its priority tickets
	 * (2k + 1), in counter order. Built from the profiles outward, so its cost is the size of the profiles, not
	 * services × counters × services.
	 */
	private callersOf(): number[][] {
		const lists: number[][] = this.serviceKeys.flatMap(() => [[], []]);
		const add = (list: number[], c: number) => {
			if (list[list.length - 1] !== c) list.push(c);
		};
		for (const c of this.states) {
			for (const e of c.profile) {
				for (const k of e.services) {
					if (!e.priorityOnly) add(lists[2 * k], c.index);
					add(lists[2 * k + 1], c.index);
				}
			}
		}
		return lists;
	}

	/** Makes one line per distinct profile entry (telling each entry its line); returns the lines each service's tickets join. */
	private layoutLines(): IndexLists {
		const lineOf = new Map<string, number>();
		const regular: number[][] = this.serviceKeys.map(() => []);
		const priority: number[][] = this.serviceKeys.map(() => []);
		for (const c of this.states) {
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
		return new IndexLists(this.serviceKeys.flatMap((_, k) => [regular[k], priority[k]]));
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

	/** Counter ci's state; a RangeError naming the index when there is no such counter (not a TypeError further on). */
	protected counterAt(ci: number): CounterState<P> {
		const c = this.states[ci];
		if (c === undefined) throw new RangeError(`counter index ${ci} is out of range (the engine has ${this.states.length} counters)`);
		return c;
	}

	/** Throws a RangeError naming k unless it is a service index (so a query never answers for a service that is not). */
	protected checkService(k: number): void {
		if (this.serviceAgency[k] === undefined) throw new RangeError(`service index ${k} is out of range (the engine has ${this.serviceKeys.length} services)`);
	}

	/**
	 * The counter that takes a new ticket at once, or -1: among idle counters whose profile would call it, the
	 * one idle longest (ties: scenario order). An idle counter has nothing else it would call waiting (the
	 * engine is work-conserving), so calling next on it calls this ticket.
	 */
	idleCounterFor(t: Ticket<P>): number {
		return this.idleCounterForService(t.serviceIndex, t.priority);
	}

	/** `idleCounterFor` a ticket of service k in that class, before it is issued (see `QueueEngine.issueTo`). */
	idleCounterForService(k: number, priority: boolean): number {
		this.checkService(k);
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

	/** True when some counter on duty (and not closing) would call a ticket of service k in that class. */
	servable(k: number, priority: boolean): boolean {
		this.checkService(k);
		const { start, items } = this.callers;
		const row = classRow(k, priority);
		for (let j = start[row]; j < start[row + 1]; j++) {
			const c = this.states[items[j]];
			if (c.onDuty && !c.closing) return true;
		}
		return false;
	}

	/** Ticket counts by state (a live object: copy it to keep it). */
	get ticketCounts(): Readonly<TicketCounts> {
		return this.counts;
	}

	/** Whether any ticket of service k is waiting (in the priority class or the regular one, if `priority` is given). */
	hasWaiting(k: number, priority?: boolean): boolean {
		this.checkService(k);
		if (priority === undefined) return this.waitingPriority[k] + this.waitingRegular[k] > 0;
		return (priority ? this.waitingPriority[k] : this.waitingRegular[k]) > 0;
	}

	/** Whether counter ci's work profile would call a ticket of service k in that class (whenever it is free). */
	wouldCall(ci: number, k: number, priority: boolean): boolean {
		this.counterAt(ci);
		this.checkService(k);
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
			counters: this.states.map((c) => ({
				id: c.id,
				onDuty: c.onDuty,
				closing: c.closing,
				serving: c.serving?.number ?? null,
				idleSince: c.idleSince
			}))
		};
	}
}
