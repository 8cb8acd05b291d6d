/**
 * The sizing search on small fast halls: its layout is valid and meets the targets on fresh seeds, it is minimal
 * (removing any one counter breaks a target on the search's own seeds), and it reports its path, progress and cancel.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';
import { inProcessEvaluate, PlanningCancelled, type Evaluate } from '../../src/lib/planning/evaluate';
import { layoutScenario, counterHoursPerDay } from '../../src/lib/planning/layout';
import { erlangLowerBounds } from '../../src/lib/planning/lowerBound';
import { sizeScenario, type SizingProgress, type SizingResult } from '../../src/lib/planning/size';
import { checkTargets, DEFAULT_TARGETS } from '../../src/lib/planning/targets';
import { scaleDemand } from '../../src/lib/planning/variants';
import { runInProcess, summarizeRun } from '../../src/lib/sim/run';
import { aggregate } from '../../src/lib/stats/runAccumulator';
import { mustParse } from '../fixtures/scenarios';
import { morningHall } from './fixtures';

// The search's seed and replications; FRESH_SEED shares no stream with them.
const SEARCH = { seed: 11, replications: 12 };
const FRESH_SEED = 20250101;

const base = mustParse(morningHall({ patienceMean: 240, visitorsPerDay: 120 }));

/** Judges a scenario on the search's seeds (the same evaluations the search made). */
async function meetsOnSearchSeeds(s: Scenario): Promise<boolean> {
	const summaries = await inProcessEvaluate(s, SEARCH.seed, SEARCH.replications);
	return checkTargets(aggregate(s, summaries, SEARCH.seed), DEFAULT_TARGETS).every((c) => c.met);
}

describe('sizeScenario', () => {
	let result: SizingResult;
	const progress: SizingProgress[] = [];
	beforeAll(async () => {
		result = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, onProgress: (p) => progress.push(p) });
	});

	it('returns a valid, runnable scenario whose counters are the layout', () => {
		const parsed = parseScenario(JSON.parse(JSON.stringify(result.scenario)));
		expect(parsed.ok).toBe(true);
		expect(result.met).toBe(true);
		expect(result.totalCounters).toBe(result.scenario.counters.length);
		expect(Object.values(result.counters).reduce((a, b) => a + b, 0)).toBe(result.totalCounters);
		for (const [agency, n] of Object.entries(result.counters)) {
			expect(result.scenario.counters.filter((c) => c.serves.length === 1 && c.serves[0] === agency)).toHaveLength(n);
		}
		// Calendar, demand and policy are the base's; every counter is on duty all day at speed 1.
		expect(result.scenario.calendar).toEqual(base.calendar);
		expect(result.scenario.demand).toEqual(base.demand);
		expect(result.scenario.counters.every((c) => c.shifts === undefined && c.speed === 1 && c.profile === undefined)).toBe(true);
		// 08:00–12:00 is 4 hours per counter.
		expect(result.counterHoursPerDay).toBeCloseTo(4 * result.totalCounters, 10);
		expect(counterHoursPerDay(result.scenario)).toBe(result.counterHoursPerDay);
		for (const a of Object.values(result.achieved)) expect(a.met).toBe(true);
		expect(JSON.stringify({ ...result, scenario: undefined, summary: undefined })).not.toMatch(/NaN/);
	});

	it('meets its targets when re-simulated with fresh seeds', () => {
		// Tolerance, and why it is fair: the search accepted the layout because the unfavourable end of each 95%
		// interval met the target on ITS replications; it then removed counters until one more removal failed, so the
		// chosen layout sits just inside the line on those seeds (a winner's curse: among the layouts tried, the one
		// kept is the one its seeds flattered). Demanding the interval end again on fresh seeds would fail about as
		// often as a coin toss for the binding agency, whatever the layout's true quality. What the search does
		// promise is that the true mean lies below the target with high confidence, so the fresh run — 40
		// replications on an unrelated seed, more than the search's 12 — checks the MEAN of every metric against
		// its target. Fixed seeds keep it deterministic.
		const fresh = summarizeRun(result.scenario, FRESH_SEED, runInProcess(result.scenario, FRESH_SEED, 40));
		for (const a of fresh.agencies) {
			expect(a.waitP90.mean!, a.id).toBeLessThanOrEqual(DEFAULT_TARGETS.waitP90Minutes);
			expect(a.abandonRate.mean!, a.id).toBeLessThanOrEqual(DEFAULT_TARGETS.abandonRate);
		}
	});

	it('is minimal: removing any one counter breaks a target on the search seeds', async () => {
		for (let k = 0; k < result.scenario.counters.length; k++) {
			const fewer = structuredClone(result.scenario);
			fewer.counters.splice(k, 1);
			expect(await meetsOnSearchSeeds(fewer), `without ${result.scenario.counters[k].id}`).toBe(false);
		}
		expect(await meetsOnSearchSeeds(result.scenario)).toBe(true);
	});

	it('records its path: the Erlang start, growth where a target was missed, and tried removals', () => {
		const path = result.path;
		expect(path[0]).toMatchObject({ step: 0, action: 'start', agency: null, accepted: true });
		expect(path[0].totalCounters).toBe(Object.values(result.lowerBound).reduce((a, b) => a + b, 0));
		expect(path.some((s) => s.action === 'add' && s.phase === 'grow')).toBe(true);
		expect(path.some((s) => s.action === 'remove' && s.phase === 'prune')).toBe(true);
		path.forEach((s, i) => expect(s.step).toBe(i));
		// A step is kept exactly when its layout meets the targets (growth is always kept).
		for (const s of path.filter((x) => x.action === 'remove')) expect(s.accepted).toBe(s.met);
		const lastKept = [...path].reverse().find((s) => s.accepted)!;
		expect(lastKept.totalCounters).toBe(result.totalCounters);
		expect(result.evaluations).toBe(path.length);
	});

	it('finished its search: it did not stop early', () => {
		expect(result.stoppedEarly).toBeNull();
	});

	it('reports progress after each evaluation and once when done', () => {
		expect(progress.length).toBe(result.path.length + 1);
		expect(progress[progress.length - 1].phase).toBe('done');
		for (let i = 1; i < progress.length; i++) expect(progress[i].evaluations).toBeGreaterThanOrEqual(progress[i - 1].evaluations);
	});
});

describe('sizeScenario options', () => {
	it('stops when cancelled', async () => {
		const ctrl = new AbortController();
		const run = sizeScenario(base, inProcessEvaluate, { ...SEARCH, signal: ctrl.signal, onProgress: () => ctrl.abort() });
		await expect(run).rejects.toBeInstanceOf(PlanningCancelled);
	});

	it('stops at its time limit with the best layout so far, and says so', async () => {
		const r = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, maxSeconds: 0 });
		// No time at all: the Erlang starting layout is evaluated (a search always has a layout to give) and nothing more.
		expect(r.evaluations).toBe(1);
		expect(r.stoppedEarly).toBe('time');
		expect(r.path).toHaveLength(1);
	});

	it('says when its evaluations ran out', async () => {
		const r = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, maxEvaluations: 1 });
		expect(r.stoppedEarly).toBe('evaluations');
	});

	it('meets a service-level target from the interval’s lower end', async () => {
		const targets = { waitP90Minutes: 5, serviceLevel: 0.97 };
		const r = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, targets });
		expect(r.met).toBe(true);
		expect(r.targets).toEqual({ waitP90Minutes: 5, abandonRate: 0.02, serviceLevel: 0.97 });
		for (const a of Object.values(r.achieved)) {
			expect(a.serviceLevel.ci95[0]!).toBeGreaterThanOrEqual(0.97);
			expect(a.waitP90.ci95[1]!).toBeLessThanOrEqual(5);
		}
	});

	it('says so when its budget runs out before the targets are met', async () => {
		// The Erlang start misses a target for this hall (the main search had to grow it), and one evaluation is all
		// the budget allows.
		const r = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, maxEvaluations: 1 });
		expect(r.path).toHaveLength(1);
		expect(r.met).toBe(false);
		expect(r.evaluations).toBe(1);
		expect(Object.values(r.achieved).some((a) => !a.met)).toBe(true);
		expect(parseScenario(JSON.parse(JSON.stringify(r.scenario))).ok).toBe(true);
	});

	it('stops growing an agency that one more counter does not bring closer, and says which', async () => {
		// PLN's visitors leave for a reason counters cannot touch: a tenth of them, whatever the layout.
		const stuck: Evaluate = async (s, seed, n, signal) => {
			const summaries = await inProcessEvaluate(s, seed, n, signal);
			for (const r of summaries) r.agencies.find((a) => a.id === 'pln')!.abandonRate = 0.1;
			return summaries;
		};
		const r = await sizeScenario(base, stuck, SEARCH);
		expect(r.met).toBe(false);
		expect(r.countersDoNotHelp).toEqual(['pln']);
		const plnAdds = r.path.filter((step) => step.action === 'add' && step.agency === 'pln');
		expect(plnAdds.map((step) => step.accepted)).toEqual([false]);
		expect(r.counters.pln).toBe(r.lowerBound.pln);
		// Everyone else still gets what the targets need.
		for (const [id, a] of Object.entries(r.achieved)) if (id !== 'pln') expect(a.met).toBe(true);
	});

	it('gives an agency called "constructor" real figures (no plain-object lookups that find Object\'s own)', async () => {
		const input = morningHall({ patienceMean: 240, visitorsPerDay: 120, tinyAgencies: 1 });
		const tiny = input.agencies.find((a: { id: string }) => a.id === 'kecil1')!;
		tiny.id = 'constructor';
		for (const c of input.counters) c.serves = c.serves.map((x: string) => (x === 'kecil1' ? 'constructor' : x));
		const r = await sizeScenario(mustParse(input), inProcessEvaluate, { ...SEARCH, shared: true });
		const id: string = 'constructor';
		const a = r.achieved[id];
		expect(Number.isInteger(a.counters)).toBe(true);
		expect(a.utilization === null || (a.utilization > 0 && a.utilization <= 1)).toBe(true);
		expect(Number.isInteger(r.counters[id])).toBe(true);
	});

	it('merges small, lightly used agencies onto a shared counter when the targets still hold', async () => {
		const s = mustParse(morningHall({ patienceMean: 240, visitorsPerDay: 120, tinyAgencies: 3 }));
		const targets = { abandonRate: 0.05 };
		const r = await sizeScenario(s, inProcessEvaluate, { ...SEARCH, targets, shared: true });
		expect(r.met).toBe(true);
		expect(r.shared.length).toBeGreaterThan(0);
		const merged = r.shared.flat();
		for (const a of merged) {
			expect(r.counters[a]).toBe(0);
			expect(r.achieved[a].sharedCounters).toBe(1);
		}
		const sharedCounters = r.scenario.counters.filter((c) => c.serves.length > 1);
		expect(sharedCounters.map((c) => c.serves)).toEqual(r.shared);
		expect(parseScenario(JSON.parse(JSON.stringify(r.scenario))).ok).toBe(true);
		// Sharing only ever saves counters against the unshared search.
		const plain = await sizeScenario(s, inProcessEvaluate, { ...SEARCH, targets });
		expect(r.totalCounters).toBeLessThan(plain.totalCounters);
	});
});

describe('erlangLowerBounds and layouts', () => {
	it('asks for more counters as demand grows, and at least one each', () => {
		const low = erlangLowerBounds(base, DEFAULT_TARGETS);
		const high = erlangLowerBounds(scaleDemand(base, 3), DEFAULT_TARGETS);
		for (const a of Object.keys(low)) {
			expect(low[a]).toBeGreaterThanOrEqual(1);
			expect(high[a]).toBeGreaterThanOrEqual(low[a]);
		}
		expect(high.dukcapil).toBeGreaterThan(low.dukcapil);
	});

	it('builds a layout scenario with unique ids, dedicated and shared counters', () => {
		const s = layoutScenario(base, { dedicated: { dukcapil: 2, bapenda: 1, pln: 0 }, shared: [['bapenda', 'pln']] });
		expect(s.counters.map((c) => [c.id, c.serves])).toEqual([
			['L01', ['dukcapil']],
			['L02', ['dukcapil']],
			['L03', ['bapenda']],
			['L04', ['bapenda', 'pln']]
		]);
		expect(parseScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
	});
});
