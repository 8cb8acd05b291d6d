/**
 * A ticket log, normalised: what every part of calibration, replay and validation reads. The reader
 * (`logReader.ts`) turns one CSV row into one LogRecord (or rejects it, with its reason and line); nothing
 * downstream sees the log's own column names, time formats or status words.
 */
import type { LogNote } from './logNotes';
import type { DayId } from '../model/scenario';

/** The fields a log's columns can map to. */
export const LOG_FIELDS = [
	'date',
	'weekday',
	'replication',
	'day',
	'ticket',
	'visit',
	'agency',
	'service',
	'counter',
	'issued',
	'called',
	'start',
	'end',
	'left',
	'wait',
	'status',
	'channel',
	'priority'
] as const;
export type LogField = (typeof LOG_FIELDS)[number];

/** Which column (by its header text, as written in the file) holds each field; a field not in the log is absent. */
export type ColumnMap = Partial<Record<LogField, string>>;

/** How a row's ticket ended, as the log says (or as its times imply when it has no status column). */
export type LogOutcome = 'served' | 'abandoned' | 'no-show' | 'not-served' | 'waiting';

/** One usable row of a ticket log. Times are minutes after midnight of the row's day; NaN where the log has none. */
export interface LogRecord {
	/** The row's line in the file (the header is line 1). */
	line: number;
	/**
	 * The row's day: "YYYY-MM-DD" from a date column or the date part of a date-time; for a log with no date but a
	 * day number (the project's own visits.csv) "r<replication>-d<day>".
	 */
	date: string;
	weekday: DayId;
	/**
	 * The visit this row belongs to: "<date>#<visit id>" from a visit column (visits.csv: its visitor number), else
	 * "<date>#<ticket>", else "#<line>" (a visit of its own).
	 */
	visit: string;
	/** Ticket number as written ("" if the log has none). */
	ticket: string;
	/** Agency key: the agency column, else the ticket's letter prefix, else the service. */
	agency: string;
	/** Service key as written. */
	service: string;
	/** Counter as written ("" when never served). */
	counter: string;
	issued: number;
	/** NaN when never called. */
	called: number;
	/** Service start: the call when the log has no start column; NaN when not served. */
	start: number;
	/** NaN when not served. */
	end: number;
	/**
	 * When the visitor left without service (NaN unless the log says): its leave-time column, else for an abandoned
	 * row issue time + minutes waited when the log has a wait column (visits.csv's wait_min).
	 */
	left: number;
	outcome: LogOutcome;
	/** Booked online (false when the log has no channel column). */
	online: boolean;
	/** In the priority class (false when the log has no priority column). */
	priority: boolean;
}

/** Why a row was not used. */
export const REJECT_REASONS = [
	'bad-row',
	'missing-time',
	'bad-time',
	'bad-date',
	'missing-service',
	'call-before-issue',
	'start-before-call',
	'end-before-start',
	'unknown-status',
	'duplicate-ticket',
	'outside-hours'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Rows rejected for one reason: how many, and the lines (and columns) of the first of them (at most REJECTED_LINES_KEPT). */
export interface Rejected {
	reason: RejectReason;
	count: number;
	lines: number[];
	/** Per kept line, the column at fault (its header text; "" when no one column is, as for a bad row). */
	columns: string[];
}

/** Lines kept per reject reason (the count is always whole). */
export const REJECTED_LINES_KEPT = 10_000;

/** What reading a log found: what it read, what it used, what it rejected and why. */
export interface QualityReport {
	file: string;
	/** The delimiter detected (",", ";" or "\t"). */
	delimiter: string;
	/** The header as written. */
	header: string[];
	/** The column each field was read from. */
	columns: ColumnMap;
	/** Data rows read (not counting the header). */
	rowsRead: number;
	rowsUsed: number;
	/** Only reasons that occurred, in REJECT_REASONS order. */
	rejected: Rejected[];
	/** First and last day with a used row ("YYYY-MM-DD" or the day keys of visits.csv), null when none. */
	firstDate: string | null;
	lastDate: string | null;
	/** Days the log covers: distinct dates with a used row. */
	days: number;
	/** Working days (a weekday seen elsewhere in the log) between first and last date with no ticket at all. */
	emptyDays: string[];
	/** Things worth saying that reject no row (e.g. "no status column: outcomes inferred from the times"), in English. */
	notes: string[];
	/** The same notes as codes with their counts, for a reader in another language. */
	noteCodes: LogNote[];
}
