import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/lib/calibrate/logRecord';
import type { Scenario } from '../../src/lib/model/scenario';
import { replayLog } from '../../src/lib/replay/replay';
import { stream } from '../../src/lib/sim/random';
import { continuousScenario, mustParse } from '../fixtures/scenarios';
import { generateFifoLog, truthScenario, workingDays, type FifoRow, type Truth } from '../calibrate/fifoLog';
import { exponential, fifoLog, hall, row, type FifoDay } from './logFixtures';

/** Replayed wait per log line (throws if the replay is refused: a test bug). */
function waitsByLine(records: readonly LogRecord[], scenario: Scenario): Map<number, number> {
	const waits = new Map<number, number>();
	const out = replayLog(records, scenario, { onLeg: (l, line) => waits.set(line, l.wait) });
	if (!out.ok) throw new Error(out.message);
	return waits;
}

/** Poisson arrivals at `perHour` from 08:00 to the last ticket at 14:30, exponential durations of mean `mean`. */
function randomDay(seed: number, date: string, weekday: FifoDay['weekday'], perHour: number, mean: number, services = ['s']): FifoDay {
	const u = stream(seed, 0, date);
	const arrivals: number[] = [];
	for (let t = 480 + exponential(u, 60 / perHour); t < 870; t += exponential(u, 60 / perHour)) arrivals.push(t);
	return { date, weekday, arrivals, durations: arrivals.map(() => exponential(u, mean)), services: arrivals.map(() => services[Math.floor(u() * services.length)]) };
}

describe('replayLog', () => {
	it('reproduces the waits of an independent FIFO multi-counter log through the log\'s own layout', () => {
		// Three counters at 85% load over four days of two services: queues of tens of minutes. The engine, FIFO
		// with the longest-idle counter taking a newcomer, is the queue the generator writes, so every wait should
		// match but for rounding: work is the log's end − start, and the replay adds it back (a few ulps of 1e3
		// minutes); 1e-9 minutes allows that and nothing more.
		const days = [
			randomDay(1, '2026-03-02', 'mon', 30, 5.1, ['s', 't']),
			randomDay(2, '2026-03-03', 'tue', 30, 5.1, ['s', 't']),
			randomDay(3, '2026-03-06', 'fri', 30, 5.1, ['s', 't']),
			randomDay(4, '2026-03-09', 'mon', 30, 5.1, ['s', 't'])
		];
		const log = fifoLog(days, 3);
		expect(log.length).toBeGreaterThan(600);
		const observed = log.map((r) => r.called - r.issued);
		expect(Math.max(...observed)).toBeGreaterThan(10);
		const waits = waitsByLine(log, hall(3, { services: ['s', 't'] }));
		expect(waits.size).toBe(log.length);
		let worst = 0;
		for (const r of log) worst = Math.max(worst, Math.abs(waits.get(r.line)! - (r.called - r.issued)));
		expect(worst).toBeLessThan(1e-9);
	});

	it('reproduces an independent generator\'s log with several agencies, walk-up, abandonment and second services', () => {
		// The calibration tests' own FIFO generator (tests/calibrate/fifoLog.ts, written apart from the simulator):
		// each agency its own counters, exponential patience, a walk of up to 2 minutes from the call to the
		// counter (counter time: the trace's work is end − called), a second service after 20% of served legs.
		// Through the truth's own layout every outcome and every wait should match but for rounding (1e-9 min).
		const truth: Truth = {
			visitorsPerDay: 260,
			profile: { from: '08:00', step: 60, weights: [3, 4, 4, 3, 2, 2, 1] },
			agencies: [
				{ name: 'Dukcapil', prefix: 'A', counters: 3, services: [{ name: 'KTP', weight: 5, time: { dist: 'lognormal', mean: 8, cv: 0.6 } }, { name: 'KK', weight: 3, time: { dist: 'exponential', mean: 10 } }] },
				{ name: 'Samsat', prefix: 'B', counters: 2, services: [{ name: 'Pajak', weight: 4, time: { dist: 'gamma', mean: 7, cv: 0.5 } }] }
			],
			patienceMean: 40,
			extraServiceProbability: 0.2,
			walkUp: 2
		};
		const dates = workingDays('2026-03-02', 5);
		const rows = generateFifoLog(truth, dates, 11).rows;
		const log: LogRecord[] = rows.map((r: FifoRow, i) => ({ ...r, line: i + 2, outcome: r.status }));
		expect(rows.filter((r) => r.status === 'abandoned').length).toBeGreaterThan(20);
		// The generator serves a second service issued after 15:00; the engine sends home a ticket issued after close
		// that no counter still on duty would call. The hall closes at 20:00 here, so both serve everyone.
		const layout = truthScenario(truth, ['mon']) as { calendar: { hours: { default: { close: string } } } };
		layout.calendar.hours.default.close = '20:00';
		const scenario = mustParse(layout);
		const got = new Map<number, { wait: number; outcome: string }>();
		const out = replayLog(log, scenario, { onLeg: (l, line) => got.set(line, { wait: l.wait, outcome: l.outcome }) });
		if (!out.ok) throw new Error(out.message);
		expect(out.result.unmatched).toEqual([]);
		let worst = 0;
		for (const r of log) {
			const g = got.get(r.line)!;
			expect(g.outcome).toBe(r.outcome);
			worst = Math.max(worst, Math.abs(g.wait - (r.outcome === 'served' ? r.called - r.issued : r.left - r.issued)));
		}
		expect(worst).toBeLessThan(1e-9);
	});

	it('gives the replay over the log\'s days, in date order, with each weekday\'s hours, and its run summary', () => {
		const log = fifoLog([randomDay(5, '2026-03-10', 'tue', 12, 6), randomDay(6, '2026-03-02', 'mon', 12, 6)], 1);
		const out = replayLog(log, hall(1));
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		const { result } = out;
		expect(result.days).toEqual(['2026-03-02', '2026-03-10']);
		expect(result.summary.days).toBe(2);
		expect(result.summary.replications).toBe(1);
		expect(result.summary.overall.served.mean).toBe(log.length);
		expect(result.overall.servedPerDay).toBe(log.length / 2);
		expect(result.daily.map((d) => d.date)).toEqual(result.days);
		expect(result.hourlyWaiting).toHaveLength(2);
		expect(result.hourlyWaiting[0]).toHaveLength(24);
		// The time-weighted number waiting over the day is the total wait over the day's minutes.
		const day0 = log.filter((r) => r.date === '2026-03-02');
		const area = day0.reduce((s, r) => s + r.called - r.issued, 0);
		expect(result.hourlyWaiting[0].reduce((s, x) => s + x * 60, 0)).toBeCloseTo(area, 6);
	});

	it('divides a row\'s observed duration by the counter\'s speed', () => {
		const records = [row({ line: 2, issued: 480, called: 480, end: 490 }), row({ line: 3, issued: 481, called: 490, end: 494 })];
		expect(waitsByLine(records, hall(1, { speed: 2 })).get(3)).toBe(4);
	});

	it('reports services the scenario lacks and drops their rows, replaying the rest', () => {
		const records = [
			row({ line: 2, issued: 480, called: 480, end: 490 }),
			row({ line: 3, issued: 481, called: 490, end: 494, service: 'Paspor' }),
			row({ line: 4, issued: 482, called: 490, end: 494, service: 'Paspor' }),
			row({ line: 5, issued: 483, called: 490, end: 494, agency: 'imigrasi', service: 'visa' })
		];
		const out = replayLog(records, hall(1));
		if (!out.ok) throw new Error(out.message);
		expect(out.result.unmatched).toEqual([
			{ agencyKey: 'a', serviceKey: 'Paspor', rows: 2 },
			{ agencyKey: 'imigrasi', serviceKey: 'visa', rows: 1 }
		]);
		expect(out.result.counts).toMatchObject({ rows: 4, unmatched: 3, legs: 1 });
		expect(out.result.overall.visitors).toBe(1);
	});

	it('refuses a hall that never closes, and a log with nothing to replay, with a message', () => {
		const log = [row({ issued: 480, called: 480, end: 490 })];
		const continuous = replayLog(log, mustParse(continuousScenario(2, 10, 5)));
		expect(continuous).toMatchObject({ ok: false });
		expect(!continuous.ok && continuous.message).toMatch(/never closes/);
		const none = replayLog([row({ issued: 480, service: 'x' })], hall(1));
		expect(!none.ok && none.message).toMatch(/no usable day/);
		expect(replayLog([], hall(1)).ok).toBe(false);
	});

	it('never lets a row with an impossible time into the replay (counted, not thrown)', () => {
		const out = replayLog([row({ issued: NaN }), row({ issued: -5 }), row({ issued: 2000 }), row({ issued: 490, called: 490, end: 495 })], hall(1));
		if (!out.ok) throw new Error(out.message);
		expect(out.result.counts).toMatchObject({ badTime: 3, legs: 1 });
	});
});

describe('replay (property)', () => {
	it('adding a counter never increases any replayed wait (same arrivals, one agency, FIFO, nobody leaving)', () => {
		const day = fc.record({
			arrivals: fc.array(fc.double({ min: 480, max: 869, noNaN: true }), { minLength: 1, maxLength: 80 }),
			durations: fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 80, maxLength: 80 })
		});
		fc.assert(
			fc.property(fc.array(day, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (days, c) => {
				const log = fifoLog(
					days.map((d, i) => ({ date: `2026-03-0${i + 2}`, weekday: (['mon', 'tue', 'wed'] as const)[i], arrivals: d.arrivals, durations: d.durations })),
					c
				);
				const fewer = waitsByLine(log, hall(c));
				const more = waitsByLine(log, hall(c + 1));
				for (const r of log) if (!(more.get(r.line)! <= fewer.get(r.line)! + 1e-9)) return false;
				return true;
			}),
			{ numRuns: 60 }
		);
	});
});
