import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BatchRunner } from '../../src/lib/sim/batch';
import { compileScenario } from '../../src/lib/sim/compile';
import { DemandStreams, generateDay } from '../../src/lib/sim/demand';
import { BLOCK_VISITORS } from '../../src/lib/sim/demandFeed';
import { toPlainRecord } from '../../src/lib/sim/leg';
import type { LegRecord } from '../../src/lib/records/legRecord';
import { ReplicationRun, simulateReplication } from '../../src/lib/sim/replication';
import { summarizeReplication, summarizeTally } from '../../src/lib/stats/replicationSummary';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';

const kota = () => mustParse(JSON.parse(readFileSync(new URL('../../scenarios/kota-bengkulu.json', import.meta.url), 'utf8')));

/** A continuous run with a second service 40% of visitors also want, and exponential patience of mean `patience`. */
function twoServiceRun(minutes: number, patience: number) {
	const input = continuousScenario(4, 30, 10, { minutes, warmupMinutes: 300 });
	input.agencies[0].services.push({ id: 't', name: 'T', weight: 1, serviceTime: { dist: 'exponential', mean: 5 } });
	input.demand.extraServiceProbability = 0.4;
	input.demand.patience = { dist: 'exponential', mean: patience };
	return compileScenario(mustParse(input));
}

describe('simulateReplication', () => {
	it('tallies its legs as they end into exactly the summary of its records', () => {
		const withWarmup = smallScenario();
		withWarmup.run!.warmupMinutes = 600;
		const patient = continuousScenario(3, 20, 8, { minutes: 3_000, warmupMinutes: 300 });
		patient.demand.patience = { dist: 'exponential', mean: 15 };
		for (const s of [kota(), mustParse(withWarmup), mustParse(patient)]) {
			const model = compileScenario(s);
			for (const r of [0, 1]) {
				const out = simulateReplication(model, 11, r);
				const records = { ...out, legs: out.legs.map(toPlainRecord) };
				expect(summarizeTally(out.tally!, out)).toEqual(summarizeReplication(s, records));
			}
		}
	});

	it('gives the same replication whether its legs, tickets and tally are fresh or reused', () => {
		const s = kota();
		const reused = new BatchRunner(s, 5);
		reused.run(40, false);
		reused.run(41, true);
		for (const r of [2, 3]) expect(reused.run(r, true)).toEqual(new BatchRunner(s, 5).run(r, true));
	});

	it('gives the same summary when legs are not kept and a long day reuses the legs that have ended, making few', () => {
		// One day of 6,000 minutes: a line per service and class, a shared "*" line, priority and patience (so
		// tickets wait in several lines, and cancelled patience timers stay on the calendar after the call).
		const input = continuousScenario(4, 30, 10, { minutes: 6_000, warmupMinutes: 300 });
		input.demand.patience = { dist: 'exponential', mean: 20 };
		input.demand.priorityShare = 0.2;
		input.counters = input.counters.map((c, i) => ({ ...c, profile: i % 2 ? ['priority', '*'] : ['*'] }));
		for (const s of [mustParse(input), mustParse(continuousScenario(10, 54, 10, { minutes: 6_000, warmupMinutes: 300 }))]) {
			const model = compileScenario(s);
			const kept = simulateReplication(model, 3, 0);
			const lean = new ReplicationRun(model, 3, 0);
			lean.keepLegs = false;
			const out = lean.run();
			expect(summarizeTally(out.tally!, out)).toEqual(summarizeTally(kept.tally!, kept));
			// Thousands of legs, made from a few dozen objects: those waiting, at a counter or still referred to.
			expect(kept.legs.length).toBeGreaterThan(2_500);
			expect(lean.legObjects).toBeLessThan(kept.legs.length / 10);
		}
	});

	it('streams every leg in (day, visitor, leg) order as it was, though held legs are not copied and ended ones are reused', () => {
		// Visitors end out of turn (ten counters, second services, abandonment), so many legs are held for order
		// while the legs ended before them are reused: a held leg reused too soon would stream another's record.
		const model = twoServiceRun(6_000, 20);
		const kept = simulateReplication(model, 4, 0).legs.map(toPlainRecord);
		kept.sort((a, b) => a.day - b.day || a.visitor - b.visitor || a.leg - b.leg);
		const streamed: LegRecord[] = [];
		const lean = new ReplicationRun(model, 4, 0);
		lean.keepLegs = false;
		lean.streamLegs((l) => streamed.push(toPlainRecord(l)));
		lean.run();
		expect(streamed).toEqual(kept);
		expect(lean.legObjects).toBeLessThan(kept.length / 10);
	});

	it('gives the same summary when legs are not kept and each day reuses the legs of the days before', () => {
		// Patience of hours: many abandonment timers of one day are still on the calendar (cancelled) after its
		// midnight, when the next day reuses their legs.
		const input = JSON.parse(readFileSync(new URL('../../scenarios/kota-bengkulu.json', import.meta.url), 'utf8'));
		input.demand.patience = { dist: 'gamma', mean: 600, cv: 0.5 };
		for (const s of [kota(), mustParse(input)]) {
			const reused = new BatchRunner(s, 9);
			reused.run(7, true);
			for (const r of [0, 1, 2]) {
				const lean = reused.run(r, false);
				expect(lean.legs).toBeUndefined();
				expect(lean).toEqual({ ...new BatchRunner(s, 9).run(r, true), legs: undefined });
			}
		}
	});

	it('meets a continuous run\'s visitors block by block exactly as they are generated at once', () => {
		// Several blocks of visitors, some wanting a second service (met long after their block has been replaced).
		const model = twoServiceRun(12_000, 30);
		const whole = generateDay(model, model.days[0], new DemandStreams(8, 1));
		expect(whole.count).toBeGreaterThan(3 * BLOCK_VISITORS);
		const out = simulateReplication(model, 8, 1);
		const legs = out.legs.map(toPlainRecord).sort((a, b) => a.visitor - b.visitor || a.leg - b.leg);
		const byVisitor = new Map<number, typeof legs>();
		for (const l of legs) byVisitor.set(l.visitor, [...(byVisitor.get(l.visitor) ?? []), l]);
		expect(byVisitor.size).toBe(whole.count);
		for (const [visitor, visit] of byVisitor) {
			const g = whole.order[visitor - 1];
			expect(visit[0].arrival).toBe(whole.arrival[g]);
			// A visit ends at its first leg not served; the services it reached are those generated, in order.
			const services = Array.from(whole.legService.subarray(whole.legStart[g], whole.legStart[g + 1]));
			expect(visit.map((l) => l.service)).toEqual(services.slice(0, visit.length).map((k) => model.engine.agencies[0].services[k]));
			if (visit.length < services.length) expect(visit[visit.length - 1].outcome).not.toBe('served');
		}
	});
});

