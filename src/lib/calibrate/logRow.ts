/**
 * One CSV row of a ticket log to one LogRecord, or the reason it cannot be used. The checks run in this order and
 * the first that fails names the row's reason: bad-row (field count), bad-time (a time that is not a time, is more
 * than a day after the row's date, or a leave before the issue), bad-date, missing-service, unknown-status,
 * missing-time (a served row needs issue, call and end; every other outcome but no-show an issue),
 * call-before-issue, start-before-call, end-before-start, outside-hours, duplicate-ticket.
 *
 * The row's day: the date column; else the date of its first time that has one (issue, call, start, end, left);
 * else, for the project's visits.csv, "r<replication>-d<day>". Times are minutes after midnight of that day; a time
 * dated the next day counts on past 1440 (a ticket served after midnight: rare, and kept simple).
 * A duplicate is an exact repeat: the same day, ticket, service and issue time as an earlier used row (a visitor's
 * second service under the same ticket differs in service or time and is kept).
 */
import type { LogNote } from './logNotes';
import type { DayId } from '../model/scenario';
import { columnIndices } from './logColumns';
import type { ColumnMap, LogField, LogOutcome, LogRecord, RejectReason } from './logRecord';
import { SeenRows } from './logDuplicates';
import { LogWords } from './logStatus';
import { dayKey, newMoment, parseMoment, weekdayOf } from './logTime';

/** Opening hours by weekday, minutes after midnight; null: closed. */
export type HoursOf = (weekday: DayId) => { open: number; close: number } | null;

// The time fields, in the order a row's day is looked for in them.
const ISSUED = 0;
const CALLED = 1;
const START = 2;
const END = 3;
const LEFT = 4;
const TIME_FIELDS = ['issued', 'called', 'start', 'end', 'left'] as const;

/** Keeps one copy of each repeated string (agency, service, counter…); stops remembering after `limit` of them. */
class Interner {
	private readonly seen = new Map<string, string>();
	constructor(private readonly limit = 100_000) {}
	get(s: string): string {
		const known = this.seen.get(s);
		if (known !== undefined) return known;
		if (this.seen.size < this.limit) this.seen.set(s, s);
		return s;
	}
}

/** A small number for a string, the same for equal strings (the next free one for a new string). */
function idOf(ids: Map<string, number>, key: string): number {
	let id = ids.get(key);
	if (id === undefined) ids.set(key, (id = ids.size));
	return id;
}

function isBlankCell(s: string): boolean {
	return s.length === 0 || (s.charCodeAt(0) <= 32 && s.trim() === '');
}

/** A whole number written with digits only (spaces around allowed), else NaN. */
function wholeNumber(s: string): number {
	const t = s.trim();
	if (t.length === 0 || t.length > 9) return NaN;
	let v = 0;
	for (let i = 0; i < t.length; i++) {
		const d = t.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return NaN;
		v = v * 10 + d;
	}
	return v;
}

/** The letters a ticket number starts with ("A-012" → "A", "B12" → "B"); "" when it starts otherwise. */
function ticketPrefix(ticket: string): string {
	let n = 0;
	while (n < ticket.length) {
		const c = ticket.charCodeAt(n) | 0x20;
		if (c < 97 || c > 122) break;
		n++;
	}
	return ticket.slice(0, n).toUpperCase();
}

/** Turns rows of one log into records (see the file's comment). One per log read. */
export class RowReader {
	private readonly ix: ReturnType<typeof columnIndices>;
	private readonly timeIx: number[];
	private readonly words = new LogWords();
	private readonly strings = new Interner();
	private readonly dayKeys = new Map<number, string>();
	private readonly runDayKeys = new Map<number, string>();
	private readonly seen = new SeenRows();
	private readonly dateIds = new Map<string, number>();
	private readonly serviceIds = new Map<string, number>();
	private readonly hourCache = new Map<DayId, { open: number; close: number } | null>();
	private readonly moment = newMoment();
	private readonly days = new Float64Array(5);
	private readonly mins = new Float64Array(5);
	/** The row's calendar day number after read() (NaN for a visits.csv day key). */
	day = NaN;
	private offsets = 0;
	/** The field at fault in the last rejected row, and the time field being read when times failed. */
	private blamed: LogField | null = null;
	private badTime = 0;
	private nextDay = 0;
	private inferred = 0;
	private undated = 0;

	constructor(
		private readonly header: readonly string[],
		columns: ColumnMap,
		private readonly hours?: HoursOf
	) {
		this.ix = columnIndices(header, columns);
		this.timeIx = TIME_FIELDS.map((f) => this.ix[f]);
	}

	/** The column at fault in the last rejected row (its header text), null when no one column is. */
	get blamedColumn(): string | null {
		return this.blamed === null ? null : (this.header[this.ix[this.blamed]] ?? null);
	}

	/** Rejects a row for `reason`, noting the field at fault. */
	private blame(reason: RejectReason, field: LogField | null): RejectReason {
		this.blamed = field !== null && this.ix[field] >= 0 ? field : null;
		return reason;
	}

	/** Things noticed that reject no row, for the report's notes. */
	notes(): LogNote[] {
		const notes: LogNote[] = [];
		const ix = this.ix;
		const note = (code: LogNote['code'], count = 0) => notes.push({ code, count });
		if (ix.status < 0) note('no-status');
		else if (this.inferred > 0) note('inferred-status', this.inferred);
		if (ix.start < 0) note('no-start');
		if (ix.agency < 0) note('no-agency');
		if (this.offsets > 0) note('offsets', this.offsets);
		if (this.undated > 0) note('undated', this.undated);
		if (this.nextDay > 0) note('next-day', this.nextDay);
		return notes;
	}

	/** The row's record, or why it cannot be used. */
	read(f: string[], line: number): LogRecord | RejectReason {
		this.blamed = null;
		if (f.length !== this.header.length && !(f.length > this.header.length && extrasBlank(f, this.header.length))) {
			return 'bad-row';
		}
		if (!this.readTimes(f)) return this.blame('bad-time', TIME_FIELDS[this.badTime]);
		const date = this.readDay(f);
		if (date === null) return this.blame('bad-date', this.ix.date >= 0 ? 'date' : null);
		const weekday = this.day === this.day ? weekdayOf(this.day) : this.words.weekday(this.cell(f, this.ix.weekday));
		if (weekday === null) return this.blame('bad-date', 'weekday');
		if (!this.timesOnDay()) return this.blame('bad-time', TIME_FIELDS[this.badTime]);
		const service = this.cell(f, this.ix.service).trim();
		if (service.length === 0) return this.blame('missing-service', 'service');
		const outcome = this.outcome(f);
		if (outcome === null) return this.blame('unknown-status', 'status');
		const m = this.mins;
		let called = m[CALLED];
		if (called !== called) called = m[START];
		const issued = m[ISSUED];
		const served = outcome === 'served';
		const noIssue = issued !== issued && outcome !== 'no-show';
		if (noIssue || (served && (called !== called || m[END] !== m[END]))) {
			return this.blame('missing-time', noIssue ? 'issued' : called !== called ? 'called' : 'end');
		}
		if (called < issued) return this.blame('call-before-issue', m[CALLED] === m[CALLED] ? 'called' : 'start');
		const start = served ? (m[START] === m[START] ? m[START] : called) : NaN;
		if (start < called) return this.blame('start-before-call', 'start');
		if (served && m[END] < start) return this.blame('end-before-start', 'end');
		const left = m[LEFT] === m[LEFT] || outcome !== 'abandoned' ? m[LEFT] : issued + this.minutesWaited(f);
		if (left < issued) return this.blame('bad-time', m[LEFT] === m[LEFT] ? 'left' : 'wait');
		if (this.hours !== undefined && issued === issued && !this.withinHours(weekday, issued)) return this.blame('outside-hours', 'issued');
		const ticket = this.cell(f, this.ix.ticket).trim();
		const serviceKey = this.strings.get(service);
		if (ticket.length > 0 && !this.seen.add(idOf(this.dateIds, date), idOf(this.serviceIds, serviceKey), ticket, issued)) {
			return this.blame('duplicate-ticket', 'ticket');
		}
		return {
			line,
			date,
			weekday,
			visit: this.visit(f, date, ticket, line),
			ticket,
			agency: this.agency(f, ticket, serviceKey),
			service: serviceKey,
			counter: this.strings.get(this.cell(f, this.ix.counter).trim()),
			issued,
			called,
			start,
			end: served ? m[END] : NaN,
			left,
			outcome,
			online: this.ix.channel >= 0 && this.words.online(f[this.ix.channel]),
			priority: this.ix.priority >= 0 && this.words.priority(f[this.ix.priority])
		};
	}

	/** The row's wait column in minutes (NaN when the log has none or it is not a number). */
	private minutesWaited(f: string[]): number {
		const text = this.cell(f, this.ix.wait).trim();
		const w = text === '' ? NaN : Number(text);
		return w >= 0 && w < Infinity ? w : NaN;
	}

	private cell(f: string[], index: number): string {
		return index >= 0 ? (f[index] ?? '') : '';
	}

	/** Parses the five time cells into days and minutes (NaN where blank); false when one is not a time. */
	private readTimes(f: string[]): boolean {
		const m = this.moment;
		for (let k = 0; k < 5; k++) {
			const s = this.cell(f, this.timeIx[k]);
			if (isBlankCell(s)) {
				this.days[k] = NaN;
				this.mins[k] = NaN;
				continue;
			}
			this.badTime = k;
			if (!parseMoment(s, m) || m.minutes !== m.minutes) return false;
			if (m.offset) this.offsets++;
			this.days[k] = m.day;
			this.mins[k] = m.minutes;
		}
		return true;
	}

	/** The row's day key (setting `day`), or null when the row has none that reads. */
	private readDay(f: string[]): string | null {
		this.day = NaN;
		const dateCell = this.cell(f, this.ix.date);
		if (!isBlankCell(dateCell)) {
			if (!parseMoment(dateCell, this.moment) || this.moment.day !== this.moment.day) return null;
			this.day = this.moment.day;
		} else {
			for (let k = 0; k < 5 && this.day !== this.day; k++) this.day = this.days[k];
		}
		if (this.day === this.day) {
			let key = this.dayKeys.get(this.day);
			if (key === undefined) this.dayKeys.set(this.day, (key = dayKey(this.day)));
			return key;
		}
		if (this.ix.day < 0) {
			this.undated++;
			return null;
		}
		const day = wholeNumber(this.cell(f, this.ix.day));
		const replication = this.ix.replication < 0 ? 1 : wholeNumber(this.cell(f, this.ix.replication));
		// The bounds keep replication * 1e7 + day an exact integer, one per (replication, day).
		if (!(day >= 1 && day < 1e7) || !(replication >= 1 && replication < 9e8)) return null;
		const id = replication * 1e7 + day;
		let key = this.runDayKeys.get(id);
		if (key === undefined) this.runDayKeys.set(id, (key = `r${replication}-d${day}`));
		return key;
	}

	/** Turns dated times into minutes after midnight of the row's day; false for a date not that day or the next. */
	private timesOnDay(): boolean {
		if (this.day !== this.day) return true;
		for (let k = 0; k < 5; k++) {
			const d = this.days[k];
			if (d !== d || d === this.day) continue;
			this.badTime = k;
			if (d !== this.day + 1) return false;
			this.mins[k] += 1440;
			this.nextDay++;
		}
		return true;
	}

	/** The status column's outcome; inferred from the times when the log has none (or the cell is blank). */
	private outcome(f: string[]): LogOutcome | null {
		const s = this.cell(f, this.ix.status);
		if (!isBlankCell(s)) return this.words.outcome(s);
		if (this.ix.status >= 0) this.inferred++;
		const m = this.mins;
		if (m[END] === m[END]) return 'served';
		if (m[LEFT] === m[LEFT]) return 'abandoned';
		if (m[CALLED] === m[CALLED]) return 'no-show';
		return 'waiting';
	}

	private withinHours(weekday: DayId, issued: number): boolean {
		let h = this.hourCache.get(weekday);
		if (h === undefined) this.hourCache.set(weekday, (h = this.hours?.(weekday) ?? null));
		return h !== null && issued >= h.open && issued <= h.close;
	}

	private visit(f: string[], date: string, ticket: string, line: number): string {
		const id = this.cell(f, this.ix.visit).trim();
		if (id.length > 0) return `${date}#${id}`;
		return ticket.length > 0 ? `${date}#${ticket}` : `#${line}`;
	}

	private agency(f: string[], ticket: string, service: string): string {
		const a = this.cell(f, this.ix.agency).trim();
		if (a.length > 0) return this.strings.get(a);
		const prefix = ticketPrefix(ticket);
		return prefix.length > 0 ? this.strings.get(prefix) : service;
	}
}

/** Whether the fields past the header's width are all blank (a trailing delimiter on every row is harmless). */
function extrasBlank(f: string[], width: number): boolean {
	for (let i = width; i < f.length; i++) if (!isBlankCell(f[i])) return false;
	return true;
}
