/**
 * Numbers, shares, durations and clock times in the chosen language (id-ID or en-GB) through Intl.
 * Missing values (null, NaN) show as an em dash. These read the language from Svelte state, so a template
 * that calls them updates when the language changes.
 */
import { current } from './current.svelte';

export type LocaleTag = 'id-ID' | 'en-GB';

/** The Intl locale of the current language. */
export function localeTag(): LocaleTag {
	return current.lang === 'en' ? 'en-GB' : 'id-ID';
}

const DASH = '—';
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${tag}|${JSON.stringify(options)}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(tag, options);
		cache.set(key, f);
	}
	return f;
}

function missing(x: number | null | undefined): x is null | undefined {
	return x === null || x === undefined || !Number.isFinite(x);
}

/** A number with at most `digits` decimals (default 0), grouped: 12.345,7 (id) / 12,345.7 (en). */
export function formatNumber(x: number | null, digits = 0): string {
	if (missing(x)) return DASH;
	return numberFormat(localeTag(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** A share 0–1 as a percentage with at most `digits` decimals (default 0): 0.123 → 12% . */
export function formatPercent(x: number | null, digits = 0): string {
	if (missing(x)) return DASH;
	return numberFormat(localeTag(), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** Minutes with a short unit and one decimal at most: "12,3 mnt" (id) / "12.3 mins" (en). */
export function formatMinutes(x: number | null, digits = 1): string {
	if (missing(x)) return DASH;
	return numberFormat(localeTag(), { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: digits }).format(x);
}

/** A time of day from minutes after midnight, in the locale's style: "08.30" (id) / "08:30" (en); past 24:00 keeps counting. */
export function formatClock(minutes: number | null): string {
	if (missing(minutes)) return DASH;
	const m = Math.floor(minutes + 1e-9);
	const h = Math.floor(m / 60);
	const mm = m - h * 60;
	const sep = localeTag() === 'id-ID' ? '.' : ':';
	return `${h < 10 ? '0' : ''}${h}${sep}${mm < 10 ? '0' : ''}${mm}`;
}

/** A date and time (e.g. when a scenario was saved), medium date and short time. */
export function formatDateTime(value: string | number | Date | null): string {
	if (value === null) return DASH;
	const d = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(d.getTime())) return DASH;
	return new Intl.DateTimeFormat(localeTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/*
 * Fixed decimals, for columns and sentences that set figures side by side: formatNumber drops trailing zeros
 * ("1" beside "3,3"), which reads as if the figures had different precision.
 */

/** Rounds away a negative zero, so "−0,0" never prints for a figure that rounds to nothing. */
const noNegativeZero = (x: number, digits: number) => (Number(x.toFixed(digits)) === 0 ? 0 : x);

/** A number with exactly `digits` decimals: 1 → "1,0" beside "3,3". */
export function fixed(x: number | null, digits = 1): string {
	return missing(x) ? DASH : numberFormat(localeTag(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(noNegativeZero(x, digits));
}

/** A share 0–1 as a percentage with exactly `digits` decimals: 0 → "0,0%" beside "0,4%". */
export function fixedPercent(x: number | null, digits = 1): string {
	return missing(x) ? DASH : numberFormat(localeTag(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(noNegativeZero(x, digits + 2));
}

/** A signed difference with exactly `digits` decimals and a true minus sign; no sign on what rounds to 0. */
export function signedFixed(x: number | null, digits = 1): string {
	if (missing(x)) return DASH;
	const r = Number(x.toFixed(digits));
	return `${r > 0 ? '+' : r < 0 ? '−' : ''}${fixed(Math.abs(r), digits)}`;
}

/**
 * Decimals for a whole column: none when every value is a whole number (counter-hours 72 and 108 need no ",0"),
 * else `digits` for all of them.
 */
export function columnDigits(values: Array<number | null>, digits = 1): number {
	return values.every((x) => x === null || Number.isInteger(Number(x.toFixed(digits)))) ? 0 : digits;
}
