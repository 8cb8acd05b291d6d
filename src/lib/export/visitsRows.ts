/**
 * visits.csv rows written straight into UTF-8 bytes: the one definition of a visits.csv row, used by the CLI's
 * streamed file and by `visitsCsv`'s text alike.
 *
 * Speed (the hot file of `--out`: a continuous run writes a million rows): a row is never a string or an array of
 * cells. Digits, clock times and plain-ASCII cells go byte by byte into one growing buffer; only a cell that needs
 * quotes, a formula guard or non-ASCII characters, and a number outside the fast paths, goes through the string
 * formatters of cells.ts (which define every format: the fast paths must agree with them, and a test holds that
 * they do).
 */
import type { LegRecord } from '../records/legRecord';
import { clockCell, csvField, fixed, integer, isFormulaStart, textCell } from './cells';

const COMMA = 44;
const NEWLINE = 10;
const ZERO = 48;
const COLON = 58;
const encoder = new TextEncoder();
/** More than the numbers, clock times and separators of a row take on the fast paths (under 200 bytes). */
const ROW_NUMBERS = 256;

export class VisitsRows {
	private buf: Uint8Array;
	/** Bytes written: buf[0, length). */
	length = 0;
	/** The last clock time written, at buf[lastClockAt, lastClockEnd) (NaN: none since the last clear). */
	private lastClock = Number.NaN;
	private lastClockAt = 0;
	private lastClockEnd = 0;

	constructor(capacity = 1 << 16) {
		this.buf = new Uint8Array(capacity);
	}

	/** The rows written so far (a view: valid until the next `add` or `clear`). */
	bytes(): Uint8Array {
		return this.buf.subarray(0, this.length);
	}

	/** Forgets the rows written, keeping the buffer. */
	clear(): void {
		this.length = 0;
		this.lastClock = Number.NaN;
	}

	/** Appends a leg's row and its line end. */
	add(l: LegRecord): void {
		// Each text cell makes room for itself and the numbers that may follow it.
		this.room(ROW_NUMBERS);
		this.count(l.replication + 1);
		this.count(l.day + 1);
		this.text(l.dayId);
		this.count(l.visitor);
		this.text(l.ticket);
		this.text(l.agency);
		this.text(l.service);
		this.text(l.channel);
		this.buf[this.length++] = l.priority ? ZERO + 1 : ZERO;
		this.buf[this.length++] = COMMA;
		this.clock(l.arrival);
		this.clock(l.ticketTime);
		this.clock(l.call);
		this.clock(l.start);
		this.clock(l.end);
		this.text(l.counter);
		this.minutes(l.wait);
		this.text(l.outcome, NEWLINE);
	}

	/** Makes room for `n` more bytes. */
	private room(n: number): void {
		if (this.length + n <= this.buf.length) return;
		const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
		grown.set(this.bytes());
		this.buf = grown;
	}

	/** A non-negative integer's digits at the end, no separator. */
	private digits(n: number): void {
		const buf = this.buf;
		let end = this.length + 1;
		for (let p = 10; p <= n; p *= 10) end++;
		this.length = end;
		do {
			buf[--end] = ZERO + (n % 10);
			n = Math.floor(n / 10);
		} while (n > 0);
	}

	/** integer(x) and a comma. */
	private count(x: number): void {
		if (Number.isSafeInteger(x) && x >= 0) this.digits(x);
		else this.ascii(integer(x));
		this.buf[this.length++] = COMMA;
	}

	/** clockCell(minutes) ("HH:MM:SS", "" when not reached) and a comma. */
	private clock(minutes: number): void {
		if (minutes === this.lastClock) {
			// A leg's arrival and ticket time, and its call and start, are mostly the same moment: its bytes again.
			this.buf.copyWithin(this.length, this.lastClockAt, this.lastClockEnd);
			this.length += this.lastClockEnd - this.lastClockAt;
		} else if (minutes >= 0 && minutes < 1e9) {
			this.lastClock = minutes;
			this.lastClockAt = this.length;
			// formatClockSeconds' arithmetic, written as digits.
			const s = Math.floor(minutes * 60 + 1e-6);
			const h = Math.floor(s / 3600);
			const m = Math.floor((s - h * 3600) / 60);
			this.two(h);
			this.buf[this.length++] = COLON;
			this.two(m);
			this.buf[this.length++] = COLON;
			this.two(s - h * 3600 - m * 60);
			this.lastClockEnd = this.length;
		} else if (!Number.isNaN(minutes)) this.ascii(clockCell(minutes));
		this.buf[this.length++] = COMMA;
	}

	/** n with at least two digits. */
	private two(n: number): void {
		if (n < 10) this.buf[this.length++] = ZERO;
		this.digits(n);
	}

	/** fixed(x, 2) and a comma. */
	private minutes(x: number): void {
		const hundredths = x * 100;
		const r = Math.round(hundredths);
		// toFixed rounds the double's exact value: where x · 100 lies within 1e-6 of a half, the product's own rounding
		// could decide the other way, so those (rare) values and every negative one take the exact path.
		if (x >= 0 && hundredths < 1e9 && Math.abs(Math.abs(hundredths - r) - 0.5) > 1e-6) {
			this.digits(Math.floor(r / 100));
			this.buf[this.length++] = 46;
			this.two(r % 100);
		} else this.ascii(fixed(x, 2));
		this.buf[this.length++] = COMMA;
	}

	/** csvField(textCell(s)) and `end` (a comma unless told). */
	private text(s: string, end = COMMA): void {
		const n = s.length;
		this.room(n + ROW_NUMBERS);
		// A cell is written as it is when it is printable ASCII with no quote, comma or formula start, and no space
		// at either end; anything else takes the string path.
		let plain = n === 0 || (s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32 && !isFormulaStart(s.charCodeAt(0)));
		for (let i = 0; plain && i < n; i++) {
			const c = s.charCodeAt(i);
			plain = c >= 32 && c < 127 && c !== 34 && c !== COMMA;
		}
		if (plain) {
			const buf = this.buf;
			let at = this.length;
			for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
			this.length = at;
		} else this.encode(csvField(textCell(s)));
		this.buf[this.length++] = end;
	}

	/** A formatter's ASCII output (a number off the fast paths, which may be long: "1.6666666666666667e+298"). */
	private ascii(s: string): void {
		this.room(s.length + ROW_NUMBERS);
		for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
	}

	/** Any text, as UTF-8. */
	private encode(s: string): void {
		this.room(s.length * 3 + ROW_NUMBERS);
		this.length += encoder.encodeInto(s, this.buf.subarray(this.length)).written;
	}
}
