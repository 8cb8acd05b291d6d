/**
 * The same wait statistics from three sources — a log's observed rows, a replay's legs and a model's legs — so
 * observed, replayed and modelled days compare like for like. Definitions (each source alike):
 * - a wait is a ticket's (leg's) minutes from its issue to its call when served, and to leaving when abandoned —
 *   abandoned waits count only when `abandonedWaits` (validation sets it when the log has left times; a log
 *   without them has no observed abandoned wait to compare with); no-shows and tickets not served at close have
 *   none. Observed: called − issued; left − issued.
 * - visitors: distinct visits that came in (a leg other than a no-show), per agency those with a leg there; a
 *   model over several replications gives the mean per replication (the same days as the log).
 * - servedPerDay: served tickets per day; abandonShare: abandoned tickets / tickets that came in.
 * - withinTarget: the share of waits at most the scenario's policy.serviceLevelMinutes.
 * - hourly waiting: per day and clock hour, the time-weighted mean number of tickets waiting (the minutes each
 *   ticket spent waiting inside the hour, over 60), not a sample. Observed waiting ends at the call or the left
 *   time; a ticket not served or still waiting at the end of the log waits until the day's close (scenario
 *   hours); an abandoned ticket without a left time is left out (its leaving is unknown).
 */
import type { LogRecord } from '../calibrate/logRecord';
import { ServiceMatcher } from '../calibrate/logIds';
import { parseClock } from '../model/clock';
import { isContinuous } from '../model/calendarKind';
import type { DayId, Scenario } from '../model/scenario';
import type { LegRecord } from '../records/legRecord';
import { quantile } from '../stats/quantile';

/** Wait statistics of one agency (or all) from one source. */
export interface WaitStats {
	visitors: number;
	servedPerDay: number;
	abandonShare: number;
	waitMean: number;
	waitP50: number;
	waitP90: number;
	withinTarget: number;
	/** Sorted ascending, for CDFs. */
	waits: Float64Array;
}

/** Everything a tally gives: overall and per agency (scenario order), per day and per day and hour. */
export interface WaitSummary {
	overall: WaitStats;
	agencies: Array<{ id: string; stats: WaitStats }>;
	/** Per day (index), the mean wait (NaN when no wait that day). */
	daily: Float64Array;
	/** Per agency (scenario order), per day, the mean wait. */
	dailyByAgency: Float64Array[];
	/** Per day, per clock hour (24), the time-weighted mean number of tickets waiting. */
	hourlyWaiting: number[][];
}

/** How a tally counts: whether abandoned waits are waits, and how many replications its legs come from. */
export interface WaitTallyOptions {
	abandonedWaits: boolean;
	/** Replications added (a model's): visitors and per-day figures are per replication. Default 1. */
	runs?: number;
}

// Waits are differences of clock times: a wait of exactly the target may come out 15.000000000002.
const TARGET_SLACK = 1e-9;
const HOURS = 24;

/** Running counts of one source's tickets; `summary` turns them into WaitStats. */
export class WaitTally {
	private readonly nAgencies: number;
	private readonly agencyIndex = new Map<string, number>();
	private readonly target: number;
	private readonly runs: number;
	private readonly visitors: Float64Array;
	private readonly lastVisit: Float64Array;
	private readonly came: Float64Array;
	private readonly served: Float64Array;
	private readonly abandoned: Float64Array;
	private readonly waits: Float64Array[];
	private readonly nWaits: Int32Array;
	private readonly daySum: Float64Array;
	private readonly dayN: Float64Array;
	private readonly hourArea: Float64Array;

	constructor(
		private readonly scenario: Scenario,
		private readonly days: number,
		private readonly options: WaitTallyOptions
	) {
		const n = (this.nAgencies = scenario.agencies.length);
		scenario.agencies.forEach((a, i) => this.agencyIndex.set(a.id, i));
		this.target = scenario.policy.serviceLevelMinutes + TARGET_SLACK;
		this.runs = options.runs ?? 1;
		this.visitors = new Float64Array(n + 1);
		this.lastVisit = new Float64Array(n + 1).fill(-1);
		this.came = new Float64Array(n + 1);
		this.served = new Float64Array(n + 1);
		this.abandoned = new Float64Array(n + 1);
		this.waits = Array.from({ length: n }, () => new Float64Array(64));
		this.nWaits = new Int32Array(n);
		this.daySum = new Float64Array((n + 1) * days);
		this.dayN = new Float64Array((n + 1) * days);
		this.hourArea = new Float64Array(days * HOURS);
	}

	/** The index of an agency id (-1 if the scenario has none such). */
	agencyOf(id: string): number {
		return this.agencyIndex.get(id) ?? -1;
	}

	/**
	 * Adds one ticket. `visit`: a non-negative key, the same for every ticket of one visit, whose tickets come one
	 * after another; `wait`: NaN when unknown; `waitingUntil`: when it stopped waiting (NaN: unknown).
	 */
	add(agency: number, day: number, visit: number, outcome: LegRecord['outcome'] | 'waiting', ticketTime: number, wait: number, waitingUntil: number): void {
		if (agency < 0 || !(day >= 0 && day < this.days) || outcome === 'no-show') return;
		const all = this.nAgencies;
		for (const a of [agency, all]) {
			if (this.lastVisit[a] !== visit) {
				this.lastVisit[a] = visit;
				this.visitors[a]++;
			}
			this.came[a]++;
			if (outcome === 'served') this.served[a]++;
			else if (outcome === 'abandoned') this.abandoned[a]++;
		}
		this.addWaiting(day, ticketTime, waitingUntil);
		const counts = outcome === 'served' || (outcome === 'abandoned' && this.options.abandonedWaits);
		if (!counts || wait !== wait) return;
		this.store(agency, wait);
		for (const a of [agency, all]) {
			this.daySum[a * this.days + day] += wait;
			this.dayN[a * this.days + day]++;
		}
	}

	/** Adds a leg of the simulator (a replay's or a model's); `visit` as in `add`. */
	addLeg(l: LegRecord, visit: number): void {
		const until = l.outcome === 'no-show' ? NaN : l.ticketTime + l.wait;
		this.add(this.agencyOf(l.agency), l.day, visit, l.outcome, l.ticketTime, l.wait, until);
	}

	/** The waiting interval [from, until) into the day's hourly areas. */
	private addWaiting(day: number, from: number, until: number): void {
		const a = Math.max(0, from);
		const b = Math.min(HOURS * 60, until);
		if (!(b > a)) return;
		const row = day * HOURS;
		for (let h = Math.floor(a / 60); h < HOURS && h * 60 < b; h++) {
			this.hourArea[row + h] += Math.min(b, (h + 1) * 60) - Math.max(a, h * 60);
		}
	}

	private store(a: number, w: number): void {
		if (this.nWaits[a] === this.waits[a].length) {
			const bigger = new Float64Array(this.waits[a].length * 2);
			bigger.set(this.waits[a]);
			this.waits[a] = bigger;
		}
		this.waits[a][this.nWaits[a]++] = w;
	}

	/** The statistics of everything added. */
	summary(): WaitSummary {
		const n = this.nAgencies;
		const per = this.scenario.agencies.map((ag, a) => ({ id: ag.id, stats: this.stats(a, this.waits[a].slice(0, this.nWaits[a]).sort()) }));
		const all = new Float64Array(this.nWaits.reduce((s, k) => s + k, 0));
		let at = 0;
		for (let a = 0; a < n; a++) {
			all.set(this.waits[a].subarray(0, this.nWaits[a]), at);
			at += this.nWaits[a];
		}
		const daily = (a: number) => Float64Array.from({ length: this.days }, (_, d) => (this.dayN[a * this.days + d] > 0 ? this.daySum[a * this.days + d] / this.dayN[a * this.days + d] : NaN));
		const hourlyWaiting = Array.from({ length: this.days }, (_, d) => Array.from(this.hourArea.subarray(d * HOURS, (d + 1) * HOURS), (x) => x / 60 / this.runs));
		return { overall: this.stats(n, all.sort()), agencies: per, daily: daily(n), dailyByAgency: per.map((_, a) => daily(a)), hourlyWaiting };
	}

	private stats(a: number, waits: Float64Array): WaitStats {
		let sum = 0;
		let within = 0;
		for (const w of waits) {
			sum += w;
			if (w <= this.target) within++;
		}
		const k = waits.length;
		return {
			visitors: this.visitors[a] / this.runs,
			servedPerDay: this.days > 0 ? this.served[a] / (this.days * this.runs) : NaN,
			abandonShare: this.came[a] > 0 ? this.abandoned[a] / this.came[a] : NaN,
			waitMean: k > 0 ? sum / k : NaN,
			waitP50: quantile(waits, 0.5),
			waitP90: quantile(waits, 0.9),
			withinTarget: k > 0 ? within / k : NaN,
			waits
		};
	}
}

/**
 * The observed statistics of a log's rows over `dates` (the replay's days, in order): rows whose service the
 * scenario lacks, or whose date is not among `dates`, are left out, as the replay leaves them out.
 */
export function observedTally(records: readonly LogRecord[], scenario: Scenario, dates: readonly string[], options: WaitTallyOptions): WaitTally {
	const tally = new WaitTally(scenario, dates.length, options);
	const dayOf = new Map(dates.map((d, i) => [d, i]));
	const matcher = new ServiceMatcher(scenario);
	// Visits one after another (the tally counts a visitor when its key changes).
	const rows = records.filter((r) => dayOf.has(r.date) && r.issued >= 0 && r.issued < 1440);
	rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.visit < b.visit ? -1 : a.visit > b.visit ? 1 : a.line - b.line));
	let visit = -1;
	let prev = '';
	for (const r of rows) {
		const m = matcher.find(r.agency, r.service);
		if (m === null) continue;
		const key = `${r.date}\u0000${r.visit}`;
		if (key !== prev) {
			visit++;
			prev = key;
		}
		const day = dayOf.get(r.date)!;
		const [wait, until] = observedWait(r, closeOf(scenario, r.weekday));
		tally.add(tally.agencyOf(m.agency), day, visit, r.outcome, r.issued, wait, until);
	}
	return tally;
}

/** An observed row's wait (NaN when unknown) and when it stopped waiting (NaN when unknown). */
function observedWait(r: LogRecord, close: number): [number, number] {
	switch (r.outcome) {
		case 'served': {
			const call = r.called === r.called ? r.called : r.start;
			return [call - r.issued, call];
		}
		case 'abandoned':
			return r.left === r.left ? [r.left - r.issued, r.left] : [NaN, NaN];
		case 'no-show':
			return [NaN, NaN];
		default:
			return [NaN, close];
	}
}

/** The close of a weekday in the scenario's hours (24:00 for a hall that never closes). */
function closeOf(scenario: Scenario, weekday: DayId): number {
	const cal = scenario.calendar;
	if (isContinuous(cal)) return 1440;
	return parseClock((cal.hours[weekday] ?? cal.hours.default).close);
}

/** Whether a log gives left times for its abandoned rows (any of them): then abandoned waits are compared too. */
export function hasLeftTimes(records: readonly LogRecord[]): boolean {
	for (const r of records) if (r.outcome === 'abandoned' && r.left === r.left) return true;
	return false;
}
