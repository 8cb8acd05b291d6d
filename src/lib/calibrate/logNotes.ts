/**
 * What the reader notices without rejecting a row, as codes with a count: the CLI and the files print them in
 * English (`noteText`), the app in the reader's language (a dictionary entry per code).
 */

/** Empty days listed at most (a mistyped year would otherwise list every day of a century). */
export const EMPTY_DAYS_LISTED = 1000;

/** The kinds of note. */
export const LOG_NOTE_CODES = ['no-status', 'inferred-status', 'no-start', 'no-agency', 'offsets', 'undated', 'next-day', 'more-empty-days'] as const;
export type LogNoteCode = (typeof LOG_NOTE_CODES)[number];

/** One note: its kind and how many rows, times or days it concerns (0 where it is about a column). */
export interface LogNote {
	code: LogNoteCode;
	count: number;
}

/** A note in English, as the CLI and the report files give it. */
export function noteText(n: LogNote): string {
	switch (n.code) {
		case 'no-status':
			return 'no status column: outcomes inferred from the times (end: served; left: abandoned; called, no end: no-show; else waiting)';
		case 'inferred-status':
			return `${n.count} rows with an empty status: outcome inferred from the times`;
		case 'no-start':
			return 'no service-start column: service starts at the call';
		case 'no-agency':
			return "no agency column: agencies keyed by the ticket's letter prefix, else by the service";
		case 'offsets':
			return `${n.count} times carry a UTC offset or Z: read as the wall-clock time written, offset ignored`;
		case 'undated':
			return `${n.count} rows have times of day but no date (no date column): rejected as bad-date; use --map date=<column>`;
		case 'next-day':
			return `${n.count} times fall on the day after the row's date: counted past 24:00 (minutes > 1440)`;
		case 'more-empty-days':
			return `${n.count} more working days with no ticket are not listed (only the first ${EMPTY_DAYS_LISTED})`;
	}
}
