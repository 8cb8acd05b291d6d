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
