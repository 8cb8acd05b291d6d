import { describe, expect, it } from 'vitest';
import { compareDates, median, overLogDays } from '../../src/lib/replay/logDays';
import { buildTrace } from '../../src/lib/replay/trace';
import { ABSENT, ONLINE, PRIORITY } from '../../src/lib/sim/demand';
import { hall, row } from './logFixtures';

describe('log days', () => {
	it('orders ISO dates as text and visits.csv day keys by their numbers', () => {
		expect(['r0-d10', 'r1-d0', 'r0-d2'].sort(compareDates)).toEqual(['r0-d2', 'r0-d10', 'r1-d0']);
		expect(['2026-03-10', '2026-02-28'].sort(compareDates)).toEqual(['2026-02-28', '2026-03-10']);
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
	});

	it('puts a scenario over the log\'s weekdays, repeats allowed, and leaves the original alone', () => {
		const s = hall(1);
		const over = overLogDays(s, ['mon', 'mon', 'fri']);
		expect(over.ok && over.scenario.calendar).toMatchObject({ days: ['mon', 'mon', 'fri'] });
		expect(s.calendar).toMatchObject({ days: ['mon'] });
	});
});

describe('buildTrace', () => {
	it('makes each visit a visitor whose legs follow served legs; after an unserved leg, or for a no-show, a visitor of its own', () => {
		const t = buildTrace(
			[
				row({ line: 2, visit: 'v', issued: 500, called: 505, end: 510 }),
				row({ line: 3, visit: 'v', issued: 511, left: 520, outcome: 'abandoned', service: 't' }),
				row({ line: 4, visit: 'v', issued: 530, called: 531, end: 540 }),
				row({ line: 5, visit: 'w', issued: 490, outcome: 'no-show', priority: true }),
				row({ line: 6, visit: 'w', issued: 495, called: 495, end: 499, online: true })
			],
			hall(1, { services: ['s', 't'] })
		);
		const d = t.days[0].demand;
		expect(d.count).toBe(4);
		expect([...d.eventTime]).toEqual([490, 495, 500, 530]);
		expect([...d.flags]).toEqual([ONLINE | ABSENT | PRIORITY, ONLINE, 0, 0]);
		expect([...d.legStart]).toEqual([0, 1, 2, 4, 5]);
		expect([...t.days[0].lines]).toEqual([5, 6, 2, 3, 4]);
		expect([...d.legService]).toEqual([0, 0, 0, 1, 0]);
		// Served: observed durations (5, 9, 4), patience censored (Infinity). Never served: the median of the
		// service ("s": 5), else of the agency (no "t" was served: 5). Abandoned: patience left − issued.
		expect([...d.legWork]).toEqual([5, 4, 5, 5, 9]);
		expect([...d.legPatience]).toEqual([Infinity, Infinity, Infinity, 9, Infinity]);
		expect(t.counts).toMatchObject({ rows: 5, legs: 5, served: 3, abandoned: 1, noShow: 1, abandonedWithoutLeft: 0 });
	});

	it('bounds an abandoned row without a left time by the first later call of its class, or its own call', () => {
		const t = buildTrace(
			[
				row({ line: 2, issued: 480, called: 480, end: 520 }),
				row({ line: 3, issued: 482, outcome: 'abandoned' }),
				row({ line: 4, issued: 483, called: 500, end: 501, priority: true }),
				row({ line: 5, issued: 484, called: 520, end: 530 }),
				row({ line: 6, issued: 486, called: 490, outcome: 'abandoned', priority: true }),
				row({ line: 7, issued: 600, outcome: 'abandoned' })
			],
			hall(1)
		);
		const d = t.days[0].demand;
		const patience = new Map([...t.days[0].lines].map((line, k) => [line, d.legPatience[k]]));
		// Line 3 (not priority) is not passed by the priority call at 500: its turn passed at 520.
		expect(patience.get(3)).toBeCloseTo(520 - 482, 5);
		expect(patience.get(3)).toBeLessThan(520 - 482);
		// Line 6 was called (at 490) and gone: its own call bounds it.
		expect(patience.get(6)).toBeCloseTo(4, 5);
		// Line 7: no later call that day, it leaves at once.
		expect(patience.get(7)).toBe(0);
		expect(t.counts.abandonedWithoutLeft).toBe(3);
	});

	it('gives rows never served the median duration of their service, else their agency\'s, else the scenario\'s mean', () => {
		const s = hall(1, { services: ['s', 't'] });
		const served = [4, 6, 20].map((d, i) => row({ line: 2 + i, issued: 480 + i, called: 480 + i, end: 480 + i + d }));
		const t1 = buildTrace([...served, row({ line: 9, issued: 600, outcome: 'not-served' }), row({ line: 10, issued: 601, outcome: 'waiting', service: 't' })], s);
		const d = t1.days[0].demand;
		const at = (line: number) => [...t1.days[0].lines].indexOf(line);
		expect(d.legWork[at(9)]).toBe(6);
		// No served "t" in the log: the agency's median.
		expect(d.legWork[at(10)]).toBe(6);
		expect(d.legPatience[at(9)]).toBe(Infinity);
		expect(d.legPatience[at(10)]).toBe(Infinity);
		expect(t1.counts).toMatchObject({ notServed: 1, waiting: 1 });
		// Nothing served at all: the scenario's mean service time (exponential, mean 8).
		const t2 = buildTrace([row({ line: 2, issued: 480, outcome: 'not-served' })], s);
		expect(t2.days[0].demand.legWork[0]).toBe(8);
	});

	it('takes a served row without a usable duration at the median, and counts it', () => {
		const t = buildTrace([row({ line: 2, issued: 480, called: 480, end: 490 }), row({ line: 3, issued: 481, called: 490 })], hall(1));
		expect([...t.days[0].demand.legWork]).toEqual([10, 10]);
		expect(t.counts.servedWithoutDuration).toBe(1);
	});

	it('keeps days in date order with their own weekdays', () => {
		const t = buildTrace([row({ date: '2026-03-06', weekday: 'fri', issued: 500 }), row({ date: '2026-03-02', weekday: 'mon', issued: 500 })], hall(1));
		expect(t.days.map((d) => [d.date, d.weekday])).toEqual([
			['2026-03-02', 'mon'],
			['2026-03-06', 'fri']
		]);
	});
});
