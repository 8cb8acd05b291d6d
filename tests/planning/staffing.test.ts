/** Staff and cost of a layout: counter-hours per week from calendar and shifts, full-time staff per agency, cost. */
import { describe, expect, it } from 'vitest';
import type { DayId, ScenarioInput } from '../../src/lib/model/scenario';
import { assumptionsOf, counterHoursPerWeek, DEFAULT_MONTHLY_SALARY, DEFAULT_WORK_WEEK_HOURS, staffFor, staffing } from '../../src/lib/planning/staffing';
import { SALARY_SOURCE, WORK_WEEK_SOURCE } from '../../src/lib/planning/staffingDefaults';
import { mustParse } from '../fixtures/scenarios';
import { morningHall } from './fixtures';

/** The morning hall on other days and hours, with some counters changed. */
function hall(days: DayId[], close = '12:00', edit: (s: ScenarioInput) => void = () => {}) {
	const input = morningHall();
	input.calendar = { days, hours: { default: { open: '08:00', lastTicket: '11:30', close } }, atClose: 'serve-waiting' };
	edit(input);
	return mustParse(input);
}

describe('counterHoursPerWeek', () => {
	it('adds each counter’s open hours over the calendar’s weekdays, and its shifts when it has them', () => {
		// 08:00–12:00 on Monday and Tuesday: 8 hours; a counter on 08:00–10:00 shifts: 4.
		const s = hall(['mon', 'tue'], '12:00', (x) => (x.counters[0].shifts = [['08:00', '10:00']]));
		expect(counterHoursPerWeek(s)).toEqual([4, 8, 8, 8]);
	});

	it('counts a weekday simulated twice once (its mean), not as two weeks', () => {
		expect(counterHoursPerWeek(hall(['mon', 'tue', 'mon', 'tue']))).toEqual(counterHoursPerWeek(hall(['mon', 'tue'])));
	});
});

describe('staffing', () => {
	it('uses the stated defaults: a 37.5-hour week (Perpres 21/2023) and an assumed Rp 4,500,000 a month', () => {
		expect(DEFAULT_WORK_WEEK_HOURS).toBe(37.5);
		expect(DEFAULT_MONTHLY_SALARY).toBe(4_500_000);
		const st = staffing(hall(['mon']));
		expect(st.assumptions).toMatchObject({ workWeekHours: 37.5, monthlySalary: 4_500_000 });
		expect(st.assumptions.workWeekSource).toMatch(/Perpres 21\/2023/);
		expect(st.assumptions.salarySource).toMatch(/assumption/);
	});

	it('rounds staff up per agency: officers do not staff another agency’s counter', () => {
		// Five days of 08:00–15:30 is 37.5 hours per counter: exactly one full-time officer each.
		const st = staffing(hall(['mon', 'tue', 'wed', 'thu', 'fri'], '15:30'));
		expect(st.agencies.dukcapil).toEqual({ counters: 2, counterHoursPerWeek: 75, fullTimeEquivalent: 2, staff: 2 });
		expect(st.agencies.pln).toMatchObject({ counters: 1, staff: 1 });
		expect(st.staff).toBe(4);
		expect(st.counterHoursPerWeek).toBe(150);
		expect(st.costPerMonth).toBe(4 * 4_500_000);
		// A 37-hour week leaves each counter half an hour short: two officers per counter.
		const short = staffing(hall(['mon', 'tue', 'wed', 'thu', 'fri'], '15:30'), { workWeekHours: 37, monthlySalary: 1_000_000 });
		expect(short.agencies.dukcapil.staff).toBe(3);
		expect(short.staff).toBe(3 + 2 + 2);
		expect(short.costPerMonth).toBe(7_000_000);
		expect(short.assumptions).toMatchObject({ workWeekSource: 'set by the user', salarySource: 'set by the user' });
	});

	it('sums small agencies’ part-time hours per agency, not across agencies', () => {
		// One morning a week: 4 hours per counter, far under a working week, still one officer per agency.
		const st = staffing(hall(['mon']));
		expect(st.agencies.dukcapil.fullTimeEquivalent).toBeCloseTo(8 / 37.5, 12);
		expect(Object.values(st.agencies).map((a) => a.staff)).toEqual([1, 1, 1]);
		expect(st.shared).toBeNull();
	});

	it('staffs shared counters as a pool of their own, and a counter of one agency’s services as that agency’s', () => {
		const st = staffing(
			hall(['mon'], '12:00', (x) => {
				x.counters[2].serves = ['bapenda', 'pln'];
				x.counters[3].serves = ['pln/pasang'];
			})
		);
		expect(st.shared).toEqual({ counters: 1, counterHoursPerWeek: 4, fullTimeEquivalent: 4 / 37.5, staff: 1 });
		expect(st.agencies.bapenda.counters).toBe(0);
		expect(st.agencies.bapenda.staff).toBe(0);
		expect(st.agencies.pln.counters).toBe(1);
		expect(st.staff).toBe(3);
	});

	it('keeps the default’s source when the value given equals it, and takes a form’s settings only within bounds', () => {
		expect(staffing(hall(['mon']), { workWeekHours: 37.5, monthlySalary: 4_500_000 }).assumptions).toMatchObject({ workWeekSource: WORK_WEEK_SOURCE, salarySource: SALARY_SOURCE });
		expect(assumptionsOf(40, 0)).toEqual({ workWeekHours: 40, monthlySalary: 0 });
		for (const [w, s] of [[0.5, 1], [169, 1], [null, 1], [40, -1], [40, 1e9 + 1], [40, null], [NaN, 1]] as const) expect(assumptionsOf(w, s), `${w}, ${s}`).toBeNull();
	});

	it('does not add a person for a rounding hair', () => {
		expect(staffFor(0.1 + 0.2, 0.3)).toBe(1);
		expect(staffFor(37.6, 37.5)).toBe(2);
		expect(staffFor(0, 37.5)).toBe(0);
	});
});
