/**
 * Staff a counter layout needs, and what they cost: counter-hours per week from the scenario's calendar and each
 * counter's shifts, turned into full-time staff by a stated working week, and a monthly cost from a salary the
 * user sets.
 *
 * Rules:
 * - A week is the calendar's distinct weekdays; a weekday simulated more than once counts its mean over those days
 *   (a two-week calendar is not two weeks of hours). A hall that never closes is staffed 24 hours, 7 days a week.
 * - Staff are counted per agency, rounded up: an agency's officers do not staff another agency's counter. Shared
 *   counters are staffed as one pool of their own.
 * - No relief for leave, sickness or training is added: the figure is the staff on the counters, not the
 *   establishment behind them.
 */
import type { Scenario } from '../model/scenario';
import { compileScenario } from '../sim/compile';
import { DEFAULT_MONTHLY_SALARY, DEFAULT_WORK_WEEK_HOURS, SALARY_BOUNDS, SALARY_SOURCE, WORK_WEEK_BOUNDS, WORK_WEEK_SOURCE } from './staffingDefaults';

export { DEFAULT_MONTHLY_SALARY, DEFAULT_WORK_WEEK_HOURS } from './staffingDefaults';

/** What the staff figures assume. */
export interface StaffingAssumptions {
	workWeekHours: number;
	monthlySalary: number;
}

/** Staff of one agency (or of the shared counters). */
export interface StaffLine {
	counters: number;
	counterHoursPerWeek: number;
	/** Counter-hours per week ÷ working week. */
	fullTimeEquivalent: number;
	/** Full-time staff, rounded up. */
	staff: number;
}

/** Staff and cost of a layout. */
export interface Staffing {
	assumptions: StaffingAssumptions & { workWeekSource: string; salarySource: string };
	/** Per agency id, in scenario order: its dedicated counters. */
	agencies: Record<string, StaffLine>;
	/** The shared counters (null when there are none). */
	shared: StaffLine | null;
	counterHoursPerWeek: number;
	staff: number;
	costPerMonth: number;
}

/** Counter-hours per week of each counter, in scenario order (see the rules above). */
export function counterHoursPerWeek(scenario: Scenario): number[] {
	const model = compileScenario(scenario);
	if (model.continuous) return scenario.counters.map(() => 24 * 7);
	const byDay = new Map<string, { minutes: number[]; n: number }>();
	for (const day of model.days) {
		const d = byDay.get(day.dayId) ?? { minutes: scenario.counters.map(() => 0), n: 0 };
		day.duty.forEach((intervals, k) => {
			for (const [a, b] of intervals) d.minutes[k] += b - a;
		});
		d.n++;
		byDay.set(day.dayId, d);
	}
	return scenario.counters.map((_, k) => [...byDay.values()].reduce((sum, d) => sum + d.minutes[k] / d.n / 60, 0));
}

/** The two settings as a form gives them, or null when either is missing or out of bounds. */
export function assumptionsOf(workWeekHours: number | null, monthlySalary: number | null): StaffingAssumptions | null {
	const within = (x: number | null, b: { min: number; max: number }) => x !== null && Number.isFinite(x) && x >= b.min && x <= b.max;
	return within(workWeekHours, WORK_WEEK_BOUNDS) && within(monthlySalary, SALARY_BOUNDS) ? { workWeekHours: workWeekHours!, monthlySalary: monthlySalary! } : null;
}

/** Full-time staff for `hours` a week, rounded up (a hair of rounding error does not add a person). */
export function staffFor(hours: number, workWeekHours: number): number {
	// max(0, …): ceil of a hair below zero is −0, which a page would print as "-0".
	return Math.max(0, Math.ceil(hours / workWeekHours - 1e-9));
}

/** Staff and monthly cost of a scenario's counters under the assumptions (defaults where not given). */
export function staffing(scenario: Scenario, given: Partial<StaffingAssumptions> = {}): Staffing {
	const workWeekHours = given.workWeekHours ?? DEFAULT_WORK_WEEK_HOURS;
	const monthlySalary = given.monthlySalary ?? DEFAULT_MONTHLY_SALARY;
	const hours = counterHoursPerWeek(scenario);
	// A Map while summing: an agency may be called "constructor".
	const lines = new Map(scenario.agencies.map((a) => [a.id, { counters: 0, hours: 0 }]));
	let shared: { counters: number; hours: number } | null = null;
	scenario.counters.forEach((c, k) => {
		// A counter serving services of one agency only ("agency/service" ids) is that agency's.
		const owners = new Set(c.serves.map((x) => x.split('/')[0]));
		const line = owners.size === 1 ? lines.get([...owners][0])! : (shared ??= { counters: 0, hours: 0 });
		line.counters++;
		line.hours += hours[k];
	});
	const toLine = (l: { counters: number; hours: number }): StaffLine => ({
		counters: l.counters,
		counterHoursPerWeek: l.hours,
		fullTimeEquivalent: l.hours / workWeekHours,
		staff: staffFor(l.hours, workWeekHours)
	});
	const agencies = Object.fromEntries([...lines].map(([id, l]) => [id, toLine(l)]));
	const sharedLine = shared ? toLine(shared) : null;
	const all = [...Object.values(agencies), ...(sharedLine ? [sharedLine] : [])];
	const staff = all.reduce((s, l) => s + l.staff, 0);
	return {
		// A value equal to the default keeps the default's source, whoever typed it.
		assumptions: {
			workWeekHours,
			monthlySalary,
			workWeekSource: workWeekHours === DEFAULT_WORK_WEEK_HOURS ? WORK_WEEK_SOURCE : 'set by the user',
			salarySource: monthlySalary === DEFAULT_MONTHLY_SALARY ? SALARY_SOURCE : 'set by the user'
		},
		agencies,
		shared: sharedLine,
		counterHoursPerWeek: all.reduce((s, l) => s + l.counterHoursPerWeek, 0),
		staff,
		costPerMonth: staff * monthlySalary
	};
}

/** "Rp 4,500,000": a rupiah amount as the CLI and the notes print it. */
export const rupiah = (x: number): string => `Rp ${Math.round(x).toLocaleString('en-US')}`;

/** One sentence for a sized scenario's notes: the staff figure and what it assumes (English, like the CLI). */
export function staffingNote(s: Staffing): string {
	const a = s.assumptions;
	return (
		`Staff: ${s.staff} full-time officers for ${s.counterHoursPerWeek.toFixed(1)} counter-hours a week at a ${a.workWeekHours}-hour week ` +
		`(${a.workWeekSource}); ${rupiah(s.costPerMonth)} a month at ${rupiah(a.monthlySalary)} per officer (${a.salarySource}).`
	);
}
