/** Demand from a log: visitors per day, day factors by weekday, and the intraday arrival profile. */
import { formatClock, parseClock } from '../model/clock';
import { DAY_IDS, type DayId } from '../model/scenario';
import { HISTOGRAM_MINUTES, type LogSummary } from './logSummary';

/** Visitors on one weekday: the days seen, their mean visitors, and that mean over the overall mean. */
export interface WeekdayDemand {
	weekday: DayId;
	days: number;
	meanVisitors: number;
	factor: number;
}

/** The arrival profile in the scenario's form, and the arrivals it could not place (after 24:00). */
export interface ProfileEstimate {
	from: string;
	step: number;
	weights: number[];
	arrivals: number;
	dropped: number;
}

/** Everything the log says about demand. */
export interface DemandEstimate {
	visitorsPerDay: number;
	days: number;
	byWeekday: WeekdayDemand[];
	profile: ProfileEstimate;
}

/** Bins default to half hours: the step the shipped scenarios and most reports use. */
export const DEFAULT_PROFILE_STEP = 30;

/**
 * Visitors per day and day factors. Method: a visitor is a visit (the rows a visit key links count once), counted
 * on the day of its first ticket; visitorsPerDay is the mean over the days the log has a used row (days with no
 * ticket at all are not days the hall was open); a weekday's factor is its own mean over the overall mean, so
 * factor × visitorsPerDay is that weekday's observed mean. Only weekdays seen get a factor.
 */
export function estimateVisitors(s: LogSummary): Omit<DemandEstimate, 'profile'> {
	const perDay = DAY_IDS.map(() => ({ days: 0, visits: 0 }));
	let total = 0;
	for (const d of s.dates.values()) {
		const w = perDay[DAY_IDS.indexOf(d.weekday)];
		w.days++;
		w.visits += d.visits;
		total += d.visits;
	}
	const days = s.dates.size;
	const mean = days > 0 ? total / days : 0;
	const byWeekday: WeekdayDemand[] = [];
	DAY_IDS.forEach((weekday, i) => {
		const w = perDay[i];
		if (w.days === 0) return;
		const meanVisitors = w.visits / w.days;
		byWeekday.push({ weekday, days: w.days, meanVisitors, factor: mean > 0 ? meanVisitors / mean : 0 });
	});
	return { visitorsPerDay: mean, days, byWeekday };
}

/**
 * The intraday arrival profile. Method: each visit's first ticket time, pooled over all days, counted into bins of
 * `step` minutes; a weight is the share of arrivals in its bin (weights sum to 1). Bins start at `bins.from` (a
 * base scenario's) moved back by whole steps if an arrival comes earlier, else at the half hour of the first
 * arrival; they run to the bin of the last arrival. Arrivals after 24:00 cannot be placed and are counted as dropped.
 */
export function estimateProfile(s: LogSummary, bins?: { from: string; step: number }): ProfileEstimate {
	const h = new Float64Array(HISTOGRAM_MINUTES);
	for (const a of s.arrivals) for (let m = 0; m < HISTOGRAM_MINUTES; m++) h[m] += a[m];
	let first = -1;
	let last = -1;
	let arrivals = 0;
	let dropped = 0;
	for (let m = 0; m < HISTOGRAM_MINUTES; m++) {
		if (h[m] === 0) continue;
		if (m >= 1440) {
			dropped += h[m];
			continue;
		}
		if (first < 0) first = m;
		last = m;
		arrivals += h[m];
	}
	const step = bins && bins.step > 0 ? bins.step : DEFAULT_PROFILE_STEP;
	if (first < 0) return { from: bins?.from ?? '08:00', step, weights: [1], arrivals: 0, dropped };
	let from = bins ? parseClock(bins.from) : Math.floor(first / step) * step;
	while (from > first && from - step >= 0) from -= step;
	// Whole steps back cannot reach an arrival just after midnight: start at midnight (the base's alignment is lost).
	if (from > first) from = 0;
	const n = Math.floor((last - from) / step) + 1;
	const counts = new Float64Array(n);
	for (let m = first; m <= last; m++) counts[Math.floor((m - from) / step)] += h[m];
	const weights = Array.from(counts, (c) => round6(c / arrivals));
	return { from: formatClock(from), step, weights, arrivals, dropped };
}

/** All demand estimates at once. */
export function estimateDemand(s: LogSummary, bins?: { from: string; step: number }): DemandEstimate {
	return { ...estimateVisitors(s), profile: estimateProfile(s, bins) };
}

/** Six decimals: shares stay readable in the scenario file and sum to 1 within 1e-5. */
export function round6(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
