/**
 * The run loop: one replication, in which the simulator drives the queue engine from the simjs calendar over the
 * scenario's days. Here: visitors taking tickets, counters calling and serving them, legs ending. Its parts: the
 * legs of visits (leg.ts) and their pool (legPool.ts), demand as it comes (demandFeed.ts), the hall's timetable
 * (timetable.ts), hall metering (hallMeter.ts), the calendar (calendar.ts).
 *
 * Speed: a batch runs one ReplicationRun replication after replication (`restart`), reusing its legs, tickets,
 * events, demand storage, engine, meter and tally, so thousands of replications hardly touch the garbage
 * collector; the handful of event kinds are small integers on one event class, dispatched by one switch, with the
 * timetable's few events a day kept out of the hot `handle`.
 */
import { QueueEngine } from '../engine/engine';
import type { Ticket } from '../engine/tickets';
import type { Outcome } from '../records/outcomes';
import type { ReplicationOutput } from '../records/replicationOutput';
import { ReplicationTally } from '../stats/replicationTally';
import { Calendar, SimEvent, type EventHandler } from './calendar';
import type { CompiledScenario, DayPlan } from './compile';
import { ABSENT, PRIORITY, type DayDemand } from './demand';
import { DemandFeed } from './demandFeed';
import { ABANDON, FINISH, VISITOR } from './eventKinds';
import { HallMeter } from './hallMeter';
import type { Leg, LegRun } from './leg';
import type { LegRecord } from '../records/legRecord';
import { LegPool } from './legPool';
import { Timetable, type TimetableRun } from './timetable';
import { VisitOrder } from './visitOrder';

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
 * One replication. Exposed as a class so tests can watch its state; use `simulateReplication` to run one, or
 * `restart` and `run` to run the next on the same object.
 */
export class ReplicationRun implements EventHandler, LegRun, TimetableRun {
	readonly cal = new Calendar();
	readonly engine: QueueEngine<Leg>;
	/** The legs that have ended, in the order they ended (none unless `keepLegs`). */
	readonly legs: Leg[] = [];
	/**
	 * Whether `run` returns every leg. A caller that only wants the tally says false: each day then reuses the
	 * legs of the days before, so the objects a day touches stay few.
	 */
	keepLegs = true;
	/**
	 * Where each ended leg goes, in (day, visitor, leg) order, as soon as its visitor and every earlier one are
	 * done (null: none); the receiver reads it during the call or copies it, as the leg object is then reused.
	 */
	private order: VisitOrder | null = null;
	readonly tally: ReplicationTally;
	replication: number;
	private readonly pool = new LegPool(this);
	private readonly feed: DemandFeed;
	private readonly meter: HallMeter;
	private readonly timetable: Timetable;
	/** Per counter, its one reusable FINISH event. */
	private readonly finish: SimEvent[];
	/** The one reusable VISITOR event, walking the day's visitors in order. */
	private readonly visitorEvent: SimEvent;
	private visitorDemand: DayDemand | null = null;

	constructor(
		readonly model: CompiledScenario,
		readonly seed: number,
		replication: number,
		private readonly options: ReplicationOptions = {}
	) {
		this.replication = replication;
		this.engine = new QueueEngine<Leg>(model.engine);
		this.feed = new DemandFeed(model, seed, replication);
		this.tally = new ReplicationTally(model.scenario);
		this.meter = new HallMeter(model, this.engine);
		this.timetable = new Timetable(this, this.meter);
		this.finish = model.engine.counters.map((_, i) => new SimEvent(this, FINISH, i, null));
		this.visitorEvent = new SimEvent(this, VISITOR, 0, null);
	}

	/**
	 * Makes this object replication `replication`, ready to `run`, as if new. Whatever the previous `run`
	 * returned (its legs, counter usage and trace) is reused from now on: copy what you keep first.
	 */
	restart(replication: number): this {
		this.replication = replication;
		this.pool.giveBack(this.legs);
		this.legs.length = 0;
		this.pool.freeEnded();
		this.cal.restart();
		this.engine.reset();
		this.feed.restart(replication);
		this.tally.reset();
		this.meter.restart();
		this.timetable.restart();
		this.visitorDemand = null;
		return this;
	}

	/** Streams every ended leg to `onLeg` (see `order`) from the next `run` on; null stops it. */
	streamLegs(onLeg: ((record: LegRecord) => void) | null): void {
		this.order = onLeg ? new VisitOrder(onLeg) : null;
	}

	/** Leg objects this run has made, over every replication it ran (the rest were reused). */
	get legObjects(): number {
		return this.pool.made;
	}

	/** Delivers one of the run's calendar events. */
	handle(ev: SimEvent): void {
		switch (ev.kind) {
			case VISITOR: {
				const d = this.visitorDemand!;
				const r = ev.arg++;
				this.onVisitor(d, r);
				if (r + 1 < d.count) this.cal.schedule(ev, this.timetable.dayOffset + d.eventTime[d.order[r + 1]]);
				else this.walk(this.feed.next());
				return;
			}
			case FINISH:
				return this.onFinish(ev.arg);
			case ABANDON:
				return this.onAbandon(ev.ref as Leg);
			default:
				return this.timetable.handle(ev);
		}
	}

	/** Runs every day of the replication and returns what it produced. */
	run(): SimulatedReplication {
		this.timetable.schedule();
		this.cal.run();
		this.order?.endDay();
		const { counters, trace } = this.meter.finish(this.cal.now());
		return {
			replication: this.replication,
			days: this.model.days.length,
			legs: this.keepLegs ? this.legs : [],
			tally: this.tally,
			counters,
			trace,
			events: this.cal.scheduled
		};
	}

	/** The day's visitors start to come. */
	startVisitors(day: DayPlan): void {
		// Every leg ended so far has left the hall and no line holds its ticket (the engine's day has started).
		this.pool.freeEnded();
		this.walk(this.feed.startDay(day));
	}

	/** The visitor event walks a block of demand from its first visitor on (none: the day's visitors have all come). */
	private walk(d: DayDemand | null): void {
		if (d === null || d.count === 0) return;
		this.visitorDemand = d;
		this.visitorEvent.arg = 0;
		this.cal.schedule(this.visitorEvent, this.timetable.dayOffset + d.eventTime[d.order[0]]);
	}

	/** The visitor the run meets r-th in block `d` checks in (or, booked online, fails to come). */
	onVisitor(d: DayDemand, r: number): void {
		const now = this.cal.now();
		const leg = this.pool.take().first(this, d, r, this.timetable.day.index, this.feed.visitorBase + d.first + r);
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
		this.meter.advance(now);
		const priority = (leg.flags & PRIORITY) !== 0;
		const direct = settled && !this.timetable.hallClosed;
		const free = direct ? this.engine.idleCounterForService(leg.serviceIndex, priority) : -1;
		if (free >= 0) {
			this.meter.flushCounter(free, now);
			this.engine.issueTo(free, leg.serviceIndex, priority, leg, now, leg.tk);
			this.serve(free, leg, now);
			return;
		}
		const t = this.engine.issueFor(leg.serviceIndex, priority, leg, now, leg.tk);
		this.meter.waiting++;
		if (this.timetable.hallClosed && this.turnAway(leg, now)) return;
		// After a direct search there is no idle counter for it; only otherwise may one call it now.
		const c = direct ? -1 : this.engine.idleCounterFor(t);
		if (c >= 0) {
			this.meter.flushCounter(c, now);
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
		if (this.timetable.day.atClose !== 'send-home' && this.engine.servable(t.serviceIndex, t.priority)) return false;
		this.engine.sendHome(t, now);
		this.meter.waiting--;
		this.record(leg, 'not-served', now);
		return true;
	}

	/** Counter c calls its next ticket, if any, and starts serving it. */
	call(c: number, now: number): boolean {
		// (Every caller has metered the time so far, this counter's included, at `now`.)
		const t = this.engine.callNext(c, now);
		if (t === null) return false;
		const leg = t.payload;
		this.cancelPatience(leg);
		this.meter.waiting--;
		this.serve(c, leg, now);
		return true;
	}

	/** Counter c starts serving a leg: its finish goes on the calendar. */
	private serve(c: number, leg: Leg, now: number): void {
		this.meter.busy++;
		this.cal.schedule(this.finish[c], now + leg.work / this.model.speeds[c]);
	}

	onFinish(c: number): void {
		const now = this.cal.now();
		this.meter.advance(now);
		this.meter.flushCounter(c, now);
		const t = this.engine.finish(c, now);
		this.meter.busy--;
		this.meter.servedOne(c);
		const leg = t.payload;
		// The visit's next leg, taken before this one is retired (so never the same object).
		const next = leg.more ? this.pool.take().after(this, leg) : null;
		this.record(leg, 'served', now);
		if (next !== null) this.issue(next, now, false);
		if (!this.call(c, now) && this.timetable.hallClosed) this.timetable.leaveIfIdle(c, now);
		this.observe();
	}

	onAbandon(leg: Leg): void {
		const now = this.cal.now();
		leg.patienceOn = -1; // its timer has run: it is off the calendar
		this.meter.advance(now);
		if (this.engine.abandon(leg.tk, now)) {
			this.meter.waiting--;
			this.record(leg, 'abandoned', now);
		}
		this.observe();
	}

	/** These tickets are sent home: their legs end 'not-served'. */
	sendHome(tickets: Array<Ticket<Leg>>, now: number): void {
		for (const t of tickets) {
			this.meter.waiting--;
			this.cancelPatience(t.payload);
			this.record(t.payload, 'not-served', now);
		}
	}

	/** Stops a leg's patience timer (if it runs): simjs skips it when its time comes. */
	private cancelPatience(leg: Leg): void {
		leg.patience.cancelled = true;
	}

	/** A leg has ended: its record is closed and tallied, and the leg kept or retired. */
	private record(leg: Leg, outcome: Outcome, now: number): void {
		leg.close(outcome, now, this.model.warmup);
		const k = leg.tk.serviceIndex;
		this.tally.add(leg.key, this.tally.serviceAgency[k], k, leg);
		if (this.order) {
			this.order.add(leg, outcome !== 'served' || !leg.more);
			this.pool.retire(leg);
		} else if (this.keepLegs) this.legs.push(leg);
		else this.pool.retire(leg);
	}

	observe(): void {
		if (this.options.observe) this.options.observe(this);
	}

	/** Tickets waiting, counters busy and counters staffed now, as the simulator tracks them. */
	get levels(): { waiting: number; busy: number; staffed: number } {
		return this.meter.levels;
	}
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
