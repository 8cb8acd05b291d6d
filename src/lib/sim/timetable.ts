/**
 * The hall's timetable in a replication: which day it is, each counter's shifts, the hall's closing and, for a hall
 * serving the waiting after close, midnight. A few calendar events a day; the run loop delivers them here. The
 * events are made once and scheduled again in every replication.
 */
import type { QueueEngine } from '../engine/engine';
import type { Ticket } from '../engine/tickets';
import { SimEvent, type Calendar, type EventHandler } from './calendar';
import { DAY_MINUTES, type CompiledScenario, type DayPlan } from './compile';
import { CLOSE_COUNTER, CLOSE_HALL, MIDNIGHT, OPEN_COUNTER, START_DAY } from './eventKinds';
import type { HallMeter } from './hallMeter';
import type { Leg } from './leg';

/** What the timetable needs of the run loop (a ReplicationRun), which handles its events. */
export interface TimetableRun extends EventHandler {
	readonly cal: Calendar;
	readonly engine: QueueEngine<Leg>;
	readonly model: CompiledScenario;
	/** The day's visitors start to come (their first event goes on the calendar). */
	startVisitors(day: DayPlan): void;
	/** Counter c calls its next ticket, if any; true if it did. */
	call(c: number, now: number): boolean;
	/** These tickets are sent home: their legs end 'not-served'. */
	sendHome(tickets: Array<Ticket<Leg>>, now: number): void;
	/** Shows the state after an event to whoever watches (tests). */
	observe(): void;
}

/** One day's timetable: its events, in the order they go on the calendar, and their minutes after midnight. */
interface DayEvents {
	events: SimEvent[];
	at: number[];
}

export class Timetable {
	day: DayPlan;
	/** Where the day starts on the calendar. */
	dayOffset = 0;
	hallClosed = false;
	private readonly nCounters: number;
	/** Per day index, its START_DAY event and its timetable; the last day's MIDNIGHT. */
	private readonly starts: SimEvent[];
	private readonly days: DayEvents[];
	private readonly lastMidnight: SimEvent;

	constructor(
		private readonly run: TimetableRun,
		private readonly meter: HallMeter
	) {
		const { days, engine } = run.model;
		this.day = days[0];
		this.nCounters = engine.counters.length;
		this.starts = days.map((d) => new SimEvent(run, START_DAY, d.index, null));
		this.days = days.map((d) => dayEvents(run, d));
		this.lastMidnight = new SimEvent(run, MIDNIGHT, 0, null);
	}

	/** Back to before the first day. */
	restart(): void {
		this.day = this.run.model.days[0];
		this.dayOffset = 0;
		this.hallClosed = false;
	}

	/** Puts the start of every day on the calendar, and the last day's midnight. */
	schedule(): void {
		const { cal, model } = this.run;
		for (const day of model.days) cal.schedule(this.starts[day.index], day.index * DAY_MINUTES);
		if (!model.continuous) cal.schedule(this.lastMidnight, model.days.length * DAY_MINUTES);
	}

	/** Delivers one of the timetable's events. */
	handle(ev: SimEvent): void {
		switch (ev.kind) {
			case OPEN_COUNTER:
				return this.openCounter(ev.arg);
			case CLOSE_COUNTER:
				return this.closeCounter(ev.arg);
			case CLOSE_HALL:
				return this.closeHall();
			case START_DAY:
				return this.startDay(this.run.model.days[ev.arg]);
			case MIDNIGHT:
				return this.midnight();
		}
	}

	private startDay(day: DayPlan): void {
		const { cal, engine } = this.run;
		this.midnight();
		this.day = day;
		const O = (this.dayOffset = day.index * DAY_MINUTES);
		this.meter.startDay(day.index, O);
		this.hallClosed = false;
		engine.startDay();
		// Shift changes go on the calendar before the visitors: at equal times simjs runs events in the order they
		// were scheduled, so a counter whose shift ends at 10:00 does not take a visitor who checks in at 10:00.
		const { events, at } = this.days[day.index];
		for (let i = 0; i < events.length; i++) cal.schedule(events[i], O + at[i]);
		this.run.startVisitors(day);
	}

	/**
	 * A hall serving the waiting after close stops at midnight at the latest: whoever still waits is sent home
	 * (their records keep their own day), and counters finish the visitor in hand.
	 */
	private midnight(): void {
		const { cal, engine } = this.run;
		const now = cal.now();
		this.meter.advance(now);
		if (engine.ticketCounts.waiting > 0) this.run.sendHome(engine.sendHomeWaiting(now, 'all'), now);
		for (let c = 0; c < this.nCounters; c++) {
			if (!engine.counters[c].onDuty) continue;
			this.meter.flushCounter(c, now);
			engine.closeCounter(c, now);
		}
		this.run.observe();
	}

	private openCounter(c: number): void {
		const now = this.run.cal.now();
		this.meter.advance(now);
		this.meter.flushCounter(c, now);
		this.meter.shiftStarts(c);
		this.run.engine.openCounter(c, now);
		this.run.call(c, now);
		this.run.observe();
	}

	private closeCounter(c: number): void {
		const now = this.run.cal.now();
		this.meter.advance(now);
		this.meter.flushCounter(c, now);
		this.meter.shiftEnds(c);
		this.run.engine.closeCounter(c, now);
		this.run.observe();
	}

	private closeHall(): void {
		const { cal, engine } = this.run;
		const now = cal.now();
		this.meter.advance(now);
		this.hallClosed = true;
		const sendHome = this.day.atClose === 'send-home';
		if (sendHome) this.run.sendHome(engine.sendHomeWaiting(now, 'all'), now);
		for (let c = 0; c < this.nCounters; c++) {
			this.meter.flushCounter(c, now);
			this.meter.shiftEnds(c);
			// Sending home: everyone stops after the visitor in hand. Serving the waiting: busy counters stay
			// on duty and keep calling; idle ones have nothing they may serve (work conservation) and leave.
			if (sendHome || engine.counters[c].serving === null) engine.closeCounter(c, now);
		}
		if (!sendHome) this.sendHomeUnservable(now);
		this.run.observe();
	}

	/** Serving the waiting after close: a counter on duty that has nothing left to call goes home. */
	leaveIfIdle(c: number, now: number): void {
		const st = this.run.engine.counters[c];
		if (!st.onDuty || st.serving !== null) return;
		this.run.engine.closeCounter(c, now);
		this.sendHomeUnservable(now);
	}

	/** After close, tickets no counter left on duty would call are sent home. */
	private sendHomeUnservable(now: number): void {
		this.run.sendHome(this.run.engine.sendHomeWaiting(now, 'unservable'), now);
	}
}

/** A day's shift changes, counter by counter, then the hall's closing. */
function dayEvents(handler: EventHandler, day: DayPlan): DayEvents {
	const events: SimEvent[] = [];
	const at: number[] = [];
	day.duty.forEach((intervals, c) => {
		for (const [s, e] of intervals) {
			events.push(new SimEvent(handler, OPEN_COUNTER, c, null));
			at.push(s);
			if (e < day.close) {
				events.push(new SimEvent(handler, CLOSE_COUNTER, c, null));
				at.push(e);
			}
		}
	});
	events.push(new SimEvent(handler, CLOSE_HALL, 0, null));
	at.push(day.close);
	return { events, at };
}
