/** Cell formatting shared by the CSV exports: deterministic numbers and spreadsheet-safe strings. */
import { formatClockSeconds } from '../model/clock';

// A spreadsheet treats a cell starting with one of these as a formula (CSV injection, OWASP).
const FORMULA_STARTS = '=+-@\t\r';

/** Whether a cell starting with character code `c` would be read by a spreadsheet as a formula. */
export function isFormulaStart(c: number): boolean {
	return FORMULA_STARTS.includes(String.fromCharCode(c));
}

/**
 * A text cell made safe for spreadsheets: a leading =, +, -, @, tab or CR gets a single quote in front.
 * Only text cells go through this; numeric cells are written by `fixed`/`integer` as plain numbers (a
 * spreadsheet reads "-5.0000" as the number −5, not a formula), so they stay numbers.
 */
export function textCell(s: string): string {
	return s.length > 0 && isFormulaStart(s.charCodeAt(0)) ? `'${s}` : s;
}

/** x with exactly `decimals` decimals, "" for null/NaN/±Infinity; never "-0.00". */
export function fixed(x: number | null | undefined, decimals: number): string {
	if (x === null || x === undefined || !Number.isFinite(x)) return '';
	const s = x.toFixed(decimals);
	// toFixed keeps the sign of tiny negatives ("-0.00"): equal values must print equally.
	return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** An integer count as text, "" when not finite. */
export function integer(x: number): string {
	return Number.isFinite(x) ? String(x) : '';
}

/** "HH:MM:SS" of minutes after midnight, "" when the moment was never reached (NaN). */
export function clockCell(minutes: number): string {
	return Number.isFinite(minutes) ? formatClockSeconds(minutes) : '';
}

// Papaparse's rule for a field that needs quotes with a "," delimiter: one of its BAD_DELIMITERS (CR, LF, the
// quote, a byte-order mark), the delimiter, or a space at either end.
const NEEDS_QUOTES = /[\r\n"\ufeff,]|^ | $/;

/**
 * One CSV field exactly as papaparse's unparse writes it (quoted, inner quotes doubled, only when needed): for a
 * file of a million rows, written a row at a time without papaparse's per-field machinery.
 */
export function csvField(s: string): string {
	return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
