/**
 * A ticket log's real days as the simulator's demand (a trace), matched to a scenario's services, so the log's
 * arrivals replay through any layout on the real engine (replay.ts). How each row becomes a leg — the choices a
 * replay's numbers rest on (docs and reports repeat them):
 *
 * - Visits: rows are grouped into visits (LogRecord.visit, within a date); a visit's legs go in issued order. The
 *   visitor arrives with its first ticket; each further leg is issued when the leg before ends, as the simulator
 *   does, even when the log issued it later (a visitor who went for a coffee in between replays without it). A
 *   leg after one that did not end served (the engine gives no further leg then) starts a visitor of its own, at
 *   its own issued time; so does a no-show row.
 * - Services: matched by ServiceMatcher; rows whose (agency, service) the scenario lacks are dropped and counted
 *   in `unmatched` (a replay through such a scenario is of the matched rows only).
 * - Work content of a served row: end − called, the time the real counter spent on it (end − start when the log
 *   has no call time). The simulator's service starts at the call (LegRecord.start equals call), so a log's walk
 *   from the call to the counter is counter time too: with end − start a replay would free counters too early
 *   whenever the log's start lags its call. A calibrated layout's counters run at speed 1, so this is the time the
 *   real counter took; a counter's speed divides it as usual.
 * - Work content of a row never served (abandoned, no-show, not served, still waiting): the median observed
 *   duration of its service in the log (its agency's, then the whole log's, then the scenario's mean when the
 *   log served none): it was never served, so its own is unknown.
 * - Patience of a served row: Infinity. Its patience is censored by being served: in a layout that makes it wait
 *   longer, it stays whatever the wait. This biases replayed abandonment down (and waits up) in layouts worse
 *   than the log's own; in the log's own layout it changes nothing.
 * - Patience of an abandoned row with a left time: left − issued.
 * - Patience of an abandoned row without a left time: the moment its turn had passed, less a microsecond — the
 *   earliest call of a ticket of its agency issued after it (of its class or lower: a non-priority row is not
 *   passed by a later priority call), or its own call when the log has one (called, nobody came). It was gone
 *   by then, so this is an upper bound: in the log's own layout it leaves just before its turn, as it did; in a
 *   better layout it may be served where the real visitor, leaving earlier, was not. With no later call of its
 *   agency that day it leaves at once (patience 0). Counted in `counts.abandonedWithoutLeft`.
 * - No-show rows: online visitors who never come (flags ONLINE + ABSENT) at their issued time: no queue, no work.
 * - Not-served rows (sent home at close) and rows still 'waiting' when the log ends: they queue with unlimited
 *   patience; the scenario's `atClose` decides whether the replay serves them after close or sends them home.
 * - Rows with an issued time outside the day (not in [0, 24 h)) are dropped and counted in `counts.badTime`.
 */
import type { LogRecord } from '../calibrate/logRecord';
import { ServiceMatcher, type ServiceMatch } from '../calibrate/logIds';
import type { DayId, Scenario } from '../model/scenario';
import { ABSENT, ONLINE, PRIORITY, type DayDemand } from '../sim/demand';
import { distributionMean } from '../sim/distributions';
import { demandOfVisitors, type TraceLeg, type TraceVisitor } from '../sim/traceFeed';
import { compareDates, median } from './logDays';

/** One log day of a trace: its date and weekday, its visitors as DayDemand, and per leg the log line it came from. */
export interface TraceDay {
	date: string;
	weekday: DayId;
	demand: DayDemand;
	/** Per leg of `demand` (demand.legStart order): the row's line in the log. */
	lines: Int32Array;
}

/** What became of the rows: legs per outcome as replayed, and rows dropped. */
export interface TraceCounts {
	rows: number;
	legs: number;
	served: number;
	abandoned: number;
	/** Abandoned rows with no left time (patience bounded by their turn, see above). */
	abandonedWithoutLeft: number;
	noShow: number;
	notServed: number;
	waiting: number;
	/** Served rows without a usable duration (their work is the service's median). */
	servedWithoutDuration: number;
	/** Rows dropped: issued time not within the day. */
	badTime: number;
	/** Rows dropped: service not in the scenario. */
	unmatched: number;
}

/** A log's arrivals as the simulator's demand, matched to a scenario's services. */
export interface Trace {
	days: TraceDay[];
	unmatched: Array<{ agencyKey: string; serviceKey: string; rows: number }>;
	counts: TraceCounts;
}

/** A visitor being built: its legs, their log lines, and whether its last leg so far was served. */
interface Visitor extends TraceVisitor {
	legs: TraceLeg[];
	lines: number[];
	lastServed: boolean;
}

/** A matched row with what the trace needs of it. */
interface Row {
	r: LogRecord;
	m: ServiceMatch;
}

/** Less than any clock difference a log can hold: a bounded patience runs out just before the turn it bounds. */
const BEFORE_TURN = 1e-6;

/** The log's rows as a trace through `scenario`'s services: days in date order, visitors in time order. */
export function buildTrace(records: readonly LogRecord[], scenario: Scenario): Trace {
	const counts: TraceCounts = { rows: records.length, legs: 0, served: 0, abandoned: 0, abandonedWithoutLeft: 0, noShow: 0, notServed: 0, waiting: 0, servedWithoutDuration: 0, badTime: 0, unmatched: 0 };
	const matcher = new ServiceMatcher(scenario);
	const unmatched = new Map<string, { agencyKey: string; serviceKey: string; rows: number }>();
	const byDate = new Map<string, Row[]>();
	for (const r of records) {
		if (!(r.issued >= 0 && r.issued < 1440)) {
			counts.badTime++;
			continue;
		}
		const m = matcher.find(r.agency, r.service);
		if (m === null) {
			const key = `${r.agency}\u0000${r.service}`;
			const u = unmatched.get(key) ?? { agencyKey: r.agency, serviceKey: r.service, rows: 0 };
			u.rows++;
			unmatched.set(key, u);
			counts.unmatched++;
			continue;
		}
		const day = byDate.get(r.date);
		if (day) day.push({ r, m });
		else byDate.set(r.date, [{ r, m }]);
	}
	const work = new MedianWork(scenario, byDate);
	const days = [...byDate.keys()].sort(compareDates).map((date) => traceDay(date, byDate.get(date)!, work, counts));
	return { days, unmatched: [...unmatched.values()], counts };
}

/** One date's rows as its visitors. */
function traceDay(date: string, rows: Row[], work: MedianWork, counts: TraceCounts): TraceDay {
	const turns = new Turns(rows);
	const visits = new Map<string, Row[]>();
	for (const row of rows) {
		const v = visits.get(row.r.visit);
		if (v) v.push(row);
		else visits.set(row.r.visit, [row]);
	}
	const visitors: Visitor[] = [];
	for (const legs of visits.values()) {
		legs.sort((a, b) => a.r.issued - b.r.issued || a.r.line - b.r.line);
		let current: Visitor | null = null;
		for (const row of legs) {
			const r = row.r;
			const leg = traceLeg(row, work, turns, counts);
			// A further leg follows a served leg of the same visitor; anything else starts a visitor of its own.
			if (current === null || r.outcome === 'no-show' || !current.lastServed) {
				const flags = (r.priority ? PRIORITY : 0) | (r.online || r.outcome === 'no-show' ? ONLINE : 0) | (r.outcome === 'no-show' ? ABSENT : 0);
				current = { eventTime: r.issued, arrival: r.issued, flags, legs: [], lines: [], lastServed: false };
				visitors.push(current);
			}
			current.legs.push(leg);
			current.lines.push(r.line);
			current.lastServed = r.outcome === 'served';
		}
	}
	// demandOfVisitors keeps equal times in the given order: by first line, so the replay is reproducible.
	visitors.sort((a, b) => a.eventTime - b.eventTime || a.lines[0] - b.lines[0]);
	const demand = demandOfVisitors(visitors);
	const lines = Int32Array.from(visitors.flatMap((v) => v.lines));
	counts.legs += lines.length;
	return { date, weekday: rows[0].r.weekday, demand, lines };
}

/** A row's leg: its service, its work content and its patience (see the header). */
function traceLeg({ r, m }: Row, work: MedianWork, turns: Turns, counts: TraceCounts): TraceLeg {
	switch (r.outcome) {
		case 'served': {
			counts.served++;
			const d = counterTime(r);
			if (d >= 0) return { service: m.index, work: d, patience: Infinity };
			counts.servedWithoutDuration++;
			return { service: m.index, work: work.of(m), patience: Infinity };
		}
		case 'abandoned': {
			counts.abandoned++;
			if (r.left >= r.issued) return { service: m.index, work: work.of(m), patience: r.left - r.issued };
			counts.abandonedWithoutLeft++;
			return { service: m.index, work: work.of(m), patience: turns.patienceBound(r, m) };
		}
		case 'no-show':
			counts.noShow++;
			return { service: m.index, work: work.of(m), patience: Infinity };
		case 'not-served':
			counts.notServed++;
			return { service: m.index, work: work.of(m), patience: Infinity };
		default:
			counts.waiting++;
			return { service: m.index, work: work.of(m), patience: Infinity };
	}
}

/**
 * The turns of one day's rows, per agency: for a row, the earliest call of a row of its agency issued after it
 * (of its class or lower), from suffix minima over the rows in issued order.
 */
class Turns {
	private readonly byAgency = new Map<string, { issued: Float64Array; line: Int32Array; anyCall: Float64Array; plainCall: Float64Array }>();

	constructor(rows: readonly Row[]) {
		const groups = new Map<string, LogRecord[]>();
		for (const { r, m } of rows) {
			const g = groups.get(m.agency);
			if (g) g.push(r);
			else groups.set(m.agency, [r]);
		}
		for (const [agency, g] of groups) {
			g.sort((a, b) => a.issued - b.issued || a.line - b.line);
			const n = g.length;
			const t = { issued: new Float64Array(n), line: new Int32Array(n), anyCall: new Float64Array(n + 1), plainCall: new Float64Array(n + 1) };
			t.anyCall[n] = t.plainCall[n] = Infinity;
			for (let i = n - 1; i >= 0; i--) {
				const c = g[i].called === g[i].called ? g[i].called : Infinity;
				t.issued[i] = g[i].issued;
				t.line[i] = g[i].line;
				t.anyCall[i] = Math.min(c, t.anyCall[i + 1]);
				t.plainCall[i] = Math.min(g[i].priority ? Infinity : c, t.plainCall[i + 1]);
			}
			this.byAgency.set(agency, t);
		}
	}

	/** An abandoned row's patience bound: until its turn had passed (0 when no later call came). */
	patienceBound(r: LogRecord, m: ServiceMatch): number {
		const t = this.byAgency.get(m.agency)!;
		// The row's own position: the first with a later (issued, line).
		let lo = 0;
		let hi = t.issued.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (t.issued[mid] < r.issued || (t.issued[mid] === r.issued && t.line[mid] <= r.line)) lo = mid + 1;
			else hi = mid;
		}
		const later = r.priority ? t.anyCall[lo] : t.plainCall[lo];
		const own = r.called === r.called ? r.called : Infinity;
		const turn = Math.min(later, own);
		if (turn === Infinity) return 0;
		return Math.max(0, turn - r.issued - BEFORE_TURN);
	}
}

/** Work content for rows never served: the median observed duration of the service, else its agency, else the log. */
class MedianWork {
	private readonly service = new Map<number, number>();
	private readonly agency = new Map<string, number>();
	private readonly all: number;
	private readonly fallback: number[];

	constructor(scenario: Scenario, byDate: Map<string, Row[]>) {
		const s = new Map<number, number[]>();
		const a = new Map<string, number[]>();
		const all: number[] = [];
		for (const rows of byDate.values()) {
			for (const { r, m } of rows) {
				if (r.outcome !== 'served') continue;
				const d = counterTime(r);
				if (!(d >= 0)) continue;
				push(s, m.index, d);
				push(a, m.agency, d);
				all.push(d);
			}
		}
		for (const [k, v] of s) this.service.set(k, median(v));
		for (const [k, v] of a) this.agency.set(k, median(v));
		this.all = all.length ? median(all) : NaN;
		this.fallback = scenario.agencies.flatMap((ag) => ag.services.map((sv) => distributionMean(sv.serviceTime)));
	}

	of(m: ServiceMatch): number {
		const w = this.service.get(m.index) ?? this.agency.get(m.agency) ?? this.all;
		return w === w ? w : this.fallback[m.index];
	}
}

function push<K>(map: Map<K, number[]>, key: K, v: number): void {
	const list = map.get(key);
	if (list) list.push(v);
	else map.set(key, [v]);
}

/** The counter's time on a served row: from its call (else its start) to its end; NaN when unknown. */
function counterTime(r: LogRecord): number {
	return r.end - (r.called === r.called ? r.called : r.start);
}
