/**
 * Hall metering: how many tickets wait, counters serve and counters are staffed, integrated over time into the
 * over-the-day traces (DayTrace), and each counter's staffed, busy and overtime minutes (CounterUsage).
 *
 * Speed: it runs at nearly every event. Minutes add up in typed arrays, copied into the objects the run returns at
 * its end; the common case of each integration (within one trace bin, within one clock hour) is one small step the
 * event handlers can inline, the rest a loop of its own.
 */
import type { QueueEngine } from '../engine/engine';
import type { CounterUsage, DayTrace } from '../records/replicationOutput';
import { HOURS_PER_DAY, hourOf } from '../stats/replicationTally';
import { DAY_MINUTES, type CompiledScenario } from './compile';

export class HallMeter {
	/** Tickets waiting, counters serving, counters on their shift: the levels the traces integrate. */
	waiting = 0;
	busy = 0;
	staffed = 0;
	/** The day's start on the calendar: traces are by time of day. */
	dayOffset = 0;
	private readonly trace: DayTrace;
	private traceLast = 0;
	private readonly nCounters: number;
	/** Per counter: on its shift (staffed) by the schedule, whatever the engine's closing flag. */
	private readonly onShift: Uint8Array;
	/** Per counter, when its minutes were last added. */
	private readonly usageLast: Float64Array;
	// Per counter, its minutes staffed, busy and in overtime, and (c × 24 + hour) staffed and busy by clock hour.
	private readonly staffedMinutes: Float64Array;
	private readonly busyMinutes: Float64Array;
	private readonly overtimeMinutes: Float64Array;
	private readonly staffedByHour: Float64Array;
	private readonly busyByHour: Float64Array;
	private readonly served: Int32Array;
	private readonly usage: CounterUsage[];
	/** Per day of the replication, the most tickets waiting at once (the waiting room's need); `day` is today's. */
	private readonly dayPeaks: number[];
	private day = 0;

	constructor(
		model: CompiledScenario,
		private readonly engine: QueueEngine<unknown>
	) {
		const n = (this.nCounters = model.engine.counters.length);
		this.onShift = new Uint8Array(n);
		this.usageLast = new Float64Array(n);
		this.staffedMinutes = new Float64Array(n);
		this.busyMinutes = new Float64Array(n);
		this.overtimeMinutes = new Float64Array(n);
		this.staffedByHour = new Float64Array(n * HOURS_PER_DAY);
		this.busyByHour = new Float64Array(n * HOURS_PER_DAY);
		this.served = new Int32Array(n);
		this.usage = model.engine.counters.map((c) => ({
			counter: c.id,
			staffed: 0,
			busy: 0,
			overtime: 0,
			served: 0,
			busyByHour: new Array<number>(HOURS_PER_DAY).fill(0),
			staffedByHour: new Array<number>(HOURS_PER_DAY).fill(0)
		}));
		this.dayPeaks = new Array<number>(model.days.length).fill(0);
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
	}

	/** Back to time 0 with nothing metered (what the last run returned is reused from now on). */
	restart(): void {
		this.waiting = this.busy = this.staffed = 0;
		this.dayOffset = 0;
		this.day = 0;
		this.dayPeaks.fill(0);
		this.traceLast = 0;
		this.trace.waitingArea.fill(0);
		this.trace.busyArea.fill(0);
		this.trace.staffedArea.fill(0);
		this.onShift.fill(0);
		this.usageLast.fill(0);
		for (const a of [this.staffedMinutes, this.busyMinutes, this.overtimeMinutes, this.staffedByHour, this.busyByHour]) a.fill(0);
		this.served.fill(0);
	}

	/** Day `index` of the calendar starts: traces are by time of day from its midnight, peaks are its own. */
	startDay(index: number, offset: number): void {
		this.day = index;
		this.dayOffset = offset;
	}

	/**
	 * Notes the waiting level as a candidate for the day's peak. Called once an arrival is settled (queued, or
	 * called at once), so a ticket that never waits does not count for an instant.
	 */
	notePeak(): void {
		if (this.waiting > this.dayPeaks[this.day]) this.dayPeaks[this.day] = this.waiting;
	}

	/** Counter c's shift starts: it counts as staffed. */
	shiftStarts(c: number): void {
		this.onShift[c] = 1;
		this.staffed++;
	}

	/** Counter c's shift ends (if it was on one): it no longer counts as staffed; busy minutes from now on are overtime. */
	shiftEnds(c: number): void {
		if (!this.onShift[c]) return;
		this.onShift[c] = 0;
		this.staffed--;
	}

	/** Counter c has served a leg to its end. */
	servedOne(c: number): void {
		this.served[c]++;
	}

	/** Adds the time since the last change to the over-the-day traces. */
	advance(now: number): void {
		const from = this.traceLast;
		if (now <= from) return;
		this.traceLast = now;
		const O = this.dayOffset;
		const a = from - O;
		const b = now - O;
		const bm = this.trace.binMinutes;
		const i = Math.floor(a / bm);
		// Nearly always both ends lie in one bin: one step of advanceAcross's loop.
		if (a >= 0 && b <= (i + 1) * bm && i < this.trace.waitingArea.length) this.addToBin(i, b - a);
		else this.advanceAcross(a < 0 ? 0 : a, b);
	}

	/**
	 * `advance` over day-relative minutes [a, b) that may span several bins. The last bin takes any overflow in one
	 * step, so the loop runs at most once per bin however long the span (a service of years must not step through
	 * every quarter hour of them).
	 */
	private advanceAcross(a: number, b: number): void {
		const bm = this.trace.binMinutes;
		const last = this.trace.waitingArea.length - 1;
		while (a < b) {
			const i = Math.floor(a / bm);
			if (i >= last) return this.addToBin(last, b - a);
			const end = Math.min(b, (i + 1) * bm);
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

	/** Adds a counter's staffed, busy and overtime minutes since its last change (call it before the change). */
	flushCounter(c: number, now: number): void {
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

	/**
	 * A staffed counter's minutes [from, now) by clock hour. Whole days add an hour to every clock hour at once, so
	 * the loop runs at most 25 times however long the span.
	 */
	private usageByHour(c: number, from: number, now: number, busy: boolean): void {
		const days = Math.floor((now - from) / DAY_MINUTES);
		if (days > 0) {
			for (let h = 0; h < HOURS_PER_DAY; h++) {
				this.staffedByHour[c * HOURS_PER_DAY + h] += days * 60;
				if (busy) this.busyByHour[c * HOURS_PER_DAY + h] += days * 60;
			}
		}
		let a = from + days * DAY_MINUTES;
		while (a < now) {
			const hourEnd = (Math.floor(a / 60) + 1) * 60;
			const end = Math.min(now, hourEnd);
			const at = c * HOURS_PER_DAY + hourOf(a);
			this.staffedByHour[at] += end - a;
			if (busy) this.busyByHour[at] += end - a;
			a = end;
		}
	}

	/** Meters everything up to `now`, the end of the run, and returns the counters' usage and the traces. */
	finish(now: number): { counters: CounterUsage[]; trace: DayTrace; peakWaiting: number[] } {
		this.advance(now);
		for (let c = 0; c < this.nCounters; c++) this.flushCounter(c, now);
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
		return { counters: this.usage, trace: this.trace, peakWaiting: this.dayPeaks };
	}

	/** Tickets waiting, counters busy and counters staffed now. */
	get levels(): { waiting: number; busy: number; staffed: number } {
		return { waiting: this.waiting, busy: this.busy, staffed: this.staffed };
	}
}
