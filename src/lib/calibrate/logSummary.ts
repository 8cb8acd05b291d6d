/**
 * What the estimators need from a log, accumulated one record at a time: counts, histograms and the service
 * durations, never the records themselves, so a log of a million rows costs tens of megabytes, not gigabytes.
 *
 * Memory: times of day go into minute histograms per weekday (2 × 2,880 counts each); durations into growable
 * Float64Arrays per service; a visit that spans several rows needs a little state until the end (its first issue,
 * its legs, its flags) — kept in typed arrays indexed through a Map from the visit key. A row that is a visit of
 * its own (the reader's "#<line>" key) skips the map.
 *
 * Speed: a visit belongs to one date (the reader's visit keys carry the date), so there is one small Map per date
 * rather than one of a million entries — several times faster, as a big table misses the cache on every look-up —
 * and rows of one date, which logs list together, find their Map without a look-up.
 */
import { DAY_IDS, type DayId } from '../model/scenario';
import type { LogOutcome, LogRecord } from './logRecord';

/** Minutes of a day's histograms: two days, so an end time past midnight (25:10) still has a bin. */
export const HISTOGRAM_MINUTES = 2 * 1440;

/** A Float64Array that grows by doubling. */
export class GrowableFloats {
	private data = new Float64Array(16);
	length = 0;
	/** Appends one value. */
	push(x: number): void {
		if (this.length === this.data.length) {
			const next = new Float64Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length++] = x;
	}
	/** The values pushed, as a view (no copy). */
	view(): Float64Array {
		return this.data.subarray(0, this.length);
	}
}

/** One (agency, service) pair as the log names it. */
export interface ServiceTally {
	agency: string;
	service: string;
	/** Rows (legs) for this service, whatever their outcome: the demand for it. */
	legs: number;
	/** Served legs' durations (end − start, minutes; zero kept: the fits read it as "under a second"). */
	durations: GrowableFloats;
	/** Served legs with no duration (no start or end time: not fitted). */
	noDuration: number;
}

/** One agency key: its legs and the letter prefixes its tickets carry. */
export interface AgencyTally {
	legs: number;
	prefixes: Map<string, number>;
	/** Service minutes started in each half hour of each weekday (7 × 96 bins over two days), for logs with no counter column. */
	busy: Float64Array;
	/** Its services by name (the same tallies as LogSummary.services). */
	services: Map<string, ServiceTally>;
}

/** One counter: legs per agency, and per date its first call and last end. */
export interface CounterTally {
	legs: number;
	byAgency: Map<string, number>;
	/** Per date: [weekday index, first call, last end]. */
	dates: Map<string, [number, number, number]>;
}

/** One date: its weekday, rows and visits. */
export interface DateTally {
	weekday: DayId;
	rows: number;
	visits: number;
}

const ONLINE = 1;
const PRIORITY = 2;
const NO_SHOW = 4;
/** Letters that open a ticket number ("A-001", "KK12"): its prefix. */
const PREFIX = /^([A-Za-z]{1,3})(?![A-Za-z])/;

/** A streaming summary of a log: `add` every record, then `finish` once before reading it. */
export class LogSummary {
	rows = 0;
	readonly outcomes: Record<LogOutcome, number> = { served: 0, abandoned: 0, 'no-show': 0, 'not-served': 0, waiting: 0 };
	readonly dates = new Map<string, DateTally>();
	readonly services = new Map<string, ServiceTally>();
	readonly agencies = new Map<string, AgencyTally>();
	readonly counters = new Map<string, CounterTally>();
	/** Per weekday (DAY_IDS order): minute histograms of every row's issue, each visit's first issue, and every end. */
	readonly issues = DAY_IDS.map(() => new Int32Array(HISTOGRAM_MINUTES));
	readonly arrivals = DAY_IDS.map(() => new Int32Array(HISTOGRAM_MINUTES));
	readonly ends = DAY_IDS.map(() => new Int32Array(HISTOGRAM_MINUTES));
	/** Abandoned legs, those with a leave time, and their waits (left − issued). */
	abandonedWithLeft = 0;
	readonly abandonWaits = new GrowableFloats();
	/** Served legs with a call (or start) time, and the sum of their waits (call − issued): censored patience. */
	servedWithCall = 0;
	servedWaitSum = 0;
	/** Visits: all of them, those with more than one row, legs over visits, online, priority, no-show online. */
	visits = 0;
	linkedVisits = 0;
	visitLegs = 0;
	/** Served legs: the trials of "a further service after this one" (a visitor who leaves wants nothing more). */
	servedLegs = 0;
	onlineVisits = 0;
	priorityVisits = 0;
	noShowOnlineVisits = 0;
	noShowVisits = 0;

	private readonly visitMaps = new Map<string, Map<string, number>>();
	private lastDate = '';
	private lastMap: Map<string, number> | null = null;
	private readonly dateKeys: string[] = [];
	private readonly dateIndex = new Map<string, number>();
	private visitCount = 0;
	private vFirst = new Float64Array(1024);
	private vWeekday = new Uint8Array(1024);
	private vDate = new Int32Array(1024);
	private vLegs = new Uint16Array(1024);
	private vFlags = new Uint8Array(1024);
	private finished = false;

	/** Takes one record into the summary (one with an unknown weekday or outcome is left out). */
	add(r: LogRecord): void {
		// The reader never makes such a record; one built elsewhere is left out rather than breaking the histograms.
		if (DAY_IDS.indexOf(r.weekday) < 0 || !Object.hasOwn(this.outcomes, r.outcome)) return;
		this.rows++;
		this.outcomes[r.outcome]++;
		const date = this.dateOf(r.date, r.weekday);
		date.rows++;
		// A date has one weekday, its first row's: every estimate then counts the date on the same weekday.
		const w = DAY_IDS.indexOf(date.weekday);
		bump(this.issues[w], r.issued);
		if (r.end === r.end) bump(this.ends[w], r.end);
		this.addService(r, w);
		this.addWait(r);
		if (r.counter !== '' && r.outcome === 'served') this.addCounter(r, w);
		this.addVisit(r, w);
	}

	/** Ends the stream: visits spread over rows are counted. Idempotent. */
	finish(): this {
		if (this.finished) return this;
		this.finished = true;
		for (let i = 0; i < this.visitCount; i++) this.countVisit(this.dateKeys[this.vDate[i]], this.vWeekday[i], this.vFirst[i], this.vLegs[i], this.vFlags[i]);
		this.visitMaps.clear();
		this.lastMap = null;
		return this;
	}

	private dateOf(key: string, weekday: DayId): DateTally {
		let d = this.dates.get(key);
		if (!d) this.dates.set(key, (d = { weekday, rows: 0, visits: 0 }));
		return d;
	}

	private addService(r: LogRecord, w: number): void {
		// Two look-ups by the (interned) names: no key string to build and hash per row.
		let a = this.agencies.get(r.agency);
		if (!a) this.agencies.set(r.agency, (a = { legs: 0, prefixes: new Map(), busy: new Float64Array(7 * 96), services: new Map() }));
		a.legs++;
		let s = a.services.get(r.service);
		if (!s) {
			s = { agency: r.agency, service: r.service, legs: 0, durations: new GrowableFloats(), noDuration: 0 };
			a.services.set(r.service, s);
			this.services.set(`${r.agency}\u0000${r.service}`, s);
		}
		s.legs++;
		const m = PREFIX.exec(r.ticket);
		if (m) {
			const p = m[1].toUpperCase();
			a.prefixes.set(p, (a.prefixes.get(p) ?? 0) + 1);
		}
		if (r.outcome !== 'served') return;
		this.servedLegs++;
		// Counter time from the call: the simulator's service starts when the ticket is called (a walk to the counter
		// is the counter's time), and the replay uses the same work content.
		const d = r.end - r.called;
		if (d >= 0) {
			s.durations.push(d);
			const bin = Math.min(95, Math.max(0, Math.floor(r.called / 30)));
			a.busy[w * 96 + bin] += d;
		} else s.noDuration++;
	}

	private addWait(r: LogRecord): void {
		if (r.outcome === 'abandoned' && r.left === r.left) {
			this.abandonedWithLeft++;
			this.abandonWaits.push(Math.max(0, r.left - r.issued));
		} else if (r.outcome === 'served') {
			const call = r.called === r.called ? r.called : r.start;
			if (call === call) {
				this.servedWithCall++;
				this.servedWaitSum += Math.max(0, call - r.issued);
			}
		}
	}

	private addCounter(r: LogRecord, w: number): void {
		let c = this.counters.get(r.counter);
		if (!c) this.counters.set(r.counter, (c = { legs: 0, byAgency: new Map(), dates: new Map() }));
		c.legs++;
		c.byAgency.set(r.agency, (c.byAgency.get(r.agency) ?? 0) + 1);
		const call = r.called === r.called ? r.called : r.start;
		const end = r.end === r.end ? r.end : call;
		const d = c.dates.get(r.date);
		if (!d) c.dates.set(r.date, [w, call === call ? call : Infinity, end === end ? end : -Infinity]);
		else {
			if (call < d[1]) d[1] = call;
			if (end > d[2]) d[2] = end;
		}
	}

	private addVisit(r: LogRecord, w: number): void {
		const flags = (r.online ? ONLINE : 0) | (r.priority ? PRIORITY : 0) | (r.outcome === 'no-show' ? NO_SHOW : 0);
		if (r.visit.startsWith('#')) return this.countVisit(r.date, w, r.issued, 1, flags);
		const visits = this.visitsOf(r.date);
		const i = visits.get(r.visit);
		if (i === undefined) {
			const n = this.visitCount++;
			if (n === this.vFirst.length) this.grow();
			visits.set(r.visit, n);
			this.vDate[n] = this.dateIndex.get(r.date)!;
			this.vWeekday[n] = w;
			this.vFirst[n] = r.issued;
			this.vLegs[n] = 1;
			this.vFlags[n] = flags;
			return;
		}
		if (r.issued < this.vFirst[i]) this.vFirst[i] = r.issued;
		if (this.vLegs[i] < 65535) this.vLegs[i]++;
		this.vFlags[i] |= flags & (ONLINE | PRIORITY);
		// A visit is a no-show only when every row of it is.
		if (!(flags & NO_SHOW)) this.vFlags[i] &= ~NO_SHOW;
	}

	/** The visit Map of a date (the last one used without a look-up). */
	private visitsOf(date: string): Map<string, number> {
		if (date === this.lastDate && this.lastMap) return this.lastMap;
		let m = this.visitMaps.get(date);
		if (!m) {
			this.visitMaps.set(date, (m = new Map()));
			this.dateIndex.set(date, this.dateKeys.length);
			this.dateKeys.push(date);
		}
		this.lastDate = date;
		this.lastMap = m;
		return m;
	}

	private grow(): void {
		const n = this.vFirst.length * 2;
		const f = new Float64Array(n);
		f.set(this.vFirst);
		this.vFirst = f;
		const wd = new Uint8Array(n);
		wd.set(this.vWeekday);
		this.vWeekday = wd;
		const d = new Int32Array(n);
		d.set(this.vDate);
		this.vDate = d;
		const l = new Uint16Array(n);
		l.set(this.vLegs);
		this.vLegs = l;
		const fl = new Uint8Array(n);
		fl.set(this.vFlags);
		this.vFlags = fl;
	}

	private countVisit(date: string, w: number, first: number, legs: number, flags: number): void {
		this.visits++;
		this.visitLegs += legs;
		if (legs > 1) this.linkedVisits++;
		const d = this.dates.get(date);
		if (d) d.visits++;
		bump(this.arrivals[w], first);
		if (flags & ONLINE) this.onlineVisits++;
		if (flags & PRIORITY) this.priorityVisits++;
		if (flags & NO_SHOW) {
			this.noShowVisits++;
			if (flags & ONLINE) this.noShowOnlineVisits++;
		}
	}
}

/** Counts a time of day into its minute (clamped to the histogram). */
function bump(h: Int32Array, minutes: number): void {
	if (!(minutes === minutes)) return;
	h[Math.min(HISTOGRAM_MINUTES - 1, Math.max(0, Math.floor(minutes)))]++;
}

/** A summary of a list of records (tests and small logs). */
export function summarise(records: Iterable<LogRecord>): LogSummary {
	const s = new LogSummary();
	for (const r of records) s.add(r);
	return s.finish();
}
