/** Counters from a log: which agencies each counter serves, and when it is staffed. */
import { formatClock, parseClock } from '../model/clock';
import { DAY_IDS, type DayId } from '../model/scenario';
import type { LogSummary } from './logSummary';

/** A counter serving at least this share of its legs for one agency is that agency's counter. */
export const OWN_AGENCY_SHARE = 0.95;

/** One counter as the log shows it (agencies by log key). */
export interface CounterEstimate {
	/** The counter as the log writes it. */
	name: string;
	legs: number;
	/** Agency keys it serves: the one it served ≥ 95% of its legs for, else every agency it served, most legs first. */
	agencies: string[];
	/** Per weekday seen: median first call → median last end over that weekday's dates, rounded to 15 minutes. */
	shifts: Partial<Record<DayId, [string, string]>>;
	/** The same over all its dates: the one shift a scenario's counter gets. Null if no date had a call and an end. */
	shift: [string, string] | null;
	/** Dates it served on. */
	days: number;
}

/**
 * Counters seen in the log. Method: a counter's agencies are read from the agencies of the legs it served (see
 * OWN_AGENCY_SHARE); its staffed hours on a date are its first call (the start where the log has no call) to its
 * last end; a shift is the median of those starts and the median of those ends, each rounded to the nearest 15
 * minutes, per weekday and over all dates. Counters are listed by name, numbers in numeric order ("2" before "10").
 */
export function estimateCounters(s: LogSummary): CounterEstimate[] {
	const out: CounterEstimate[] = [];
	for (const [name, c] of s.counters) {
		const ranked = [...c.byAgency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		const agencies = ranked[0][1] >= OWN_AGENCY_SHARE * c.legs ? [ranked[0][0]] : ranked.map((x) => x[0]);
		const shifts: Partial<Record<DayId, [string, string]>> = {};
		const all: Array<[number, number]> = [];
		DAY_IDS.forEach((day, w) => {
			const spans: Array<[number, number]> = [];
			for (const [wd, first, last] of c.dates.values()) if (wd === w && Number.isFinite(first) && Number.isFinite(last) && last > first) spans.push([first, last]);
			all.push(...spans);
			const shift = medianShift(spans);
			if (shift) shifts[day] = shift;
		});
		out.push({ name, legs: c.legs, agencies, shifts, shift: medianShift(all), days: c.dates.size });
	}
	return out.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
}

const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The median start and median end of some spans, rounded to 15 minutes; null when none or when they collapse. */
export function medianShift(spans: ReadonlyArray<readonly [number, number]>): [string, string] | null {
	if (spans.length === 0) return null;
	const start = round15(median(spans.map((x) => x[0])));
	const end = Math.min(1440, round15(median(spans.map((x) => x[1]))));
	return end > start ? [formatClock(start), formatClock(end)] : null;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
	const v = [...values].sort((a, b) => a - b);
	const k = v.length >> 1;
	return v.length % 2 ? v[k] : (v[k - 1] + v[k]) / 2;
}

/** Nearest multiple of 15 minutes (halves up). */
export function round15(minutes: number): number {
	return Math.round(minutes / 15) * 15;
}

/**
 * For a log with no counter column: counters per agency. Method: at each half hour of each weekday, the service
 * minutes started there over (30 × that weekday's dates) is the mean number of the agency's legs in service; the
 * agency gets the ceiling of the largest such mean (at least 1). A lower bound at the peak, stated in the notes.
 */
export function countersWithoutColumn(s: LogSummary, agency: string): number {
	const a = s.agencies.get(agency);
	if (!a) return 1;
	const days = DAY_IDS.map(() => 0);
	for (const d of s.dates.values()) days[DAY_IDS.indexOf(d.weekday)]++;
	let peak = 0;
	for (let w = 0; w < 7; w++) {
		if (days[w] === 0) continue;
		for (let b = 0; b < 96; b++) peak = Math.max(peak, a.busy[w * 96 + b] / (30 * days[w]));
	}
	return Math.max(1, Math.ceil(peak - 1e-9));
}

/** A counter's first call within this of opening counts as on duty from opening. */
export const SHIFT_START_SLACK = 30;
/** A counter's last end within this of the last ticket (or later) counts as on duty until closing. */
export const SHIFT_END_SLACK = 60;

/**
 * The scenario shift of a counter's observed one (median first call → median last end), or undefined for "on duty
 * whenever the hall is open". A log shows when a counter worked, not when it was staffed: a counter idle at the day's
 * ends looks off duty. So a start within SHIFT_START_SLACK of opening becomes the opening, an end within
 * SHIFT_END_SLACK of the last ticket (or later) becomes the closing; the rest is clipped to the hall's hours.
 */
export function scenarioShift(observed: [string, string] | null, open: number, lastTicket: number, close: number): Array<[string, string]> | undefined {
	if (!observed) return undefined;
	const s = parseClock(observed[0]);
	const e = parseClock(observed[1]);
	const start = s <= open + SHIFT_START_SLACK ? open : Math.min(close, s);
	const end = e >= lastTicket - SHIFT_END_SLACK ? close : Math.max(open, e);
	if (!(end > start) || (start === open && end === close)) return undefined;
	return [[formatClock(start), formatClock(end)]];
}
