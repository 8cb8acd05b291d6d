/**
 * Numbers in a report's table columns. The app's formatNumber drops trailing zeros ("1" beside "3,3"), which on
 * paper reads as if the figures had different precision; a column of a report shows one number of decimals
 * throughout. Read the language as formatNumber does, so a template re-renders when it changes.
 */
import { localeTag } from '$lib/i18n/format';
import type { Num } from '$lib/stats/runSummary';

const DASH = '—';
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(digits: number, percent: boolean): Intl.NumberFormat {
	const key = `${localeTag()}|${digits}|${percent}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(localeTag(), { style: percent ? 'percent' : 'decimal', minimumFractionDigits: digits, maximumFractionDigits: digits });
		cache.set(key, f);
	}
	return f;
}

/** Rounds away a negative zero, so "−0,0" never prints for a figure that rounds to nothing. */
const noNegativeZero = (x: number, digits: number) => (Number(x.toFixed(digits)) === 0 ? 0 : x);

/** A number with exactly `digits` decimals: 1 → "1,0" beside "3,3". */
export function fixed(x: Num, digits = 1): string {
	return x === null || !Number.isFinite(x) ? DASH : numberFormat(digits, false).format(noNegativeZero(x, digits));
}

/** A share 0–1 as a percentage with exactly `digits` decimals: 0 → "0,0%" beside "0,4%". */
export function fixedPercent(x: Num, digits = 1): string {
	return x === null || !Number.isFinite(x) ? DASH : numberFormat(digits, true).format(noNegativeZero(x, digits + 2));
}

/** A signed difference with exactly `digits` decimals and a true minus sign; no sign on what rounds to 0. */
export function signedFixed(x: Num, digits = 1): string {
	if (x === null || !Number.isFinite(x)) return DASH;
	const r = Number(x.toFixed(digits));
	return `${r > 0 ? '+' : r < 0 ? '−' : ''}${fixed(Math.abs(r), digits)}`;
}

/**
 * Decimals for a whole column: none when every value is a whole number (counter-hours 72 and 108 need no ",0"),
 * else `digits` for all of them.
 */
export function columnDigits(values: Num[], digits = 1): number {
	return values.every((x) => x === null || Number.isInteger(Number(x.toFixed(digits)))) ? 0 : digits;
}
