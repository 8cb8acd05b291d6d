import { describe, expect, it } from 'vitest';
import { estimateProfile, estimateVisitors } from '../../src/lib/calibrate/demandEstimate';
import { estimateHours, histogramQuantile } from '../../src/lib/calibrate/hoursEstimate';
import { summarise } from '../../src/lib/calibrate/logSummary';
import { rec, recs } from './records';

describe('estimateVisitors', () => {
	it('visitors per day is the mean over observed days; a weekday factor is its mean over that mean', () => {
		const s = summarise([
			...recs(10, { date: '2024-03-04', weekday: 'mon' }),
			...recs(20, { date: '2024-03-11', weekday: 'mon' }),
			...recs(30, { date: '2024-03-05', weekday: 'tue' }),
			// Two rows of one visit count once.
			rec({ date: '2024-03-05', weekday: 'tue', visit: 'x' }),
			rec({ date: '2024-03-05', weekday: 'tue', visit: 'x' })
		]);
		const d = estimateVisitors(s);
		expect(d.days).toBe(3);
		expect(d.visitorsPerDay).toBeCloseTo(61 / 3, 12);
		expect(d.byWeekday).toEqual([
			{ weekday: 'mon', days: 2, meanVisitors: 15, factor: 15 / (61 / 3) },
			{ weekday: 'tue', days: 1, meanVisitors: 31, factor: 31 / (61 / 3) }
		]);
	});
});

describe('estimateProfile', () => {
	const s = summarise([rec({ issued: 490 }), rec({ issued: 499.9 }), rec({ issued: 520 }), rec({ issued: 545 })]);

	it('half-hour bins from the first arrival, weights the arrival shares', () => {
		expect(estimateProfile(s)).toEqual({ from: '08:00', step: 30, weights: [0.5, 0.25, 0.25], arrivals: 4, dropped: 0 });
	});

	it("a base profile's bins, moved back by whole steps to reach the first arrival", () => {
		// 08:10 | 08:19.9 | 08:40 | – | 09:05 in 08:00 + 15-minute bins.
		expect(estimateProfile(s, { from: '08:15', step: 15 }).weights).toEqual([0.25, 0.25, 0.25, 0, 0.25]);
		expect(estimateProfile(s, { from: '08:15', step: 15 }).from).toBe('08:00');
	});

	it('never starts before midnight: an arrival whole steps cannot reach moves the start to 00:00', () => {
		const t = summarise([rec({ issued: 1 }), rec({ issued: 480 })]);
		const p = estimateProfile(t, { from: '08:00', step: 7 });
		expect(p.from).toBe('00:00');
		expect(p.weights.length).toBe(Math.floor(480 / 7) + 1);
		expect(p.weights[0]).toBe(0.5);
	});

	it('only the first ticket of a visit is an arrival', () => {
		const t = summarise([rec({ visit: 'v', issued: 490 }), rec({ visit: 'v', issued: 530 }), rec({ issued: 530 })]);
		expect(estimateProfile(t).weights).toEqual([0.5, 0.5]);
	});
});

describe('estimateHours', () => {
	it('open, last ticket and close from the first and last tickets and ends, rounded out to 15 minutes', () => {
		// 399 tickets 08:02–14:21 (end = issue + 15), and two strays (03:00, and 20:00 ending 21:00) that the
		// 0.5% and 99.5% quantiles of 401 (the 3rd and the 399th) leave out.
		const rows = recs(399, (i) => ({ issued: 482 + i * (379 / 398) }));
		rows.push(rec({ issued: 180 }), rec({ issued: 1200, start: 1250, end: 1260 }));
		const h = estimateHours(summarise(rows));
		expect(h).toEqual([{ weekday: 'mon', hours: { open: '08:00', lastTicket: '14:30', close: '14:45' } }]);
	});

	it('histogramQuantile: the ⌈qN⌉-th count; −1 when empty', () => {
		const h = new Int32Array(10);
		h[2] = 1;
		h[5] = 198;
		h[9] = 1;
		expect(histogramQuantile(h, 0.005)).toBe(2);
		expect(histogramQuantile(h, 0.995)).toBe(5);
		expect(histogramQuantile(h, 1)).toBe(9);
		expect(histogramQuantile(new Int32Array(3), 0.5)).toBe(-1);
	});
});
