import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/lib/stats/runAccumulator';
import { summarizeReplication, type ReplicationSummary } from '../../src/lib/stats/replicationSummary';
import { smallOutput, smallScenario } from './fixtures';

const scenario = smallScenario();

/** Replications that differ: replication r adds r minutes to every wait and r visitor-minutes of waiting. */
function summaries(n: number): ReplicationSummary[] {
	return Array.from({ length: n }, (_, r) => {
		const out = smallOutput(r);
		out.legs = out.legs.map((l) => ({ ...l, wait: l.wait + r }));
		out.trace.waitingArea = out.trace.waitingArea.map((a) => a + 60 * r);
		return summarizeReplication(scenario, out);
	});
}

describe('aggregate', () => {
	const reps = summaries(5);
	const run = aggregate(scenario, reps, 42);

	it('has the documented shape and key order', () => {
		expect(Object.keys(run)).toEqual([
			'scenario', 'name', 'seed', 'replications', 'days', 'serviceLevelMinutes', 'overall', 'agencies',
			'services', 'counters', 'hourly', 'trace', 'heatmap', 'waitHistogram', 'dailyPeakWaiting'
		]);
		expect(Object.keys(run.overall)).toEqual([
			'arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'tickets', 'waitMean', 'waitP50', 'waitP90',
			'waitP95', 'waitMax', 'serviceLevel', 'utilization', 'timeInHall', 'overtime', 'abandonRate', 'peakWaiting'
		]);
		expect(Object.keys(run.agencies[0])).toEqual([
			'id', 'name', 'arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'waitMean', 'waitP50',
			'waitP90', 'waitP95', 'waitMax', 'serviceLevel', 'abandonRate'
		]);
		expect(Object.keys(run.services[0])).toEqual(['agency', 'service', 'name', 'arrived', 'served', 'waitMean', 'waitP90']);
		expect(Object.keys(run.counters[0])).toEqual(['id', 'name', 'served', 'utilization', 'staffed', 'busy', 'overtime']);
		expect(Object.keys(run.hourly[0])).toEqual(['hour', 'arrivals', 'waitMean', 'waiting', 'busy', 'staffed', 'utilization']);
		expect(run).toMatchObject({ scenario: 'uji-kecil', name: 'Uji kecil', seed: 42, replications: 5, days: 2, serviceLevelMinutes: 15 });
	});

	it('averages across replications with a t interval', () => {
		// Wait means 20, 21, …, 24: mean 22, s = √2.5, t(0.975, 4) = 2.776445 → half-width 1.963243.
		expect(run.overall.waitMean.mean).toBeCloseTo(22, 12);
		expect(run.overall.waitMean.ci95[0]).toBeCloseTo(22 - 1.963243, 5);
		// Counts that do not vary have a zero-width interval.
		expect(run.overall.arrived).toEqual({ mean: 5, ci95: [5, 5] });
		expect(run.agencies.map((a) => a.id)).toEqual(['dukcapil', 'bapenda']);
		expect(run.counters[0].utilization.mean).toBe(0.25);
	});

	it('keeps hours with staffed time or arrivals, and bands the trace', () => {
		expect(run.hourly.map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14]);
		expect(run.hourly[0].arrivals.mean).toBe(4);
		expect(run.heatmap.counters).toEqual(['L01', 'L02']);
		expect(run.heatmap.hours).toEqual([8, 9, 10, 11, 12, 13, 14]);
		expect(run.heatmap.utilization[0][0]).toBe(0.5);
		expect(run.trace.binMinutes).toBe(30);
		expect(run.trace.bins).toHaveLength(14);
		expect(run.trace.bins[1].t).toBe(510);
		// Bin 0 waiting per replication: (120 + 60r)/60 = 2, 3, 4, 5, 6 → p10 2.4, p50 4, p90 5.6.
		const b0 = run.trace.bins[0].waiting;
		expect(b0.p10).toBeCloseTo(2.4, 12);
		expect(b0.p50).toBeCloseTo(4, 12);
		expect(b0.p90).toBeCloseTo(5.6, 12);
		expect(run.trace.bins[0].staffed).toBe(2);
		expect(run.waitHistogram.binMinutes).toBe(1);
		expect(run.waitHistogram.counts.reduce((a, b) => a + b, 0)).toBe(20);
	});

	it('does not depend on the order summaries arrive in', () => {
		const shuffled = [reps[3], reps[0], reps[4], reps[2], reps[1]];
		expect(JSON.stringify(aggregate(scenario, shuffled, 42))).toBe(JSON.stringify(run));
	});

	it('writes null, never NaN, where a metric is undefined in every replication', () => {
		// Hour 9 has a ticket but nobody served from it: its wait mean is undefined in every replication.
		const h9 = run.hourly.find((h) => h.hour === 9)!;
		expect(h9.waitMean).toEqual({ mean: null, ci95: [null, null] });
		const json = JSON.stringify(run);
		expect(json).not.toMatch(/NaN|Infinity/);
		expect(JSON.parse(json)).toEqual(run);
	});

	it('gives no interval (null) for one replication and refuses duplicates', () => {
		const one = aggregate(scenario, summaries(1), 1);
		expect(one.overall.waitMean).toEqual({ mean: 20, ci95: [null, null] });
		expect(() => aggregate(scenario, [reps[0], reps[0]], 1)).toThrow(RangeError);
		const none = aggregate(scenario, [], 1);
		expect(none.replications).toBe(0);
		expect(none.overall.arrived.mean).toBeNull();
	});
});
