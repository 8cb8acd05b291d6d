/**
 * The dates and times a ticket log writes, read by hand (character codes, no regular expressions: a million-row log
 * has four or five of them a row). Accepted:
 * - date-times: `YYYY-MM-DD` then `T` or spaces then a time (ISO 8601, `2024-03-04T08:05:12.345+07:00`), and
 *   `DD/MM/YYYY HH:MM[:SS]`; the date's separators may be `-`, `/` or `.`, day and month may have one digit;
 * - a time of day alone, `HH:MM[:SS[.fff]]` (the row's day then comes from a date column);
 * - a date alone (for a date column).
 * A time may end in `AM`/`PM`, and in `Z` or an offset (`+07:00`, `+0700`, `+07`). An offset is NOT applied: the
 * time is the wall-clock time as written, which is the hall's own clock in every log seen so far; `offset` says one
 * was there, so the report can say so. Days are counted from 1970-01-01 by calendar arithmetic (no Date, no time
 * zone): the weekday of a date is the same wherever the code runs.
 */
import { DAY_IDS, type DayId } from '../model/scenario';

/** A moment as written: its calendar day (NaN for a time of day alone) and minutes after midnight (NaN for a date alone). */
export interface Moment {
	day: number;
	minutes: number;
	/** The text ended in Z or a UTC offset (ignored: the time is taken as written). */
	offset: boolean;
}

/** A fresh Moment to parse into (reused across rows: parsing allocates nothing). */
export function newMoment(): Moment {
	return { day: NaN, minutes: NaN, offset: false };
}

// The scanner's state. Every parse sets it before reading and is synchronous, so no two parses ever share it.
let text = '';
let at = 0;
let stop = 0;
let count = 0;

const ZERO = 48;
const COLON = 58;
const SPACE = 32;

/** Reads up to `max` decimal digits at `at`; their value, with `count` how many (0: none, and the value is -1). */
function digits(max: number): number {
	let value = 0;
	count = 0;
	while (count < max && at < stop) {
		const d = text.charCodeAt(at) - ZERO;
		if (d < 0 || d > 9) break;
		value = value * 10 + d;
		at++;
		count++;
	}
	return count === 0 ? -1 : value;
}

function isSpace(c: number): boolean {
	return c === SPACE || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function isDateSeparator(c: number): boolean {
	return c === 45 /* - */ || c === 47 /* / */ || c === 46 /* . */;
}

/** Days from 1970-01-01 to a valid civil date, else NaN (H. Hinnant's days_from_civil, integers only). */
export function dayNumber(year: number, month: number, day: number): number {
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "YYYY-MM-DD" of a day number (the inverse of dayNumber). */
export function dayKey(day: number): string {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): DayId {
	return DAY_IDS[(((day + 3) % 7) + 7) % 7];
}

/** Reads a date at `at` whose first number (`first`, `firstDigits` long) is already read; its day number or NaN. */
function readDate(first: number, firstDigits: number): number {
	const sep = text.charCodeAt(at);
	at++;
	const second = digits(2);
	if (second < 0 || text.charCodeAt(at) !== sep) return NaN;
	at++;
	if (firstDigits === 4) {
		const third = digits(2);
		return third < 0 ? NaN : dayNumber(first, second, third);
	}
	const year = digits(4);
	return count !== 4 || firstDigits > 2 ? NaN : dayNumber(year, second, first);
}

/** Reads "HH:MM[:SS[.fff]]" whose hour is already read; minutes after midnight or NaN. */
function readClock(hour: number, hourDigits: number): number {
	if (hourDigits > 2 || hour > 23 || text.charCodeAt(at) !== COLON) return NaN;
	at++;
	const minute = digits(2);
	if (count !== 2 || minute > 59) return NaN;
	let seconds = 0;
	if (at < stop && text.charCodeAt(at) === COLON) {
		at++;
		seconds = digits(2);
		if (count !== 2 || seconds > 59) return NaN;
		const c = text.charCodeAt(at);
		if (at < stop && (c === 46 || c === 44)) {
			at++;
			let scale = 0.1;
			const from = at;
			for (let d = text.charCodeAt(at) - ZERO; at < stop && d >= 0 && d <= 9; d = text.charCodeAt(at) - ZERO) {
				seconds += d * scale;
				scale /= 10;
				at++;
			}
			if (at === from) return NaN;
		}
	}
	return hour * 60 + minute + seconds / 60;
}

/** After a clock time: optional AM/PM (adjusting `minutes`), then optional Z or offset. NaN when something else follows. */
function readSuffix(minutes: number, out: Moment): number {
	if (minutes !== minutes) return NaN;
	while (at < stop && isSpace(text.charCodeAt(at))) at++;
	const c = text.charCodeAt(at) | 0x20;
	if (at + 1 < stop && (c === 97 || c === 112) && (text.charCodeAt(at + 1) | 0x20) === 109) {
		const hour = Math.floor(minutes / 60);
		if (hour < 1 || hour > 12) return NaN;
		minutes += (c === 112 ? (hour === 12 ? 0 : 12) : hour === 12 ? -12 : 0) * 60;
		at += 2;
		while (at < stop && isSpace(text.charCodeAt(at))) at++;
	}
	if (at === stop) return minutes;
	const z = text.charCodeAt(at);
	if (z === 90 || z === 122) at++;
	else if (z === 43 || z === 45) {
		at++;
		digits(2);
		if (count !== 2) return NaN;
		if (at < stop && text.charCodeAt(at) === COLON) at++;
		if (at < stop) {
			digits(2);
			if (count !== 2) return NaN;
		}
	} else return NaN;
	out.offset = true;
	return at === stop ? minutes : NaN;
}

/**
 * Parses a date, a date-time or a time of day (see the file's comment) into `out`; false when the text is none of
 * them (then `out` is unspecified). Surrounding spaces are ignored; empty text is false.
 */
export function parseMoment(value: string, out: Moment): boolean {
	text = value;
	at = 0;
	stop = value.length;
	while (at < stop && isSpace(text.charCodeAt(at))) at++;
	while (stop > at && isSpace(text.charCodeAt(stop - 1))) stop--;
	out.day = NaN;
	out.minutes = NaN;
	out.offset = false;
	const first = digits(4);
	if (first < 0) return false;
	const firstDigits = count;
	if (at === stop) return false;
	if (text.charCodeAt(at) === COLON) {
		out.minutes = readSuffix(readClock(first, firstDigits), out);
		return out.minutes === out.minutes;
	}
	if (!isDateSeparator(text.charCodeAt(at))) return false;
	out.day = readDate(first, firstDigits);
	if (out.day !== out.day) return false;
	if (at === stop) return true;
	const sep = text.charCodeAt(at);
	if (sep === 84 || sep === 116) at++;
	else if (!isSpace(sep)) return false;
	while (at < stop && isSpace(text.charCodeAt(at))) at++;
	const hour = digits(2);
	if (hour < 0) return false;
	out.minutes = readSuffix(readClock(hour, count), out);
	return out.minutes === out.minutes;
}
