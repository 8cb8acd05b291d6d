/**
 * One leg of a visit: while it is in the hall, the run's handle on it (its demand, its ticket, its patience event,
 * the rest of its visit); once it has ended, its record.
 *
 * Speed (a planner runs thousands of replications): leg objects are reused (LegPool) with their ticket, patience
 * event and storage, so a leg costs no allocation; a leg copies what it needs of its visitor's demand, so no day's
 * demand is read again once its visitors have come; every field starts with a value of its kind (NaN for a double)
 * so numbers stay unboxed; what the tally reads of every leg is a plain field, and what only exports read is a
 * getter over the ticket.
 */
import type { QueueEngine } from '../engine/engine';
import { Ticket } from '../engine/tickets';
import type { LegRecord } from '../records/legRecord';
import type { Outcome } from '../records/outcomes';
import { SimEvent, type Calendar, type EventHandler } from './calendar';
import { DAY_MINUTES, type CompiledScenario } from './compile';
import { ONLINE, PRIORITY, type DayDemand } from './demand';
import { ABANDON } from './eventKinds';

const NO_INTS = new Int32Array(0);
const NO_DOUBLES = new Float64Array(0);

/** What a leg reads of the replication it belongs to (a ReplicationRun), which also handles its patience event. */
export interface LegRun extends EventHandler {
	readonly replication: number;
	readonly model: CompiledScenario;
	readonly engine: QueueEngine<Leg>;
	readonly cal: Calendar;
}

export class Leg implements LegRecord {
	/** Patience running out: an ABANDON event (replaced when the leg is reused while the old one is still on the calendar). */
	patience: SimEvent;
	/**
	 * On which run of its calendar (Calendar.restarts) its patience event was last scheduled (-1: none, or it has
	 * run). A cancelled event stays on the calendar until its time: see `patiencePending`.
	 */
	patienceOn = -1;
	/** Its ticket, rewritten by the engine for each new use of the leg. */
	readonly tk: Ticket<Leg>;
	run: LegRun;
	/** The visitor's place in the day's demand, in event-time order (its number - 1). */
	v = 0;
	// The leg's demand, copied by `first` or `after`.
	flags = 0;
	arrival = Number.NaN;
	serviceIndex = 0;
	/** Work content (minutes at speed 1) and patience (Infinity: never leaves). */
	work = Number.NaN;
	patienceMinutes = Number.NaN;
	/** Whether the visitor wants another service after this one. */
	more = false;
	/** The visit's legs after this one, for the next leg: their services, work and patience, rest[0 … nRest - 1]. */
	private restService = NO_INTS;
	private restWork = NO_DOUBLES;
	private restPatience = NO_DOUBLES;
	private nRest = 0;
	/** The visitor's key in the replication's tally: ordered by (day, visitor). */
	key = 0;
	day = 0;
	leg = 0;
	// Set by `close` when the leg ends.
	wait = Number.NaN;
	ticketTime = Number.NaN;
	end = Number.NaN;
	outcome: Outcome = 'served';
	measured = true;

	constructor(run: LegRun) {
		this.run = run;
		this.patience = new SimEvent(run, ABANDON, 0, this);
		this.tk = new Ticket<Leg>(this);
	}

	/**
	 * (Re)starts this object as the first leg of a visitor of `run`: the one it meets r-th in `demand`, of day `day`,
	 * whose key in the tally is `key`.
	 */
	first(run: LegRun, demand: DayDemand, r: number, day: number, key: number): this {
		this.adopt(run);
		const g = demand.order[r];
		const at = demand.legStart[g];
		this.v = demand.first + r;
		this.key = key;
		this.day = day;
		this.leg = 0;
		this.flags = demand.flags[g];
		this.arrival = demand.arrival[g];
		this.serviceIndex = demand.legService[at];
		this.work = demand.legWork[at];
		this.patienceMinutes = demand.legPatience[at];
		this.keepRest(demand.legService, demand.legWork, demand.legPatience, at + 1, demand.legStart[g + 1] - at - 1);
		return this.clear();
	}

	/** (Re)starts this object as the leg after `prev` (another object): the same visitor's next service. */
	after(run: LegRun, prev: Leg): this {
		this.adopt(run);
		this.v = prev.v;
		this.key = prev.key;
		this.day = prev.day;
		this.leg = prev.leg + 1;
		this.flags = prev.flags;
		this.arrival = prev.arrival;
		this.serviceIndex = prev.restService[0];
		this.work = prev.restWork[0];
		this.patienceMinutes = prev.restPatience[0];
		this.keepRest(prev.restService, prev.restWork, prev.restPatience, 1, prev.nRest - 1);
		return this.clear();
	}

	/** Makes this object (new, or ended in this run or an earlier one) a leg of `run`. */
	private adopt(run: LegRun): void {
		// A patience event still on the calendar (cancelled, due after an earlier day's midnight) must stay as it
		// is until simjs takes it off: the leg gets a new one.
		if (this.patiencePending(run)) this.patience = new SimEvent(run, ABANDON, 0, this);
		else this.patience.handler = run; // a reused leg may come from an earlier run
		this.run = run;
	}

	/** Keeps legs [from, from + n) of these lists as the rest of the visit. */
	private keepRest(services: Int32Array, work: Float64Array, patience: Float64Array, from: number, n: number): void {
		this.nRest = n;
		this.more = n > 0;
		if (n === 0) return;
		if (this.restService.length < n) {
			this.restService = new Int32Array(n + 3);
			this.restWork = new Float64Array(n + 3);
			this.restPatience = new Float64Array(n + 3);
		}
		for (let i = 0; i < n; i++) {
			this.restService[i] = services[from + i];
			this.restWork[i] = work[from + i];
			this.restPatience[i] = patience[from + i];
		}
	}

	/** Clears the record, for a leg that has not ended. */
	private clear(): this {
		this.wait = NaN;
		this.ticketTime = NaN;
		this.end = NaN;
		this.outcome = 'served';
		this.measured = true;
		return this;
	}

	/**
	 * Closes the record when the leg ends (`now`: the end of its wait unless served); the rest of it is its ticket's
	 * story, read by the getters.
	 */
	close(outcome: Outcome, now: number, warmup: number): void {
		const t = this.tk;
		this.outcome = outcome;
		this.measured = t.queuedAt >= warmup;
		const midnight = this.day * DAY_MINUTES;
		if (outcome !== 'no-show') {
			this.wait = (outcome === 'served' ? t.calledAt : now) - t.queuedAt;
			this.ticketTime = t.queuedAt - midnight;
		}
		if (outcome === 'served') this.end = t.endedAt - midnight;
	}

	/** Whether its patience event may still be on `run`'s calendar (scheduled, or cancelled but not yet due). */
	patiencePending(run: LegRun): boolean {
		return this.patienceOn === run.cal.restarts && this.patience.deliverAt >= run.cal.now();
	}

	get replication(): number {
		return this.run.replication;
	}
	get dayId(): LegRecord['dayId'] {
		return this.run.model.days[this.day].dayId;
	}
	get visitor(): number {
		return this.v + 1;
	}
	get ticket(): string {
		return this.tk.number;
	}
	get agency(): string {
		return this.tk.agency;
	}
	get service(): string {
		return this.tk.service;
	}
	get channel(): LegRecord['channel'] {
		return this.flags & ONLINE ? 'online' : 'walk-in';
	}
	get priority(): boolean {
		return (this.flags & PRIORITY) !== 0;
	}
	get call(): number {
		return this.outcome === 'served' ? this.tk.calledAt - this.day * DAY_MINUTES : NaN;
	}
	get start(): number {
		return this.call;
	}
	get counter(): string {
		return this.outcome === 'served' ? this.run.engine.counters[this.tk.counter].id : '';
	}

	/** A plain copy of the record (no links back into the run), for exports and posting between threads. */
	toRecord(): LegRecord {
		return {
			replication: this.replication,
			day: this.day,
			dayId: this.dayId,
			visitor: this.visitor,
			leg: this.leg,
			ticket: this.ticket,
			agency: this.agency,
			service: this.service,
			channel: this.channel,
			priority: this.priority,
			arrival: this.arrival,
			ticketTime: this.ticketTime,
			call: this.call,
			start: this.start,
			end: this.end,
			counter: this.counter,
			wait: this.wait,
			outcome: this.outcome,
			measured: this.measured
		};
	}
}

/** A plain copy of a leg record (the simulator's own objects carry links into the run). */
export function toPlainRecord(l: LegRecord): LegRecord {
	return l instanceof Leg ? l.toRecord() : l;
}
