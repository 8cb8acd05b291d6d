import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { hourlyCsv, summaryCsv, visitsCsv, HOURLY_HEADER } from '../../src/lib/export/csv';
import { fixed, textCell } from '../../src/lib/export/cells';
import { aggregate } from '../../src/lib/stats/runAccumulator';
import { summarizeReplication } from '../../src/lib/stats/replicationSummary';
import { leg, smallOutput, smallScenario } from '../stats/fixtures';

const VISITS_HEADER_LINE =
	'replication,day,weekday,visitor,ticket,agency,service,channel,priority,arrival,ticket_time,call,start,end,counter,wait_min,outcome';

const parse = (csv: string): string[][] => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe('visitsCsv', () => {
	const csv = visitsCsv(smallOutput(2).legs);
	const lines = csv.split('\n');

	it('writes the header and one row per leg, LF line ends and a final newline', () => {
		expect(lines[0]).toBe(VISITS_HEADER_LINE);
		expect(lines).toHaveLength(1 + 9 + 1);
		expect(lines[lines.length - 1]).toBe('');
		expect(csv).not.toContain('\r');
	});

	it('formats times, waits, priority and 1-based numbering', () => {
		expect(lines[1]).toBe('3,1,mon,1,A-001,dukcapil,kk,walk-in,0,08:00:00,08:00:00,08:05:00,08:05:00,08:15:00,L01,5.00,served');
		// Abandoned: never called, so call, start, end and counter are empty.
		expect(lines[4]).toBe('3,1,mon,3,B-002,bapenda,pbb,walk-in,0,08:20:00,08:20:00,,,,,30.00,abandoned');
		// Online no-show: no ticket, no times, no wait.
		expect(lines[5]).toBe('3,1,mon,4,,dukcapil,kk,online,0,,,,,,,,no-show');
		expect(lines[7].startsWith('3,2,tue,1,B-001,bapenda,pbb,online,1,10:00:00')).toBe(true);
	});

	it('keeps sub-minute precision as HH:MM:SS and two-decimal waits', () => {
		const l = leg({ day: 0, visitor: 1, agency: 'dukcapil', service: 'kk', arrival: 480.5, ticketTime: 480.5, wait: 2.345, end: 490 });
		expect(visitsCsv([l]).split('\n')[1]).toContain('08:00:30,08:00:30,08:02:50,08:02:50,08:10:00,,2.35,served');
	});

	it('neutralises text cells that a spreadsheet would run as formulas', () => {
		const evil = leg({
			day: 0, visitor: 1, agency: '=cmd|calc', service: '+x', counter: '-x', ticket: '@x', end: 490
		});
		const row = parse(visitsCsv([evil]))[1];
		expect(row[4]).toBe("'@x");
		expect(row[5]).toBe("'=cmd|calc");
		expect(row[6]).toBe("'+x");
		expect(row[14]).toBe("'-x");
		expect(textCell('\tx')).toBe("'\tx");
		expect(textCell('\rx')).toBe("'\rx");
		expect(textCell('Loket 1')).toBe('Loket 1');
	});

	it('round-trips through papaparse, quotes and commas included', () => {
		const legs = [
			...smallOutput().legs,
			leg({ day: 0, visitor: 9, agency: 'a,b', service: 'say "hi"', counter: 'line\nbreak', end: 490 })
		];
		const rows = parse(visitsCsv(legs));
		expect(rows[0].join(',')).toBe(VISITS_HEADER_LINE);
		expect(rows).toHaveLength(legs.length + 1);
		const last = rows[rows.length - 1];
		expect([last[5], last[6], last[14]]).toEqual(['a,b', 'say "hi"', 'line\nbreak']);
		rows.slice(1).forEach((r, i) => {
			expect(r).toHaveLength(17);
			expect(r[5]).toBe(legs[i].agency);
			expect(r[16]).toBe(legs[i].outcome);
		});
	});

	it('can leave the header out so replications can be written in chunks', () => {
		const legs = smallOutput().legs;
		const whole = visitsCsv(legs);
		const chunked = visitsCsv(legs.slice(0, 4)) + visitsCsv(legs.slice(4), { header: false });
		expect(chunked).toBe(whole);
		expect(visitsCsv([], { header: false })).toBe('');
	});
});

describe('summaryCsv and hourlyCsv', () => {
	const scenario = smallScenario();
	const reps = [0, 1, 2].map((r) => {
		const out = smallOutput(r);
		out.legs = out.legs.map((l) => ({ ...l, wait: l.wait + r }));
		return summarizeReplication(scenario, out);
	});
	const run = aggregate(scenario, reps, 7);

	it('writes the long format: overall, agencies, services, counters', () => {
		const rows = parse(summaryCsv(run));
		expect(rows[0]).toEqual(['scope', 'id', 'metric', 'mean', 'ci95_low', 'ci95_high']);
		expect(rows).toHaveLength(1 + 17 + 2 * 12 + 3 * 4 + 2 * 5);
		expect(rows[1]).toEqual(['overall', 'uji-kecil', 'arrived', '5.0000', '5.0000', '5.0000']);
		// Wait means 20, 21, 22: mean 21, s = 1, t(0.975, 2) = 4.302653 → ± 2.484138.
		expect(rows.find((r) => r[0] === 'overall' && r[2] === 'waitMean')).toEqual([
			'overall', 'uji-kecil', 'waitMean', '21.0000', '18.5159', '23.4841'
		]);
		expect(rows.some((r) => r[0] === 'agency' && r[1] === 'bapenda' && r[2] === 'abandonRate')).toBe(true);
		expect(rows.some((r) => r[0] === 'service' && r[1] === 'dukcapil/ktp' && r[2] === 'waitP90')).toBe(true);
		expect(rows.filter((r) => r[0] === 'counter').map((r) => r[1])).toEqual([...Array(5).fill('L01'), ...Array(5).fill('L02')]);
	});

	it('writes negative numbers as numbers and undefined values as empty cells', () => {
		// Differences of counts can put an interval bound below zero: it must stay a number, not get a quote.
		expect(fixed(-5, 4)).toBe('-5.0000');
		expect(fixed(-0.00001, 4)).toBe('0.0000');
		expect(fixed(null, 4)).toBe('');
		expect(fixed(Number.NaN, 2)).toBe('');
		const hourly = parse(hourlyCsv(run));
		const h9 = hourly.find((r) => r[0] === '09:00')!;
		expect(h9.slice(4, 7)).toEqual(['', '', '']);
	});

	it('writes one row per hour with each metric and its interval', () => {
		const csv = hourlyCsv(run);
		const rows = parse(csv);
		expect(rows[0]).toEqual([...HOURLY_HEADER]);
		expect(rows[0].slice(0, 7)).toEqual(['hour', 'arrivals', 'arrivals_ci_low', 'arrivals_ci_high', 'wait_mean', 'wait_mean_ci_low', 'wait_mean_ci_high']);
		expect(rows[0]).toHaveLength(19);
		expect(rows.map((r) => r[0]).slice(1)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']);
		expect(rows[1].slice(0, 4)).toEqual(['08:00', '4.0000', '4.0000', '4.0000']);
	});

	it('is byte-identical for equal inputs', () => {
		const again = aggregate(scenario, [reps[2], reps[0], reps[1]], 7);
		expect(summaryCsv(again)).toBe(summaryCsv(run));
		expect(hourlyCsv(again)).toBe(hourlyCsv(run));
	});
});
