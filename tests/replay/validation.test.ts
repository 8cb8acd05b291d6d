import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/lib/calibrate/logRecord';
import type { DayId, Scenario } from '../../src/lib/model/scenario';
import { overLogDays } from '../../src/lib/replay/logDays';
import { MIN_OBSERVED_WAITS, pairedInterval, validateModel, verdictOf } from '../../src/lib/replay/validation';
import { BatchRunner } from '../../src/lib/sim/batch';
import { tCritical } from '../../src/lib/stats/studentT';
import { mustParse } from '../fixtures/scenarios';
import { hall, legRow, row } from './logFixtures';

const kota = (): Scenario => mustParse(JSON.parse(readFileSync(new URL('../../scenarios/kota-bengkulu.json', import.meta.url), 'utf8')));

/** `days` weekdays of `scenario` run once with `seed`, written as a log (the project's visits.csv, read). */
function modelLog(scenario: Scenario, weekdays: DayId[], seed: number): LogRecord[] {
	const over = overLogDays(scenario, weekdays);
	if (!over.ok) throw new Error(over.message);
	const rows: LogRecord[] = [];
	new BatchRunner(over.scenario, seed).run(0, false, (l) => rows.push(legRow(l, rows.length + 2)));
	return rows;
}

describe('pairedInterval', () => {
	it('is the Student-t interval of the daily differences, days without a mean on either side left out', () => {
		// Differences 1, 3, 2, 6 (day 5 has no observed mean): mean 3, sd √(14/3), t(0.975, 3) = 3.182446.
		const p = pairedInterval([5, 7, 6, 10, 9], [4, 4, 4, 4, NaN]);
		expect(tCritical(0.95, 3)).toBeCloseTo(3.182446305284263, 10);
		const half = (tCritical(0.95, 3) * Math.sqrt(14 / 3)) / 2;
		expect(p.days).toBe(4);
		expect(p.mean).toBe(3);
		expect(p.low).toBeCloseTo(3 - half, 12);
		expect(p.high).toBeCloseTo(3 + half, 12);
		expect(pairedInterval([1], [0])).toEqual({ days: 1, mean: 1, low: NaN, high: NaN });
		expect(pairedInterval([NaN], [0]).days).toBe(0);
	});
});

describe('verdictOf', () => {
	it('agrees within max(10% of the observed mean, 2 minutes), and says too-few below the observations it needs', () => {
		const acc = { relative: 0.1, minutes: 2 };
		expect(verdictOf(30, 32.9, 500, acc)).toBe('agrees');
		expect(verdictOf(30, 26.9, 500, acc)).toBe('differs');
		expect(verdictOf(5, 6.9, 500, acc)).toBe('agrees');
		expect(verdictOf(5, 7.1, 500, acc)).toBe('differs');
		expect(verdictOf(5, NaN, 500, acc)).toBe('differs');
		expect(verdictOf(30, 30, MIN_OBSERVED_WAITS - 1, acc)).toBe('too-few');
		expect(verdictOf(30, 31, MIN_OBSERVED_WAITS, { relative: 0, minutes: 0.5 })).toBe('differs');
	});
});

describe('validateModel', () => {
	it('on a log the model itself wrote: the replay reproduces it exactly and the model agrees with it', () => {
		// Kota Bengkulu over four weeks (~8,500 visitors: priority, online, no-shows, abandonment, second services)
		// written as a log by replication 0 of seed 99, then validated with 30 replications of another seed. The
		// replay runs the same engine over the same visitors, so its waits are the log's (1e-9 min: rounding of
		// observed durations added back). The model is the log's own process: its mean wait over 30 replications
		// differs from one 20-day sample by sampling noise only — a few percent at this size, inside 10%.
		const s = kota();
		const weekdays = Array.from({ length: 4 }, () => ['mon', 'tue', 'wed', 'thu', 'fri'] as DayId[]).flat();
		const log = modelLog(s, weekdays, 99);
		expect(log.length).toBeGreaterThan(7_000);
		const steps: number[] = [];
		const report = validateModel(log, s, { replications: 30, seed: 5 }, (done, total) => steps.push(done / total));
		if (!report.ok) throw new Error(report.message);
		expect(steps.at(-1)).toBe(1);
		expect(report.days).toHaveLength(20);
		expect(report.abandonedWaits).toBe(true);
		expect(report.unmatched).toEqual([]);
		const { overall } = report;
		expect(overall.observed.abandonShare).toBeGreaterThan(0);
		for (const k of ['visitors', 'servedPerDay', 'abandonShare', 'waitMean', 'waitP50', 'waitP90', 'withinTarget'] as const) {
			expect(Math.abs(overall.difference.replay[k])).toBeLessThan(1e-9);
		}
		expect(overall.paired.replay.mean).toBeCloseTo(0, 9);
		expect(report.agencies.every((a) => a.verdict.replay !== 'differs')).toBe(true);
		expect(overall.verdict.replay).toBe('agrees');
		expect(overall.verdict.model).toBe('agrees');
		expect(Math.abs(overall.difference.model.waitMean)).toBeLessThan(0.1 * overall.observed.waitMean);
		// The paired interval of model − observed covers 0 (the model is the log's own process; seed fixed).
		expect(overall.paired.model.low).toBeLessThan(0);
		expect(overall.paired.model.high).toBeGreaterThan(0);
		expect(overall.paired.model.days).toBe(20);
		expect(report.hourly.length).toBeGreaterThan(5);
		expect(report.hourlyByDay.model).toHaveLength(20);
		expect(report.verdict).toBe('agrees');
	});

	it('says the model differs when its layout does not reproduce the log, and too-few where a row has little data', () => {
		// A one-counter FIFO log with queues of tens of minutes, validated against a two-counter hall.
		const rows: LogRecord[] = [];
		let free = 480;
		for (let i = 0; i < 150; i++) {
			const issued = 480 + i * 2.5;
			const start = Math.max(free, issued);
			free = start + 2.8;
			rows.push(row({ line: 2 + i, issued, called: start, start, end: free }));
		}
		const report = validateModel(rows, hall(2), { replications: 3, seed: 1 });
		if (!report.ok) throw new Error(report.message);
		expect(report.overall.observed.waitMean).toBeGreaterThan(10);
		expect(report.overall.verdict.replay).toBe('differs');
		expect(report.overall.replay.waitMean).toBeLessThan(report.overall.observed.waitMean);
		const few = validateModel(rows.slice(0, MIN_OBSERVED_WAITS - 1), hall(1), { replications: 2, seed: 1 });
		if (!few.ok) throw new Error(few.message);
		expect(few.overall.verdict).toEqual({ replay: 'too-few', model: 'too-few' });
		expect(few.verdict).toBe('too-few');
	});

	it('returns an error, never throws, for replications that make no sense or a scenario that cannot replay', () => {
		expect(validateModel([row({ issued: 480 })], hall(1), { replications: 0 })).toMatchObject({ ok: false });
		expect(validateModel([], hall(1), { replications: 2 })).toMatchObject({ ok: false });
	});
});
