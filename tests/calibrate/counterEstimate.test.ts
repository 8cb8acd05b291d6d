import { describe, expect, it } from 'vitest';
import { countersWithoutColumn, estimateCounters, medianShift, round15, scenarioShift } from '../../src/lib/calibrate/counterEstimate';
import { summarise } from '../../src/lib/calibrate/logSummary';
import { rec, recs } from './records';

describe('estimateCounters', () => {
	const rows = [
		// Loket 1: 19 Dukcapil legs and 1 Capil (95%): a Dukcapil counter.
		...recs(19, (i) => ({ counter: 'Loket 1', issued: 480 + i })),
		rec({ counter: 'Loket 1', agency: 'Capil', issued: 500 }),
		// Loket 10: half and half: both.
		...recs(2, { counter: 'Loket 10', agency: 'Samsat' }),
		...recs(2, { counter: 'Loket 10', agency: 'Dukcapil' }),
		// Loket 2 on two Mondays and a Tuesday: first call 08:05 / 08:20 and last end 15:05 / 14:50 on the Mondays.
		rec({ counter: 'Loket 2', date: 'm1', called: 485, end: 600 }),
		rec({ counter: 'Loket 2', date: 'm1', called: 700, end: 905 }),
		rec({ counter: 'Loket 2', date: 'm2', called: 500, end: 890 }),
		rec({ counter: 'Loket 2', date: 't1', weekday: 'tue', called: 600, end: 700 })
	];
	const c = estimateCounters(summarise(rows));

	it('lists counters in numeric name order', () => {
		expect(c.map((x) => x.name)).toEqual(['Loket 1', 'Loket 2', 'Loket 10']);
	});

	it('a counter serving one agency for ≥ 95% of its legs serves that agency; else all it served', () => {
		expect(c[0].agencies).toEqual(['Dukcapil']);
		expect(c[2].agencies).toEqual(['Dukcapil', 'Samsat']);
	});

	it('shifts: median first call and median last end per weekday, rounded to 15 minutes', () => {
		// Mondays: median start 492.5 → 08:15, median end 897.5 → 15:00; Tuesday 10:00–11:40 → 10:00–11:45.
		expect(c[1].shifts).toEqual({ mon: ['08:15', '15:00'], tue: ['10:00', '11:45'] });
		// All three dates: starts 485, 500, 600 → 500 → 08:15; ends 905, 890, 700 → 890 → 14:45.
		expect(c[1].shift).toEqual(['08:15', '14:45']);
		expect(c[1].days).toBe(3);
	});

	it('medianShift is null when the span collapses; round15 takes the nearest quarter', () => {
		expect(medianShift([[600, 605]])).toBeNull();
		expect(round15(487)).toBe(480);
		expect(round15(488)).toBe(495);
	});
});

describe('countersWithoutColumn', () => {
	it('the ceiling of the busiest half hour’s mean legs in service', () => {
		// One Monday: 3 legs of 20 minutes starting 08:00–08:29 = 60 service minutes in a 30-minute bin: 2 counters.
		const s = summarise(recs(3, (i) => ({ counter: '', issued: 470, called: 480 + i, end: 500 + i })));
		expect(countersWithoutColumn(s, 'Dukcapil')).toBe(2);
		expect(countersWithoutColumn(s, 'nobody')).toBe(1);
	});
});

describe('scenarioShift', () => {
	// Hall 08:00 (480), last ticket 14:30 (870), close 15:30 (930).
	it('an idle start near opening and an idle end near the last ticket are not a shift', () => {
		expect(scenarioShift(['08:15', '14:00'], 480, 870, 930)).toBeUndefined();
		expect(scenarioShift(['08:30', '13:30'], 480, 870, 930)).toBeUndefined();
	});

	it('a morning or afternoon counter keeps its shift, widened at the end it shares with the hall', () => {
		expect(scenarioShift(['08:15', '12:00'], 480, 870, 930)).toEqual([['08:00', '12:00']]);
		expect(scenarioShift(['12:45', '14:15'], 480, 870, 930)).toEqual([['12:45', '15:30']]);
		expect(scenarioShift(null, 480, 870, 930)).toBeUndefined();
	});
});
