/** The analytic view: Erlang C and A beside the simulation, with notes where the formulas only approximate. */
import { describe, expect, it } from 'vitest';
import { agencyView } from '../../src/lib/analytic/agencyView';
import { erlangC, mmcMeanWait } from '../../src/lib/analytic/erlangC';
import { erlangA } from '../../src/lib/analytic/erlangA';
import { summarizeRun, runInProcess } from '../../src/lib/sim/run';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';

describe('agencyView', () => {
	it('puts Erlang C and Erlang A for the offered load beside each other', () => {
		const input = continuousScenario(3, 30, 5);
		input.demand.patience = { dist: 'exponential', mean: 20 };
		const v = agencyView(mustParse(input));
		const [a] = v.agencies;
		expect(a.servers).toBe(3);
		expect(a.counters).toEqual({ dedicated: 3, shared: 0 });
		expect(a.offeredLoad).toBeCloseTo(2.5, 12);
		expect(a.erlangC.pWait).toBeCloseTo(erlangC(3, 2.5), 12);
		expect(a.erlangC.waitMean).toBeCloseTo(mmcMeanWait(0.5, 0.2, 3), 12);
		expect(a.erlangC.abandonRate).toBe(0);
		const ea = erlangA(3, 0.5, 0.2, 1 / 20);
		expect(a.erlangA!.pWait).toBeCloseTo(ea.pWait, 12);
		expect(a.erlangA!.abandonRate).toBeCloseTo(ea.pAbandon, 12);
		expect(a.erlangA!.waitMean).toBeCloseTo(ea.meanWaitServed, 12);
		expect(a.notes).toEqual([]);
		expect(v.patienceApproximated).toBe(false);
		expect(a.simulated).toBeNull();
	});

	it('flags an unstable Erlang C queue and a queue nobody leaves', () => {
		const v = agencyView(mustParse(continuousScenario(2, 30, 5)));
		expect(v.agencies[0].erlangC.unstable).toBe(true);
		expect(v.agencies[0].erlangC.waitMean).toBeNull();
		expect(v.agencies[0].erlangA).toBeNull();
		expect(v.agencies[0].notes).toEqual(['no-patience']);
	});

	it('notes shared counters, shifts, partial counters and a non-exponential patience, and shows simulated values', () => {
		const input = smallScenario();
		input.demand.patience = { dist: 'gamma', mean: 90, cv: 0.5 };
		const s = mustParse(input);
		const run = summarizeRun(s, 1, runInProcess(s, 1, 3));
		const v = agencyView(s, run);
		expect(v.patienceMean).toBe(90);
		expect(v.patienceApproximated).toBe(true);
		const duk = v.agencies[0];
		expect(duk.counters).toEqual({ dedicated: 1, shared: 1 });
		expect(duk.notes).toEqual(['shared-counters', 'shifts', 'partial-counters', 'patience-not-exponential']);
		expect(duk.simulated!.waitP90).toEqual(run.agencies[0].waitP90);
		expect(duk.erlangA!.abandonRate).toBeGreaterThanOrEqual(0);
		expect(JSON.stringify(v)).not.toMatch(/NaN/);
	});
});
