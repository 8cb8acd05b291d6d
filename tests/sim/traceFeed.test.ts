import { describe, expect, it } from 'vitest';
import { BatchRunner } from '../../src/lib/sim/batch';
import { compileScenario } from '../../src/lib/sim/compile';
import { generatedDemand } from '../../src/lib/sim/demandFeed';
import { buildTrace } from '../../src/lib/replay/trace';
import { mustParse, smallScenario } from '../fixtures/scenarios';
import { ABSENT, ONLINE } from '../../src/lib/sim/demand';
import { TraceFeed, demandOfVisitors } from '../../src/lib/sim/traceFeed';
import { overLogDays } from '../../src/lib/replay/logDays';
import { replayLog } from '../../src/lib/replay/replay';
import { hall, row } from '../replay/logFixtures';

/** Replayed wait and outcome per log line. */
function replayed(records: Parameters<typeof replayLog>[0], scenario: Parameters<typeof replayLog>[1]) {
	const byLine = new Map<number, { wait: number; outcome: string; counter: string }>();
	const out = replayLog(records, scenario, { onLeg: (l, line) => byLine.set(line, { wait: l.wait, outcome: l.outcome, counter: l.counter }) });
	if (!out.ok) throw new Error(out.message);
	return { byLine, result: out.result };
}

describe('demandOfVisitors', () => {
	it('orders visitors by event time, equal times in the given order, legs kept with their visitor', () => {
		const d = demandOfVisitors([
			{ eventTime: 500, arrival: 500, flags: 0, legs: [{ service: 1, work: 3, patience: Infinity }] },
			{ eventTime: 490, arrival: 490, flags: ONLINE, legs: [{ service: 0, work: 4, patience: 10 }, { service: 1, work: 2, patience: Infinity }] },
			{ eventTime: 500, arrival: 500, flags: ONLINE | ABSENT, legs: [{ service: 0, work: 1, patience: Infinity }] },
			{ eventTime: 400, arrival: 400, flags: 0, legs: [] }
		]);
		expect(d.count).toBe(3);
		expect([...d.eventTime]).toEqual([490, 500, 500]);
		expect([...d.flags]).toEqual([ONLINE, 0, ONLINE | ABSENT]);
		expect([...d.legStart]).toEqual([0, 2, 3, 4]);
		expect([...d.legService]).toEqual([0, 1, 1, 0]);
		expect([...d.legWork]).toEqual([4, 2, 3, 1]);
		expect([...d.legPatience]).toEqual([10, Infinity, Infinity, Infinity]);
		expect([...d.order]).toEqual([0, 1, 2]);
	});
});

describe('TraceFeed', () => {
	it('serves day i its own visitors, keys visitors across days, and nothing for a day it lacks', () => {
		const over = overLogDays(hall(1), ['mon', 'tue', 'wed']);
		if (!over.ok) throw new Error(over.message);
		const model = compileScenario(over.scenario);
		const one = demandOfVisitors([{ eventTime: 480, arrival: 480, flags: 0, legs: [{ service: 0, work: 1, patience: Infinity }] }]);
		const two = demandOfVisitors([0, 1].map((i) => ({ eventTime: 480 + i, arrival: 480 + i, flags: 0, legs: [{ service: 0, work: 1, patience: Infinity }] })));
		const feed = new TraceFeed([two, one]);
		expect(feed.startDay(model.days[0])).toBe(two);
		expect(feed.visitorBase).toBe(0);
		expect(feed.next()).toBeNull();
		expect(feed.startDay(model.days[1])).toBe(one);
		expect(feed.visitorBase).toBe(2);
		expect(feed.startDay(model.days[2]).count).toBe(0);
		expect(feed.visitorBase).toBe(3);
		feed.restart();
		feed.startDay(model.days[0]);
		expect(feed.visitorBase).toBe(0);
	});

	it('replays a hand-made single-counter FIFO log to exactly the waits worked out by hand', () => {
		// One counter from 08:00 (480). Arrivals and durations; by hand: 480 starts at once (ends 490); 485 waits
		// to 490 (5, ends 495); 487 to 495 (8, ends 498); 500 finds it free (0, ends 502); 520 at once (0, ends
		// 524); 521 waits to 524 (3).
		const arrivals = [480, 485, 487, 500, 520, 521];
		const durations = [10, 5, 3, 2, 4, 1];
		const byHand = [0, 5, 8, 0, 0, 3];
		// The log's own call times are deliberately wrong: the replay uses only issue times and durations.
		const records = arrivals.map((t, i) => row({ line: 10 + i, issued: t, called: t + 1, start: t + 1, end: t + 1 + durations[i] }));
		const { byLine, result } = replayed(records, hall(1));
		expect(arrivals.map((_, i) => byLine.get(10 + i)!.wait)).toEqual(byHand);
		expect(result.overall.waitMean).toBeCloseTo(16 / 6, 12);
		expect(result.summary.overall.served.mean).toBe(6);
	});

	it('replays abandonment: left − issued, and without a left time the turn it missed; a second counter serves them', () => {
		// 480 is served for 30 minutes. 485 left at 490 (patience 5). 486 abandoned with no left time; the next
		// ticket (488) was called at 510, so it was gone by 510: it leaves just before. 488 waits 22.
		const records = [
			row({ line: 20, issued: 480, called: 480, end: 510 }),
			row({ line: 21, issued: 485, left: 490, outcome: 'abandoned' }),
			row({ line: 22, issued: 486, outcome: 'abandoned' }),
			row({ line: 23, issued: 488, called: 510, end: 515 })
		];
		const one = replayed(records, hall(1)).byLine;
		expect(one.get(21)).toMatchObject({ outcome: 'abandoned', wait: 5 });
		expect(one.get(22)!.outcome).toBe('abandoned');
		expect(one.get(22)!.wait).toBeCloseTo(24, 5);
		expect(one.get(22)!.wait).toBeLessThan(24);
		expect(one.get(23)).toMatchObject({ outcome: 'served', wait: 22 });
		// Two counters: 485 is called at once by the second (its patience never runs out) and, never served in
		// the log, takes the median of the log's served durations (30 and 5: 17.5), to 502.5. 486 is called then:
		// a wait of 16.5, within its 24-minute bound, so it is served too. 488 waits for the first counter (510).
		const two = replayed(records, hall(2)).byLine;
		expect(two.get(21)).toMatchObject({ outcome: 'served', wait: 0 });
		expect(two.get(22)).toMatchObject({ outcome: 'served' });
		expect(two.get(22)!.wait).toBeCloseTo(16.5, 12);
		expect(two.get(23)).toMatchObject({ outcome: 'served', wait: 22 });
	});

	it('issues a visit\'s next leg when the one before ends, and turns a no-show into an absent online visitor', () => {
		const records = [
			row({ line: 30, visit: 'v1', issued: 480, called: 480, end: 490 }),
			// Issued at 530 in the log; the replay issues it at 490, when the first leg ends.
			row({ line: 31, visit: 'v1', issued: 530, called: 530, end: 534, service: 't' }),
			row({ line: 32, issued: 482, outcome: 'no-show' }),
			row({ line: 33, issued: 485, called: 494, end: 500 })
		];
		const { byLine, result } = replayed(records, hall(1, { services: ['s', 't'] }));
		// 485 waits for the first leg (490); the second leg, issued at 490, is behind it: 490 + 6 = 496 → waits 6.
		expect(byLine.get(33)).toMatchObject({ wait: 5, outcome: 'served' });
		expect(byLine.get(31)).toMatchObject({ wait: 6, outcome: 'served' });
		expect(byLine.get(32)!.outcome).toBe('no-show');
		expect(result.counts).toMatchObject({ legs: 4, served: 3, noShow: 1 });
		expect(result.overall.visitors).toBe(2);
	});
});

describe('the demand seam', () => {
	it('runs exactly as before when handed the generated demand explicitly', () => {
		const s = mustParse(smallScenario());
		const plain = new BatchRunner(s, 4);
		const explicit = new BatchRunner(s, 4, generatedDemand);
		for (const r of [0, 1]) expect(explicit.run(r, true)).toEqual(plain.run(r, true));
	});

	it('replays a trace the same in every replication (nothing in it is random), restarting the feed each time', () => {
		const records = [480, 481, 483, 490].map((t, i) => row({ line: 40 + i, issued: t, called: t, end: t + 4 + i }));
		const trace = buildTrace(records, hall(1));
		const feed = new TraceFeed(trace.days.map((d) => d.demand));
		const runner = new BatchRunner(hall(1), 1, () => feed);
		const a = runner.run(0, true);
		const b = runner.run(7, true);
		expect(b.summary).toEqual({ ...a.summary, replication: 7 });
		// Durations 4, 5, 6, 7: ends 484, 489, 495 → waits 0, 3, 6 and 5.
		expect(b.legs!.map((l) => l.wait)).toEqual([0, 3, 6, 5]);
	});
});
