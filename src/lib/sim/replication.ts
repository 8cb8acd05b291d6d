import { QueueEngine } from '../engine/engine';
import type { Ticket } from '../engine/types';
import { Calendar, type CalendarEvent } from './calendar';
import { DAY_MINUTES, type CompiledScenario, type DayPlan } from './compile';
import { DemandStreams, generateDay, type Visitor } from './demand';
import type { CounterUsage, DayTrace, LegRecord, Outcome, ReplicationOutput } from './records';

/** One leg of a visit while it is in the hall; it doubles as the leg's abandonment event. */
class Leg implements CalendarEvent {
	deliverAt = 0;
	cancelled = false;
	ticket: Ticket<Leg> | null = null;
	constructor(
		readonly run: ReplicationRun,
		readonly visitor: Visitor,
		readonly index: number
	) {}
	/** Patience ran out. */
	deliver(): void {
		this.run.onAbandon(this);
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
	visitors: Visitor[] = [];
	constructor(readonly run: ReplicationRun) {}
	deliver(): void {
		const v = this.visitors[this.next++];
		this.run.onVisitor(v);
		if (this.next < this.visitors.length) this.run.cal.schedule(this, this.run.dayOffset + this.visitors[this.next].eventTime);
	}
}

/** Options for a replication. */
export interface ReplicationOptions {
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
	readonly legs: LegRecord[] = [];
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
		this.advance(this.cal.now());
		this.day = day;
		this.dayOffset = day.index * DAY_MINUTES;
		this.hallClosed = false;
		this.engine.startDay();
		const visitors = generateDay(this.model, day, this.streams);
		const O = this.dayOffset;
		if (visitors.length) {
			this.visitorEvent.visitors = visitors;
			this.visitorEvent.next = 0;
			this.cal.schedule(this.visitorEvent, O + visitors[0].eventTime);
		}
		day.duty.forEach((intervals, c) => {
			for (const [s, e] of intervals) {
				this.cal.at(O + s, () => this.openCounter(c));
				if (e < day.close) this.cal.at(O + e, () => this.closeCounter(c));
			}
		});
		this.cal.at(O + day.close, () => this.closeHall());
	}

	/** A visitor checks in (or, booked online, fails to come). */
	onVisitor(v: Visitor): void {
		const now = this.cal.now();
		if (v.noShow) {
			const leg = new Leg(this, v, 0);
			const t = this.engine.noShowFor(v.legs[0], v.priority, leg, now);
			leg.ticket = t;
			this.record(leg, 'no-show', now);
			this.observe();
			return;
		}
		this.issue(new Leg(this, v, 0), now);
		this.observe();
	}

	/** Gives a leg its ticket and, if a counter is free for it, calls it at once. */
	private issue(leg: Leg, now: number): void {
		this.advance(now);
		const t = this.engine.issueFor(leg.visitor.legs[leg.index], leg.visitor.priority, leg, now);
		leg.ticket = t;
		this.waiting++;
		if (this.hallClosed && (this.day.atClose === 'send-home' || !this.engine.servable(t.serviceIndex))) {
			this.engine.sendHome(t, now);
			this.waiting--;
			this.record(leg, 'not-served', now);
			return;
		}
		const p = leg.visitor.patience[leg.index];
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
		const work = leg.visitor.work[leg.index];
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
		const v = leg.visitor;
		if (leg.index + 1 < v.legs.length) this.issue(new Leg(this, v, leg.index + 1), now);
		if (!this.call(c, now) && this.hallClosed && this.engine.counters[c].onDuty) {
			// Serving the waiting after close: a counter with nothing left to call goes home.
			this.engine.closeCounter(c, now);
			this.sendHomeUnservable(now);
		}
		this.observe();
	}

	onAbandon(leg: Leg): void {
		const now = this.cal.now();
		const t = leg.ticket!;
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

	private record(leg: Leg, outcome: Outcome, now: number): void {
		const t = leg.ticket!;
		const v = leg.visitor;
		const O = this.dayOffset;
		const served = outcome === 'served';
		const queued = t.queuedAt - O;
		this.legs.push({
			replication: this.replication,
			day: this.day.index,
			dayId: this.day.dayId,
			visitor: v.id,
			leg: leg.index,
			ticket: t.number,
			agency: t.agency,
			service: t.service,
			channel: v.online ? 'online' : 'walk-in',
			priority: v.priority,
			arrival: v.arrival,
			ticketTime: outcome === 'no-show' ? NaN : queued,
			call: served ? t.calledAt - O : NaN,
			start: served ? t.calledAt - O : NaN,
			end: served ? now - O : NaN,
			counter: served ? this.engine.counters[t.counter].id : '',
			wait: outcome === 'no-show' ? NaN : (served ? t.calledAt : now) - t.queuedAt,
			outcome,
			measured: t.queuedAt >= this.model.warmup
		});
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

/** Runs replication `replication` of a compiled scenario with `seed`. */
export function simulateReplication(
	model: CompiledScenario,
	seed: number,
	replication: number,
	options?: ReplicationOptions
): ReplicationOutput {
	return new ReplicationRun(model, seed, replication, options).run();
}
