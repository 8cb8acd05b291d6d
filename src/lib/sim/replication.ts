import { QueueEngine } from '../engine/engine';
import type { Ticket } from '../engine/types';
import { Calendar, type CalendarEvent } from './calendar';
import { DAY_MINUTES, type CompiledScenario, type DayPlan } from './compile';
import { DemandStreams, generateDay, NO_SHOW, ONLINE, PRIORITY, type DayDemand } from './demand';
import type { CounterUsage, DayTrace, LegRecord, Outcome, ReplicationOutput } from './records';

/**
 * One leg of a visit while it is in the hall. It doubles as the leg's abandonment event and, once the leg ends,
 * as its record (one object per leg instead of three: planners run thousands of replications).
 */
class Leg implements CalendarEvent, LegRecord {
	// Every field is set by `init` (legs are pooled and re-initialised); the record fields are completed by
	// `ReplicationRun.record`.
	deliverAt!: number;
	cancelled!: boolean;
	tk!: Ticket<Leg> | null;
	replication!: number;
	day!: number;
	dayId!: LegRecord['dayId'];
	visitor!: number;
	leg!: number;
	ticket!: string;
	agency!: string;
	service!: string;
	channel!: LegRecord['channel'];
	priority!: boolean;
	arrival!: number;
	ticketTime!: number;
	call!: number;
	start!: number;
	end!: number;
	counter!: string;
	wait!: number;
	outcome!: Outcome;
	measured!: boolean;
	run!: ReplicationRun;
	demand!: DayDemand;
	/** Visitor index within the day's demand. */
	v!: number;

	constructor(run: ReplicationRun, demand: DayDemand, v: number, index: number, plan: DayPlan) {
		this.init(run, demand, v, index, plan);
	}

	/** (Re)starts this object as leg `index` of visitor `v`: legs are pooled across replications. */
	init(run: ReplicationRun, demand: DayDemand, v: number, index: number, plan: DayPlan): this {
		this.run = run;
		this.demand = demand;
		this.v = v;
		this.deliverAt = 0;
		this.cancelled = false;
		this.tk = null;
		this.replication = run.replication;
		this.day = plan.index;
		this.dayId = plan.dayId;
		this.visitor = v + 1;
		this.leg = index;
		const f = demand.flags[v];
		this.channel = f & ONLINE ? 'online' : 'walk-in';
		this.priority = (f & PRIORITY) !== 0;
		this.arrival = demand.arrival[v];
		this.ticket = '';
		this.agency = '';
		this.service = '';
		this.ticketTime = NaN;
		this.call = NaN;
		this.start = NaN;
		this.end = NaN;
		this.counter = '';
		this.wait = NaN;
		this.outcome = 'served';
		this.measured = true;
		return this;
	}

	/** Index of this leg in the day's flat leg arrays. */
	get at(): number {
		return this.demand.legStart[this.v] + this.leg;
	}

	/** Patience ran out. */
	deliver(): void {
		this.run.onAbandon(this);
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

/** A counter finishing its visitor; one reusable event per counter. */
class FinishEvent implements CalendarEvent {
	deliverAt = 0;
	cancelled = false;
	constructor(
		readonly run: ReplicationRun,
		readonly counter: number
	) {}
	deliver(): void {
		this.run.onFinish(this.counter);
	}
}

/** The day's visitors acting in turn; one reusable event walks the sorted list. */
class VisitorEvent implements CalendarEvent {
	deliverAt = 0;
	cancelled = false;
	next = 0;
	demand: DayDemand | null = null;
	constructor(readonly run: ReplicationRun) {}
	deliver(): void {
		const d = this.demand!;
		this.run.onVisitor(d, this.next++);
		if (this.next < d.count) this.run.cal.schedule(this, this.run.dayOffset + d.eventTime[this.next]);
	}
}

/** Options for a replication. */
export interface ReplicationOptions {
	/**
	 * Leg objects to reuse: a batch hands back the legs of a replication it has summarised, so thousands of
	 * replications do not churn the garbage collector. Legs taken from it are removed.
	 */
	pool?: LegRecord[];
	/** Called at every engine event with the calendar time, for invariant tests. */
	observe?: (run: ReplicationRun) => void;
}

/**
 * One replication: the simulator drives the queue engine from the simjs calendar over the scenario's days.
 * Exposed as a class so tests can watch its state; use `simulateReplication` to run one.
 */
export class ReplicationRun {
	readonly cal = new Calendar();
	readonly engine: QueueEngine<Leg>;
	readonly legs: Leg[] = [];
	readonly streams: DemandStreams;
	dayOffset = 0;
	day: DayPlan;
	hallClosed = false;

	private readonly nCounters: number;
	private readonly finish: FinishEvent[];
	private readonly visitorEvent: VisitorEvent;
	/** Per counter: on its shift (staffed) by the schedule, whatever the engine's closing flag. */
	private readonly onShift: Uint8Array;
	private readonly usageLast: Float64Array;
	private readonly usage: CounterUsage[];
	private readonly trace: DayTrace;
	private traceLast = 0;
	private waiting = 0;
	private busy = 0;
	private staffed = 0;

	constructor(
		readonly model: CompiledScenario,
		readonly seed: number,
		readonly replication: number,
		private readonly options: ReplicationOptions = {}
	) {
		this.engine = new QueueEngine<Leg>(model.engine);
		this.streams = new DemandStreams(seed, replication);
		this.nCounters = model.engine.counters.length;
		this.finish = model.engine.counters.map((_, i) => new FinishEvent(this, i));
		this.visitorEvent = new VisitorEvent(this);
		this.onShift = new Uint8Array(this.nCounters);
		this.usageLast = new Float64Array(this.nCounters);
		this.usage = model.engine.counters.map((c) => ({
			counter: c.id,
			staffed: 0,
			busy: 0,
			overtime: 0,
			served: 0,
			busyByHour: new Array<number>(24).fill(0),
			staffedByHour: new Array<number>(24).fill(0)
		}));
		const first = model.days[0];
		const binMinutes = model.continuous ? Math.max(15, Math.ceil(first.close / 96)) : 15;
		const span = model.continuous ? first.close + DAY_MINUTES : DAY_MINUTES;
		const bins = Math.ceil(span / binMinutes);
		this.trace = {
			binMinutes,
			from: 0,
			waitingArea: new Array<number>(bins).fill(0),
			busyArea: new Array<number>(bins).fill(0),
			staffedArea: new Array<number>(bins).fill(0),
			days: model.days.length
		};
		this.day = first;
	}

	/** Runs every day of the replication and returns what it produced. */
	run(): ReplicationOutput {
		for (const day of this.model.days) {
			this.cal.at(day.index * DAY_MINUTES, () => this.startDay(day));
		}
		if (!this.model.continuous) this.cal.at(this.model.days.length * DAY_MINUTES, () => this.midnight());
		this.cal.run();
		this.advance(this.cal.now());
		for (let c = 0; c < this.nCounters; c++) this.flushCounter(c, this.cal.now());
		return {
			replication: this.replication,
			days: this.model.days.length,
			legs: this.legs,
			counters: this.usage,
			trace: this.trace,
			events: this.cal.scheduled
		};
	}

	private startDay(day: DayPlan): void {
		this.midnight();
		this.day = day;
		this.dayOffset = day.index * DAY_MINUTES;
		this.hallClosed = false;
		this.engine.startDay();
		const demand = generateDay(this.model, day, this.streams);
		const O = this.dayOffset;
		// Shift changes go on the calendar before the visitors: at equal times simjs runs events in the order they
		// were scheduled, so a counter whose shift ends at 10:00 does not take a visitor who checks in at 10:00.
		day.duty.forEach((intervals, c) => {
			for (const [s, e] of intervals) {
				this.cal.at(O + s, () => this.openCounter(c));
				if (e < day.close) this.cal.at(O + e, () => this.closeCounter(c));
			}
		});
		this.cal.at(O + day.close, () => this.closeHall());
		if (demand.count) {
			this.visitorEvent.demand = demand;
			this.visitorEvent.next = 0;
			this.cal.schedule(this.visitorEvent, O + demand.eventTime[0]);
		}
	}

	/**
	 * A hall serving the waiting after close stops at midnight at the latest: whoever still waits is sent home
	 * (their records keep their own day), and counters finish the visitor in hand.
	 */
	private midnight(): void {
		const now = this.cal.now();
		this.advance(now);
		if (this.engine.ticketCounts.waiting > 0) this.sendHome(this.engine.sendHomeWaiting(now, 'all'), now);
		for (let c = 0; c < this.nCounters; c++) {
			if (!this.engine.counters[c].onDuty) continue;
			this.flushCounter(c, now);
			this.engine.closeCounter(c, now);
		}
		this.observe();
	}

	private newLeg(d: DayDemand, v: number, index: number, plan: DayPlan): Leg {
		const pooled = this.options.pool?.pop();
		return pooled instanceof Leg ? pooled.init(this, d, v, index, plan) : new Leg(this, d, v, index, plan);
	}

	/** A visitor checks in (or, booked online, fails to come). */
	onVisitor(d: DayDemand, v: number): void {
		const now = this.cal.now();
		const leg = this.newLeg(d, v, 0, this.day);
		if (d.flags[v] & NO_SHOW) {
			leg.tk = this.engine.noShowFor(d.legService[leg.at], leg.priority, leg, now);
			this.record(leg, 'no-show', now);
		} else this.issue(leg, now);
		this.observe();
	}

	/** Gives a leg its ticket and, if a counter is free for it, calls it at once. */
	private issue(leg: Leg, now: number): void {
		this.advance(now);
		const at = leg.at;
		const t = this.engine.issueFor(leg.demand.legService[at], leg.priority, leg, now);
		leg.tk = t;
		this.waiting++;
		if (this.hallClosed && (this.day.atClose === 'send-home' || !this.engine.servable(t.serviceIndex))) {
			this.engine.sendHome(t, now);
			this.waiting--;
			this.record(leg, 'not-served', now);
			return;
		}
		const p = leg.demand.legPatience[at];
		if (p !== Infinity) this.cal.schedule(leg, now + p);
		const c = this.engine.idleCounterFor(t);
		if (c >= 0) this.call(c, now);
	}

	/** Counter c calls its next ticket, if any, and starts serving it. */
	private call(c: number, now: number): boolean {
		// Account the time so far before the counter's state changes.
		this.advance(now);
		this.flushCounter(c, now);
		const t = this.engine.callNext(c, now);
		if (t === null) return false;
		this.waiting--;
		this.busy++;
		const leg = t.payload;
		leg.cancelled = true;
		const work = leg.demand.legWork[leg.at];
		this.cal.schedule(this.finish[c], now + work / this.model.speeds[c]);
		return true;
	}

	onFinish(c: number): void {
		const now = this.cal.now();
		this.advance(now);
		this.flushCounter(c, now);
		const t = this.engine.finish(c, now);
		this.busy--;
		this.usage[c].served++;
		const leg = t.payload;
		this.record(leg, 'served', now);
		const d = leg.demand;
		if (leg.at + 1 < d.legStart[leg.v + 1]) this.issue(this.newLeg(d, leg.v, leg.leg + 1, this.model.days[leg.day]), now);
		const st = this.engine.counters[c];
		if (!this.call(c, now) && this.hallClosed && st.onDuty && st.serving === null) {
			// Serving the waiting after close: a counter with nothing left to call goes home.
			this.engine.closeCounter(c, now);
			this.sendHomeUnservable(now);
		}
		this.observe();
	}

	onAbandon(leg: Leg): void {
		const now = this.cal.now();
		const t = leg.tk!;
		this.advance(now);
		if (this.engine.abandon(t, now)) {
			this.waiting--;
			this.record(leg, 'abandoned', now);
		}
		this.observe();
	}

	private openCounter(c: number): void {
		const now = this.cal.now();
		this.advance(now);
		this.flushCounter(c, now);
		this.onShift[c] = 1;
		this.staffed++;
		this.engine.openCounter(c, now);
		this.call(c, now);
		this.observe();
	}

	private closeCounter(c: number): void {
		const now = this.cal.now();
		this.advance(now);
		this.flushCounter(c, now);
		if (this.onShift[c]) {
			this.onShift[c] = 0;
			this.staffed--;
		}
		this.engine.closeCounter(c, now);
		this.observe();
	}

	private closeHall(): void {
		const now = this.cal.now();
		this.advance(now);
		this.hallClosed = true;
		const sendHome = this.day.atClose === 'send-home';
		if (sendHome) this.sendHome(this.engine.sendHomeWaiting(now, 'all'), now);
		for (let c = 0; c < this.nCounters; c++) {
			this.flushCounter(c, now);
			if (this.onShift[c]) {
				this.onShift[c] = 0;
				this.staffed--;
			}
			const st = this.engine.counters[c];
			// Sending home: everyone stops after the visitor in hand. Serving the waiting: busy counters stay
			// on duty and keep calling; idle ones have nothing they may serve (work conservation) and leave.
			if (sendHome || st.serving === null) this.engine.closeCounter(c, now);
		}
		if (!sendHome) this.sendHomeUnservable(now);
		this.observe();
	}

	private sendHomeUnservable(now: number): void {
		this.sendHome(this.engine.sendHomeWaiting(now, 'unservable'), now);
	}

	private sendHome(tickets: Array<Ticket<Leg>>, now: number): void {
		for (const t of tickets) {
			this.waiting--;
			t.payload.cancelled = true;
			this.record(t.payload, 'not-served', now);
		}
	}

	/** Closes a leg's record: its ticket's story in minutes after midnight of the visit's day. */
	private record(leg: Leg, outcome: Outcome, now: number): void {
		const t = leg.tk!;
		const O = leg.day * DAY_MINUTES;
		const served = outcome === 'served';
		leg.ticket = t.number;
		leg.agency = t.agency;
		leg.service = t.service;
		leg.outcome = outcome;
		leg.measured = t.queuedAt >= this.model.warmup;
		if (outcome !== 'no-show') {
			leg.ticketTime = t.queuedAt - O;
			leg.wait = (served ? t.calledAt : now) - t.queuedAt;
		}
		if (served) {
			leg.call = leg.start = t.calledAt - O;
			leg.end = now - O;
			leg.counter = this.engine.counters[t.counter].id;
		}
		leg.tk = null;
		this.legs.push(leg);
	}

	/** Adds the time since the last change to the over-the-day traces. */
	private advance(now: number): void {
		const from = this.traceLast;
		if (now <= from) return;
		this.traceLast = now;
		const tr = this.trace;
		const O = this.dayOffset;
		const bm = tr.binMinutes;
		let a = from - O;
		const b = now - O;
		if (a < 0) a = 0;
		const last = tr.waitingArea.length - 1;
		while (a < b) {
			let i = Math.floor(a / bm);
			const end = Math.min(b, (i + 1) * bm);
			if (i > last) i = last;
			const dt = end - a;
			if (this.waiting) tr.waitingArea[i] += this.waiting * dt;
			if (this.busy) tr.busyArea[i] += this.busy * dt;
			if (this.staffed) tr.staffedArea[i] += this.staffed * dt;
			a = end;
		}
	}

	/** Adds a counter's staffed, busy and overtime minutes since its last change. */
	private flushCounter(c: number, now: number): void {
		const from = this.usageLast[c];
		this.usageLast[c] = now;
		if (now <= from) return;
		const staffed = this.onShift[c] === 1;
		const busy = this.engine.counters[c].serving !== null;
		if (!staffed && !busy) return;
		const u = this.usage[c];
		const dt = now - from;
		if (staffed) u.staffed += dt;
		if (busy) {
			if (staffed) u.busy += dt;
			else u.overtime += dt;
		}
		let a = from;
		while (a < now) {
			const hourEnd = (Math.floor(a / 60) + 1) * 60;
			const end = Math.min(now, hourEnd);
			const h = Math.floor(a / 60) % 24;
			if (staffed) {
				u.staffedByHour[h] += end - a;
				if (busy) u.busyByHour[h] += end - a;
			}
			a = end;
		}
	}

	private observe(): void {
		if (this.options.observe) this.options.observe(this);
	}

	/** Tickets waiting, counters busy and counters staffed now, as the simulator tracks them. */
	get levels(): { waiting: number; busy: number; staffed: number } {
		return { waiting: this.waiting, busy: this.busy, staffed: this.staffed };
	}
}

/** A plain copy of a leg record (the simulator's own objects carry links into the run). */
export function toPlainRecord(l: LegRecord): LegRecord {
	return l instanceof Leg ? l.toRecord() : l;
}

/** Runs replication `replication` of a compiled scenario with `seed`. */
export function simulateReplication(
	model: CompiledScenario,
	seed: number,
	replication: number,
	options?: ReplicationOptions
): ReplicationOutput {
	return new ReplicationRun(model, seed, replication, options).run();
}
