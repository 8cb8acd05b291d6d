/** Opening hours from a log: when the first tickets are issued, the last ones, and the last service ends. */
import { formatClock } from '../model/clock';
import { DAY_IDS, type DayId, type Hours } from '../model/scenario';
import type { LogSummary } from './logSummary';

/** The quantiles the hours are read at: robust to a stray test ticket, yet near the real first and last. */
export const HOURS_LOW_QUANTILE = 0.005;
export const HOURS_HIGH_QUANTILE = 0.995;

/** Opening hours of one weekday seen in the log. */
export interface WeekdayHours {
	weekday: DayId;
	hours: Hours;
}

/**
 * Opening hours per weekday. Method: pooled over that weekday's dates, open = the 0.5% quantile of ticket times
 * rounded down to 15 minutes; lastTicket = the 99.5% quantile of ticket times rounded up to 15 minutes; close =
 * the 99.5% quantile of end times rounded up to 15 minutes (never before lastTicket); all capped at 24:00. No
 * breaks: a log cannot tell a break from a quiet spell.
 */
export function estimateHours(s: LogSummary): WeekdayHours[] {
	const out: WeekdayHours[] = [];
	DAY_IDS.forEach((weekday, w) => {
		const issues = s.issues[w];
		const firstIssue = histogramQuantile(issues, HOURS_LOW_QUANTILE);
		if (firstIssue < 0) return;
		const lastIssue = histogramQuantile(issues, HOURS_HIGH_QUANTILE);
		const lastEnd = histogramQuantile(s.ends[w], HOURS_HIGH_QUANTILE);
		const open = Math.min(1425, Math.floor(firstIssue / 15) * 15);
		const last = Math.min(1440, Math.max(open + 15, Math.ceil((lastIssue + 1) / 15) * 15));
		const close = Math.min(1440, Math.max(last, lastEnd < 0 ? last : Math.ceil((lastEnd + 1) / 15) * 15));
		out.push({ weekday, hours: { open: formatClock(open), lastTicket: formatClock(last), close: formatClock(close) } });
	});
	return out;
}

/** The minute holding the q-quantile of a minute histogram (the ⌈qN⌉-th count, at least the first); −1 if empty. */
export function histogramQuantile(h: Int32Array, q: number): number {
	let n = 0;
	for (let m = 0; m < h.length; m++) n += h[m];
	if (n === 0) return -1;
	const target = Math.max(1, Math.ceil(q * n));
	let cum = 0;
	for (let m = 0; m < h.length; m++) {
		cum += h[m];
		if (cum >= target) return m;
	}
	return h.length - 1;
}
