import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/lib/calibrate/logRecord';
import { BatchRunner } from '../../src/lib/sim/batch';
import { WaitTally, hasLeftTimes, observedTally } from '../../src/lib/replay/waitTally';
import { overLogDays } from '../../src/lib/replay/logDays';
import { mustParse, smallScenario } from '../fixtures/scenarios';
import { hall, legRow, row } from './logFixtures';

describe('observedTally', () => {
	it('takes waits as called − issued (served) and left − issued (abandoned, when those count), per visit and day', () => {
		const records: LogRecord[] = [
			row({ line: 2, visit: 'v1', issued: 480, called: 490, end: 500 }),
			row({ line: 3, visit: 'v1', issued: 500, called: 530, end: 535 }),
			row({ line: 4, issued: 485, left: 505, outcome: 'abandoned' }),
			row({ line: 5, issued: 486, outcome: 'abandoned' }),
			row({ line: 6, issued: 487, outcome: 'no-show' }),
			row({ line: 7, issued: 890, outcome: 'not-served' }),
			row({ line: 8, date: '2026-03-03', weekday: 'tue', issued: 600, called: 601, end: 610 }),
			row({ line: 9, issued: 480, called: 480, end: 490, service: 'unknown' })
		];
		const dates = ['2026-03-02', '2026-03-03'];
		const withLeft = observedTally(records, hall(1), dates, { abandonedWaits: true }).summary();
		expect([...withLeft.overall.waits]).toEqual([1, 10, 20, 30]);
		// Visitors who came in: v1, 485, 486, 890 and the next day's 600 (the no-show never came; line 9's service is not in the scenario).
		expect(withLeft.overall.visitors).toBe(5);
		expect(withLeft.overall.servedPerDay).toBe(3 / 2);
		expect(withLeft.overall.abandonShare).toBe(2 / 6);
		expect(withLeft.overall.waitMean).toBe(61 / 4);
		expect(withLeft.overall.withinTarget).toBe(2 / 4);
		expect([...withLeft.daily]).toEqual([20, 1]);
		const served = observedTally(records, hall(1), dates, { abandonedWaits: false }).summary();
		expect([...served.overall.waits]).toEqual([1, 10, 30]);
		expect(served.agencies[0].stats.waitP50).toBe(10);
		// Waiting over 14:00–15:00 on day 0: the not-served ticket from 14:50 to the close at 15:00 (10 min / 60).
		expect(served.hourlyWaiting[0][14]).toBeCloseTo(10 / 60, 12);
		// 08:00–09:00: v1 480–490 and 500–530, 485–505 abandoned (486 has no left time): 10 + 30 + 20 minutes.
		expect(served.hourlyWaiting[0][8]).toBeCloseTo(60 / 60, 12);
		expect(hasLeftTimes(records)).toBe(true);
		expect(hasLeftTimes(records.filter((r) => r.line !== 4))).toBe(false);
	});

	it('counts a wait of exactly the target (after clock rounding) as within it', () => {
		const s = hall(1);
		const t = observedTally([row({ issued: 480.1, called: 480.1 + 15 + 1e-12, end: 500 })], s, ['2026-03-02'], { abandonedWaits: false }).summary();
		expect(t.overall.withinTarget).toBe(1);
	});
});

describe('WaitTally', () => {
	it('gives a log written from simulator legs the statistics of the legs themselves', () => {
		// The small fixture hall (two agencies, priority, online, no-shows, abandonment, second services) over its two
		// days: its legs added directly, and the same legs as log rows read back, must tally alike.
		const s = mustParse(smallScenario());
		const legs: LogRecord[] = [];
		const direct = new WaitTally(s, 2, { abandonedWaits: true });
		new BatchRunner(s, 3).run(0, false, (l) => {
			direct.addLeg(l, l.day * 1e6 + l.visitor);
			legs.push(legRow(l, legs.length + 2));
		});
		const read = observedTally(legs, s, ['r0-d0', 'r0-d1'], { abandonedWaits: true }).summary();
		const mine = direct.summary();
		expect(legs.some((l) => l.outcome === 'abandoned')).toBe(true);
		for (const k of ['visitors', 'servedPerDay', 'abandonShare', 'waitMean', 'waitP50', 'waitP90', 'withinTarget'] as const) {
			expect(read.overall[k]).toBeCloseTo(mine.overall[k], 12);
			mine.agencies.forEach((a, i) => expect(read.agencies[i].stats[k]).toBeCloseTo(a.stats[k], 12));
		}
		expect([...read.daily]).toEqual([...mine.daily]);
	});

	it('gives a model over several replications its figures per replication: the mean of the replications\' own', () => {
		const over = overLogDays(hall(2), ['mon', 'tue']);
		if (!over.ok) throw new Error(over.message);
		const each = [0, 1, 2].map(() => new WaitTally(over.scenario, 2, { abandonedWaits: false }));
		const all = new WaitTally(over.scenario, 2, { abandonedWaits: false, runs: 3 });
		const runner = new BatchRunner(over.scenario, 1);
		for (let r = 0; r < 3; r++) {
			runner.run(r, false, (l) => {
				all.addLeg(l, (r * 2 + l.day) * 1e6 + l.visitor);
				each[r].addLeg(l, l.day * 1e6 + l.visitor);
			});
		}
		const one = each.map((t) => t.summary());
		const b = all.summary();
		const mean = (f: (x: (typeof one)[number]) => number) => one.reduce((acc, x) => acc + f(x), 0) / 3;
		expect(one[0].overall.visitors).toBeGreaterThan(150);
		expect(b.overall.visitors).toBeCloseTo(mean((x) => x.overall.visitors), 12);
		expect(b.overall.servedPerDay).toBeCloseTo(mean((x) => x.overall.servedPerDay), 12);
		expect(b.overall.waits.length).toBe(one.reduce((acc, x) => acc + x.overall.waits.length, 0));
		for (const h of [8, 10, 12, 14]) expect(b.hourlyWaiting[1][h]).toBeCloseTo(mean((x) => x.hourlyWaiting[1][h]), 12);
		expect(b.hourlyWaiting[1][10]).toBeGreaterThan(0);
	});
});
