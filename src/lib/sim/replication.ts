import { QueueEngine } from '../engine/engine';
import { Ticket } from '../engine/tickets';
import { Calendar, SimEvent, type EventHandler } from './calendar';
import { DAY_MINUTES, type CompiledScenario, type DayPlan } from './compile';
import { DemandBuffer, DemandStreams, generateDay, ABSENT, ONLINE, PRIORITY, type DayDemand } from './demand';
import type { LegRecord } from '../records/legRecord';
import type { Outcome } from '../records/outcomes';
import type { CounterUsage, DayTrace, ReplicationOutput } from '../records/replicationOutput';
import { HOURS_PER_DAY, hourOf, ReplicationTally } from '../stats/replicationTally';

// What the run's calendar events mean (SimEvent.kind).
const VISITOR = 0;
const FINISH = 1;
const ABANDON = 2;
const OPEN_COUNTER = 3;
const CLOSE_COUNTER = 4;
const CLOSE_HALL = 5;
const START_DAY = 6;
const MIDNIGHT = 7;

/**
 * One leg of a visit while it is in the hall, and once it ends, its record. Legs are pooled across replications
 * with their ticket and their patience event, so a leg costs no allocation (planners run thousands of
 * replications); the record's fields are read off the ticket when asked for.
 */
class Leg implements LegRecord {
	/** Patience running out: an ABANDON event (replaced when the leg is reused while the old one is still on the calendar). */
	patience: SimEvent;
	/**
	 * On which run of its calendar (Calendar.restarts) its patience event was last scheduled (-1: none, or it has
	 * run). A cancelled event stays on the calendar until its time: see `patiencePending`.
	 */
	patienceOn = -1;
	/** Its ticket, rewritten by the engine for each new use of the leg. */
	readonly tk: Ticket<Leg>;
	// Every other field is set by `init`; outcome, measured, wait, ticketTime and end by `ReplicationRun.record`. Each
	// starts with a value of its kind (NaN for a double): a field first set to undefined would box every number
	// stored in it.
	run: ReplicationRun;
	/** The visitor's place in the day's demand, in event-time order (its number - 1). */
	v = 0;
	// The leg's demand, copied (numbers only: a pooled leg holds no pointer to a day's storage).
	flags = 0;
	arrival = Number.NaN;
	serviceIndex = 0;
	/** Work content (minutes at speed 1) and patience (Infinity: never leaves). */
	work = Number.NaN;
	patienceMinutes = Number.NaN;
	/** Whether the visitor wants another service after this one. */
	more = false;
	/** The visitor's key in the replication's tally: ordered by (day, visitor). */
	key = 0;
	day = 0;
	leg = 0;
	wait = Number.NaN;
	// Plain fields (not getters like `call`): the tally reads them for every leg, and a getter's NaN-or-time result
	// comes back as a boxed double.
	ticketTime = Number.NaN;
	end = Number.NaN;
	outcome: Outcome = 'served';
	measured = true;

	constructor(run: ReplicationRun, demand: DayDemand, v: number, index: number, plan: DayPlan, key: number) {
		run.legObjects++;
		this.run = run;
		this.patience = new SimEvent(run, ABANDON, 0, this);
		this.tk = new Ticket<Leg>(this);
		this.init(run, demand, v, index, plan, key);
	}

	/** (Re)starts this object as leg `index` of visitor `v`. */
	init(run: ReplicationRun, demand: DayDemand, v: number, index: number, plan: DayPlan, key: number): this {
		this.run = run;
		// A patience event still on the calendar (cancelled, due after an earlier day's midnight) must stay as it
		// is until simjs takes it off: the leg gets a new one.
		if (this.patiencePending(run)) this.patience = new SimEvent(run, ABANDON, 0, this);
		else this.patience.handler = run; // a pooled leg comes from an earlier run
		this.v = v;
		const g = demand.order[v];
		const at = demand.legStart[g] + index;
		this.flags = demand.flags[g];
		this.arrival = demand.arrival[g];
		this.serviceIndex = demand.legService[at];
		this.work = demand.legWork[at];
		this.patienceMinutes = demand.legPatience[at];
		this.more = at + 1 < demand.legStart[g + 1];
		this.key = key;
		this.day = plan.index;
		this.leg = index;
		this.wait = NaN;
		this.ticketTime = NaN;
		this.end = NaN;
		this.outcome = 'served';
		this.measured = true;
		return this;
	}

	/** Whether its patience event may still be on `run`'s calendar (run, or cancelled but not yet due). */
	patiencePending(run: ReplicationRun): boolean {
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

/** What a replication run returns: its records, and the tally it kept of its legs as they ended. */
export interface SimulatedReplication extends ReplicationOutput {
	tally: ReplicationTally;
}

/** Options for a replication. */
export interface ReplicationOptions {
	/** Called at every engine event with the calendar time, for invariant tests. */
	observe?: (run: ReplicationRun) => void;
}

/**
 * One replication: the simulator drives the queue engine from the simjs calendar over the scenario's days.
 * Exposed as a class so tests can watch its state; use `simulateReplication` to run one. A batch runs one
 * object replication after replication (`restart`): its legs, tickets, events, demand storage, engine and
 * tally are reused, so thousands of replications hardly touch the garbage collector.
 */
export class ReplicationRun implements EventHandler {
	readonly cal = new Calendar();
	readonly engine: QueueEngine<Leg>;
	/** The legs that have ended, in the order they ended (none unless `keepLegs`). */
	readonly legs: Leg[] = [];
	/**
	 * Whether `run` returns every leg. A caller that only wants the tally says false: each day then reuses the
	 * legs of the days before, so the objects a day touches stay few (and in the processor's caches).
	 */
	keepLegs = true;
	streams: DemandStreams;
	readonly tally: ReplicationTally;
	replication: number;
	/**
	 * Legs to reuse: pool[0 … pooled - 1]. Counted by hand, and likewise the legs a run that keeps none has ended
	 * today and not reused yet (ended[endedHead … nEnded - 1], in the order they ended): emptying an array by its
	 * length would drop its storage, to be grown again every day.
	 */
	private readonly pool: Leg[] = [];
	private pooled = 0;
	/** Leg objects this run has made, over every replication it ran (the rest were reused). */
	legObjects = 0;
	private readonly ended: Leg[] = [];
	private endedHead = 0;
	private nEnded = 0;
	/** Per day index, where that day's demand is generated. */
	private readonly buffers: DemandBuffer[] = [];
	dayOffset = 0;
	/** Tally key of the current day's first visitor: visitors are keyed in (day, visitor) order. */
	private visitorBase = 0;
	private nextVisitorBase = 0;
	day: DayPlan;
	hallClosed = false;

	private readonly nCounters: number;
	/** Per counter, its one reusable FINISH event. */
	private readonly finish: SimEvent[];
	/** The one reusable VISITOR event, walking the day's visitors in order. */
	private readonly visitorEvent: SimEvent;
	private visitorDemand: DayDemand | null = null;
	/** Each day's demand so far, by day index. */
	private readonly demands: DayDemand[] = [];
	/** Per counter: on its shift (staffed) by the schedule, whatever the engine's closing flag. */
	private readonly onShift: Uint8Array;
	private readonly usageLast: Float64Array;
	/**
	 * Per counter, its minutes staffed, busy and in overtime, and (c × 24 + hour) its staffed and busy minutes by
	 * clock hour: typed arrays while the run adds to them at nearly every event, copied into `usage` at its end.
	 */
	private readonly staffedMinutes: Float64Array;
	private readonly busyMinutes: Float64Array;
	private readonly overtimeMinutes: Float64Array;
	private readonly staffedByHour: Float64Array;
	private readonly busyByHour: Float64Array;
	private readonly served: Int32Array;
	private readonly usage: CounterUsage[];
	private readonly trace: DayTrace;
	private traceLast = 0;
	private waiting = 0;
	private busy = 0;
	private staffed = 0;

	constructor(
		readonly model: CompiledScenario,
		readonly seed: number,
		replication: number,
		private readonly options: ReplicationOptions = {}
	) {
		this.replication = replication;
		this.engine = new QueueEngine<Leg>(model.engine);
		this.streams = new DemandStreams(seed, replication);
		this.tally = new ReplicationTally(model.scenario);
		this.nCounters = model.engine.counters.length;
		this.finish = model.engine.counters.map((_, i) => new SimEvent(this, FINISH, i, null));
		this.visitorEvent = new SimEvent(this, VISITOR, 0, null);
		this.onShift = new Uint8Array(this.nCounters);
		this.usageLast = new Float64Array(this.nCounters);
		this.staffedMinutes = new Float64Array(this.nCounters);
		this.busyMinutes = new Float64Array(this.nCounters);
		this.overtimeMinutes = new Float64Array(this.nCounters);
		this.staffedByHour = new Float64Array(this.nCounters * HOURS_PER_DAY);
		this.busyByHour = new Float64Array(this.nCounters * HOURS_PER_DAY);
		this.served = new Int32Array(this.nCounters);
		this.usage = model.engine.counters.map((c) => ({
			counter: c.id,
			staffed: 0,
			busy: 0,
			overtime: 0,
			served: 0,
			busyByHour: new Array<number>(HOURS_PER_DAY).fill(0),
			staffedByHour: new Array<number>(HOURS_PER_DAY).fill(0)
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

	/**
	 * Makes this object replication `replication`, ready to `run`, as if new. Whatever the previous `run`
	 * returned (its legs, counter usage and trace) is reused from now on: copy what you keep first.
	 */
	restart(replication: number): this {
		this.replication = replication;
		for (const l of this.legs) this.pool[this.pooled++] = l;
		this.legs.length = 0;
		this.poolEnded();
		this.cal.restart();
		this.engine.reset();
		this.streams = new DemandStreams(this.seed, replication);
		this.tally.reset();
		this.dayOffset = 0;
		this.visitorBase = 0;
		this.nextVisitorBase = 0;
		this.day = this.model.days[0];
		this.hallClosed = false;
		this.visitorDemand = null;
		this.demands.length = 0;
		this.onShift.fill(0);
		this.usageLast.fill(0);
		for (const a of [this.staffedMinutes, this.busyMinutes, this.overtimeMinutes, this.staffedByHour, this.busyByHour]) a.fill(0);
		this.served.fill(0);
		this.trace.waitingArea.fill(0);
		this.trace.busyArea.fill(0);
		this.trace.staffedArea.fill(0);
		this.traceLast = 0;
		this.waiting = 0;
		this.busy = 0;
		this.staffed = 0;
		return this;
	}

	/** Delivers one of the run's calendar events. */
	handle(ev: SimEvent): void {
		switch (ev.kind) {
			case VISITOR: {
				const d = this.visitorDemand!;
				const v = ev.arg++;
				this.onVisitor(d, v);
				if (v + 1 < d.count) this.cal.schedule(ev, this.dayOffset + d.eventTime[d.order[v + 1]]);
				return;
			}
			case FINISH:
				return this.onFinish(ev.arg);
			case ABANDON:
				return this.onAbandon(ev.ref as Leg);
			default:
				return this.onTimetable(ev);
		}
	}

	/** The timetable's events (shifts, closing, days): a few a day, kept out of `handle` so it stays small. */
	private onTimetable(ev: SimEvent): void {
		switch (ev.kind) {
			case OPEN_COUNTER:
				return this.openCounter(ev.arg);
			case CLOSE_COUNTER:
				return this.closeCounter(ev.arg);
			case CLOSE_HALL:
				return this.closeHall();
			case START_DAY:
				return this.startDay(this.model.days[ev.arg]);
			case MIDNIGHT:
				return this.midnight();
		}
	}

	/** Runs every day of the replication and returns what it produced. */
	run(): SimulatedReplication {
		for (const day of this.model.days) {
			this.cal.schedule(new SimEvent(this, START_DAY, day.index, null), day.index * DAY_MINUTES);
		}
		if (!this.model.continuous) this.cal.schedule(new SimEvent(this, MIDNIGHT, 0, null), this.model.days.length * DAY_MINUTES);
		this.cal.run();
		this.advance(this.cal.now());
		for (let c = 0; c < this.nCounters; c++) this.flushCounter(c, this.cal.now());
		this.copyUsage();
		return {
			replication: this.replication,
			days: this.model.days.length,
			legs: this.keepLegs ? this.legs : [],
			tally: this.tally,
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
		// Every leg ended so far has left the hall and no line holds its ticket (startDay emptied them).
		this.poolEnded();
		const demand = generateDay(this.model, day, this.streams, (this.buffers[day.index] ??= new DemandBuffer()));
		this.visitorBase = this.nextVisitorBase;
		this.nextVisitorBase += demand.count;
		this.demands[day.index] = demand;
		const O = this.dayOffset;
		// Shift changes go on the calendar before the visitors: at equal times simjs runs events in the order they
		// were scheduled, so a counter whose shift ends at 10:00 does not take a visitor who checks in at 10:00.
		day.duty.forEach((intervals, c) => {
			for (const [s, e] of intervals) {
				this.cal.schedule(new SimEvent(this, OPEN_COUNTER, c, null), O + s);
				if (e < day.close) this.cal.schedule(new SimEvent(this, CLOSE_COUNTER, c, null), O + e);
			}
		});
		this.cal.schedule(new SimEvent(this, CLOSE_HALL, 0, null), O + day.close);
		if (demand.count) {
			this.visitorDemand = demand;
			this.visitorEvent.arg = 0;
			this.cal.schedule(this.visitorEvent, O + demand.eventTime[demand.order[0]]);
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

	/** A leg object for a new leg: one from the pool (refilled by `reclaim` when empty), else a new one. */
	private newLeg(d: DayDemand, v: number, index: number, plan: DayPlan, key: number): Leg {
		return this.pooled > 0 || this.reclaim() ? this.pool[--this.pooled].init(this, d, v, index, plan, key) : new Leg(this, d, v, index, plan, key);
	}

	/**
	 * Moves the legs that ended first today into the pool, as long as nothing refers to them any more (their ticket
	 * has left every line, and their patience event the calendar: sooner, a leg would need a new event); true if
	 * the pool has any now. A continuous run is one day of thousands of visitors: this keeps the leg objects it
	 * touches few. (A working day's pool rarely runs dry: it holds the days before's legs.)
	 */
	private reclaim(): boolean {
		while (this.endedHead < this.nEnded) {
			const l = this.ended[this.endedHead];
			// (A pending timer is a waiting visitor's, cancelled when called: the leg is free once it is due.)
			if (l.patiencePending(this) || !this.engine.reusable(l.tk)) break;
			this.pool[this.pooled++] = l;
			this.endedHead++;
		}
		return this.pooled > 0;
	}

	/** Puts the legs ended (and not kept or reused) so far in the pool. */
	private poolEnded(): void {
		for (let i = this.endedHead; i < this.nEnded; i++) this.pool[this.pooled++] = this.ended[i];
		this.endedHead = this.nEnded = 0;
	}

	/** Keeps a leg that has ended (and is not kept) for reuse. */
	private endLeg(leg: Leg): void {
		// Slide the legs not yet reused to the front now and then: a long day's list stays as short as they are few.
		if (this.endedHead >= 1024 && this.endedHead * 2 >= this.nEnded) {
			this.ended.copyWithin(0, this.endedHead, this.nEnded);
			this.nEnded -= this.endedHead;
			this.endedHead = 0;
		}
		this.ended[this.nEnded++] = leg;
	}

	/** A visitor checks in (or, booked online, fails to come). */
	onVisitor(d: DayDemand, v: number): void {
		const now = this.cal.now();
		const leg = this.newLeg(d, v, 0, this.day, this.visitorBase + v);
		if (leg.flags & ABSENT) {
			this.engine.noShowFor(leg.serviceIndex, (leg.flags & PRIORITY) !== 0, leg, now, leg.tk);
			this.record(leg, 'no-show', now);
		} else this.issue(leg, now, true);
		this.observe();
	}

	/**
	 * Gives a leg its ticket and, if a counter is free for it, calls it at once. `settled`: every idle counter has
	 * nothing else to call (true between events; not for the next leg of a visit whose counter has just finished
	 * and not yet called its next ticket, which may be an older one): the ticket then goes straight to a free
	 * counter while the hall is open (after close, it may be sent home instead).
	 */
	private issue(leg: Leg, now: number, settled: boolean): void {
		this.advance(now);
		const priority = (leg.flags & PRIORITY) !== 0;
		const direct = settled && !this.hallClosed;
		const free = direct ? this.engine.idleCounterForService(leg.serviceIndex, priority) : -1;
		if (free >= 0) {
			this.flushCounter(free, now);
			this.engine.issueTo(free, leg.serviceIndex, priority, leg, now, leg.tk);
			this.serve(free, leg, now);
			return;
		}
		const t = this.engine.issueFor(leg.serviceIndex, priority, leg, now, leg.tk);
		this.waiting++;
		if (this.hallClosed && this.turnAway(leg, now)) return;
		// After a direct search there is no idle counter for it; only otherwise may one call it now.
		const c = direct ? -1 : this.engine.idleCounterFor(t);
		if (c >= 0) {
			this.flushCounter(c, now);
			this.call(c, now);
		}
		// Called at once, it never waits: no patience to run out. (A counter that has just finished may call an
		// older ticket instead.)
		if (t.state === 'waiting' && leg.patienceMinutes !== Infinity) {
			leg.patienceOn = this.cal.restarts;
			this.cal.schedule(leg.patience, now + leg.patienceMinutes);
		}
	}

	/** After close, a leg just given its ticket is sent home if the hall sends everyone home or no counter left would call it. */
	private turnAway(leg: Leg, now: number): boolean {
		const t = leg.tk;
		if (this.day.atClose !== 'send-home' && this.engine.servable(t.serviceIndex, t.priority)) return false;
		this.engine.sendHome(t, now);
		this.waiting--;
		this.record(leg, 'not-served', now);
		return true;
	}

	/** Counter c calls its next ticket, if any, and starts serving it. */
	private call(c: number, now: number): boolean {
		// (Every caller has accounted the time so far, this counter's included, at `now`.)
		const t = this.engine.callNext(c, now);
		if (t === null) return false;
		const leg = t.payload;
		this.cancelPatience(leg);
		this.waiting--;
		this.serve(c, leg, now);
		return true;
	}

	/** Counter c starts serving a leg: its finish goes on the calendar. */
	private serve(c: number, leg: Leg, now: number): void {
		this.busy++;
		this.cal.schedule(this.finish[c], now + leg.work / this.model.speeds[c]);
	}

	onFinish(c: number): void {
		const now = this.cal.now();
		this.advance(now);
		this.flushCounter(c, now);
		const t = this.engine.finish(c, now);
		this.busy--;
		this.served[c]++;
		const leg = t.payload;
		this.record(leg, 'served', now);
		if (leg.more) this.issue(this.newLeg(this.demands[leg.day], leg.v, leg.leg + 1, this.model.days[leg.day], leg.key), now, false);
		if (!this.call(c, now) && this.hallClosed) this.leaveIfIdle(c, now);
		this.observe();
	}

	/** Serving the waiting after close: a counter on duty with nothing left to call goes home. */
	private leaveIfIdle(c: number, now: number): void {
		const st = this.engine.counters[c];
		if (!st.onDuty || st.serving !== null) return;
		this.engine.closeCounter(c, now);
		this.sendHomeUnservable(now);
	}

	onAbandon(leg: Leg): void {
		const now = this.cal.now();
		leg.patienceOn = -1; // its timer has run: it is off the calendar
		this.advance(now);
		if (this.engine.abandon(leg.tk, now)) {
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
			this.cancelPatience(t.payload);
			this.record(t.payload, 'not-served', now);
		}
	}

	/** Stops a leg's patience timer (if it runs): simjs skips it when its time comes. */
	private cancelPatience(leg: Leg): void {
		leg.patience.cancelled = true;
	}

	/** Closes a leg's record (the rest of it is its ticket's story: see Leg's getters) and adds it to the tally. */
	private record(leg: Leg, outcome: Outcome, now: number): void {
		const t = leg.tk;
		leg.outcome = outcome;
		leg.measured = t.queuedAt >= this.model.warmup;
		const midnight = leg.day * DAY_MINUTES;
		if (outcome !== 'no-show') {
			leg.wait = (outcome === 'served' ? t.calledAt : now) - t.queuedAt;
			leg.ticketTime = t.queuedAt - midnight;
		}
		if (outcome === 'served') leg.end = t.endedAt - midnight;
		const k = t.serviceIndex;
		this.tally.add(leg.key, this.tally.serviceAgency[k], k, leg);
		if (this.keepLegs) this.legs.push(leg);
		else this.endLeg(leg);
	}

	/** Adds the time since the last change to the over-the-day traces. */
	private advance(now: number): void {
		const from = this.traceLast;
		if (now <= from) return;
		this.traceLast = now;
		const O = this.dayOffset;
		const a = from - O;
		const b = now - O;
		const bm = this.trace.binMinutes;
		const i = Math.floor(a / bm);
		// Nearly always both ends lie in one bin: one step of advanceAcross's loop, kept small so the hot event
		// handlers that call it stay within the optimiser's inlining budget.
		if (a >= 0 && b <= (i + 1) * bm && i < this.trace.waitingArea.length) this.addToBin(i, b - a);
		else this.advanceAcross(a < 0 ? 0 : a, b);
	}

	/** `advance` over day-relative minutes [a, b) that may span several bins (the last bin takes any overflow). */
	private advanceAcross(a: number, b: number): void {
		const bm = this.trace.binMinutes;
		const last = this.trace.waitingArea.length - 1;
		while (a < b) {
			let i = Math.floor(a / bm);
			const end = Math.min(b, (i + 1) * bm);
			if (i > last) i = last;
			this.addToBin(i, end - a);
			a = end;
		}
	}

	/** Adds dt minutes at the current levels to trace bin i. */
	private addToBin(i: number, dt: number): void {
		const tr = this.trace;
		if (this.waiting) tr.waitingArea[i] += this.waiting * dt;
		if (this.busy) tr.busyArea[i] += this.busy * dt;
		if (this.staffed) tr.staffedArea[i] += this.staffed * dt;
	}

	/** Adds a counter's staffed, busy and overtime minutes since its last change. */
	private flushCounter(c: number, now: number): void {
		const from = this.usageLast[c];
		this.usageLast[c] = now;
		if (now <= from) return;
		const busy = this.engine.counters[c].serving !== null;
		if (this.onShift[c] !== 1) {
			if (busy) this.overtimeMinutes[c] += now - from;
			return;
		}
		const dt = now - from;
		this.staffedMinutes[c] += dt;
		if (busy) this.busyMinutes[c] += dt;
		// Nearly always within one clock hour: one step of usageByHour's loop.
		if (now <= (Math.floor(from / 60) + 1) * 60) {
			const at = c * HOURS_PER_DAY + hourOf(from);
			this.staffedByHour[at] += dt;
			if (busy) this.busyByHour[at] += dt;
		} else this.usageByHour(c, from, now, busy);
	}

	/** A staffed counter's minutes [from, now) by clock hour. */
	private usageByHour(c: number, from: number, now: number, busy: boolean): void {
		let a = from;
		while (a < now) {
			const hourEnd = (Math.floor(a / 60) + 1) * 60;
			const end = Math.min(now, hourEnd);
			const at = c * HOURS_PER_DAY + hourOf(a);
			this.staffedByHour[at] += end - a;
			if (busy) this.busyByHour[at] += end - a;
			a = end;
		}
	}

	/** The run's counter usage into the objects it returns. */
	private copyUsage(): void {
		for (let c = 0; c < this.nCounters; c++) {
			const u = this.usage[c];
			u.staffed = this.staffedMinutes[c];
			u.busy = this.busyMinutes[c];
			u.overtime = this.overtimeMinutes[c];
			u.served = this.served[c];
			for (let h = 0; h < HOURS_PER_DAY; h++) {
				u.staffedByHour[h] = this.staffedByHour[c * HOURS_PER_DAY + h];
				u.busyByHour[h] = this.busyByHour[c * HOURS_PER_DAY + h];
			}
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
): SimulatedReplication {
	return new ReplicationRun(model, seed, replication, options).run();
}
