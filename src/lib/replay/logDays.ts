/** A log's days as a scenario's calendar, and small helpers the replay's modules share. */
import { isContinuous } from '../model/calendarKind';
import type { DayId, Scenario } from '../model/scenario';

const RUN_DAY = /^r(\d+)-d(\d+)$/;

/**
 * Orders a log's dates: "YYYY-MM-DD" as text (which is date order), the "r<replication>-d<day>" keys of the
 * project's own visits.csv by their numbers (as text, d10 would come before d2).
 */
export function compareDates(a: string, b: string): number {
	const x = RUN_DAY.exec(a);
	const y = RUN_DAY.exec(b);
	if (x && y) return Number(x[1]) - Number(y[1]) || Number(x[2]) - Number(y[2]);
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The median of the values (NaN when there are none); sorts a copy. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const s = Float64Array.from(values).sort();
	const h = (s.length - 1) / 2;
	const lo = Math.floor(h);
	return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
}

/**
 * The scenario over the log's days: `calendar.days` replaced by their weekdays in date order (a days calendar
 * allows repeats), so one replication spans the log's days, each with its weekday's hours and shifts. A hall that
 * never closes (continuousMinutes) has no days to put a log on: an error.
 */
export function overLogDays(scenario: Scenario, weekdays: readonly DayId[]): { ok: true; scenario: Scenario } | { ok: false; message: string } {
	const cal = scenario.calendar;
	if (isContinuous(cal)) {
		return { ok: false, message: `scenario "${scenario.id}" is a hall that never closes (calendar.continuousMinutes): a ticket log replays only through a scenario with working days (calendar.days and hours)` };
	}
	if (weekdays.length === 0) return { ok: false, message: 'the log has no usable day to replay (no row matched a service of the scenario)' };
	return { ok: true, scenario: { ...scenario, calendar: { ...cal, days: [...weekdays] } } };
}
