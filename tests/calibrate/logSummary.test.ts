import { describe, expect, it } from 'vitest';
import { GrowableFloats, LogSummary, summarise } from '../../src/lib/calibrate/logSummary';
import { rec, recs } from './records';

describe('LogSummary', () => {
	it('counts a visit spread over rows once, arriving at its first ticket; a visit key is one visit per date', () => {
		const s = summarise([
			rec({ visit: 'v1', issued: 600 }),
			rec({ visit: 'v2', issued: 500 }),
			rec({ visit: 'v1', issued: 540, date: '2024-03-05', weekday: 'tue' }),
			rec({ visit: 'v1', issued: 540 }),
			rec({ issued: 700 })
		]);
		expect(s.rows).toBe(5);
		expect(s.visits).toBe(4);
		expect(s.visitLegs).toBe(5);
		expect(s.linkedVisits).toBe(1);
		expect(s.dates.get('2024-03-04')!.visits).toBe(3);
		expect(s.dates.get('2024-03-05')!.visits).toBe(1);
		expect(s.arrivals[0][540]).toBe(1);
		expect(s.arrivals[0][600]).toBe(0);
		expect(s.arrivals[1][540]).toBe(1);
	});

	it('keeps durations from the call (zero too) per service and counts served legs without one', () => {
		// Counter time runs from the call, whatever the start column says: the walk up holds the counter too.
		const s = summarise([
			rec({ called: 500, start: 502, end: 512 }),
			rec({ called: 500, start: 500, end: 500 }),
			rec({ called: 500, start: 500, end: NaN }),
			rec({ service: 'KK', called: 500, start: 501, end: 503.5 })
		]);
		const ktp = s.services.get('Dukcapil\u0000KTP')!;
		expect(Array.from(ktp.durations.view())).toEqual([12, 0]);
		expect(ktp.noDuration).toBe(1);
		expect(ktp.legs).toBe(3);
		expect(Array.from(s.services.get('Dukcapil\u0000KK')!.durations.view())).toEqual([3.5]);
	});

	it('reads ticket prefixes per agency', () => {
		const s = summarise([rec({ ticket: 'A-001' }), rec({ ticket: 'a002' }), rec({ ticket: '17' }), rec({ ticket: 'ABCD1' })]);
		expect([...s.agencies.get('Dukcapil')!.prefixes]).toEqual([['A', 2]]);
	});

	it('a visit is a no-show only when every row of it is', () => {
		const s = summarise([
			rec({ visit: 'a', online: true, outcome: 'no-show' }),
			rec({ visit: 'b', online: true, outcome: 'no-show' }),
			rec({ visit: 'b', outcome: 'served' })
		]);
		expect(s.onlineVisits).toBe(2);
		expect(s.noShowOnlineVisits).toBe(1);
	});

	it('grows its visit arrays past their first size without losing a visit', () => {
		const s = new LogSummary();
		for (const r of recs(5000, (i) => ({ visit: `v${i % 2500}`, issued: 480 + (i % 2500) / 10 }))) s.add(r);
		s.finish();
		expect(s.visits).toBe(2500);
		expect(s.linkedVisits).toBe(2500);
		expect(s.visitLegs).toBe(5000);
	});

	it('leaves out a record with an unknown weekday or outcome instead of throwing', () => {
		const bad = [rec({ weekday: 'xyz' as never }), rec({ outcome: 'gone' as never }), rec({ outcome: 'toString' as never })];
		const s = summarise([...bad, rec()]);
		expect(s.rows).toBe(1);
		expect(s.visits).toBe(1);
	});

	it("a date's rows all count on its first row's weekday", () => {
		const s = summarise([rec({ issued: 500 }), rec({ issued: 600, weekday: 'fri' })]);
		expect(s.issues[0][600]).toBe(1);
		expect(s.issues[4][600]).toBe(0);
		expect(s.dates.get('2024-03-04')!.weekday).toBe('mon');
	});

	it('GrowableFloats keeps every value in order', () => {
		const g = new GrowableFloats();
		for (let i = 0; i < 100; i++) g.push(i);
		expect(g.length).toBe(100);
		expect(g.view()[99]).toBe(99);
		expect(g.view().reduce((a, b) => a + b, 0)).toBe(4950);
	});
});
