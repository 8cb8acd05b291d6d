/**
 * Sizing explanations: the rules that name a binding target, and the test — for a sized hall, removing one
 * counter of the agency named as bound by a target breaks that named target on the search's own seeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessEvaluate } from '../../src/lib/planning/evaluate';
import { layoutScenario } from '../../src/lib/planning/layout';
import { sizeScenario, type SizingResult } from '../../src/lib/planning/size';
import { bindingOf } from '../../src/lib/planning/sizingExplained';
import { checkTargets, type AgencyCheck } from '../../src/lib/planning/targets';
import { aggregate } from '../../src/lib/stats/runAccumulator';
import type { MetricJSON } from '../../src/lib/stats/runSummary';
import { mustParse } from '../fixtures/scenarios';
import { morningHall } from './fixtures';

const SEARCH = { seed: 11, replications: 12 };
const NONE: MetricJSON = { mean: null, ci95: [null, null] };

/** A hand-made check with the given gaps (met when every gap is ≤ 0). */
function check(id: string, waitP90: number, abandonRate: number, serviceLevel: number | null = null): AgencyCheck {
	const worstGap = Math.max(waitP90, abandonRate, serviceLevel ?? -Infinity);
	return { id, name: id, waitP90: NONE, abandonRate: NONE, serviceLevel: NONE, gaps: { waitP90, abandonRate, serviceLevel }, worstGap, met: worstGap <= 0 };
}

describe('bindingOf', () => {
	it('names the agency’s own target furthest off when one fewer breaks it', () => {
		expect(bindingOf('a', [check('a', 0.3, 0.8), check('b', 0.9, -1)])).toEqual({ kind: 'target', agency: 'a', target: 'abandonRate', gapOneFewer: 0.8 });
		expect(bindingOf('a', [check('a', 0.3, -0.2, 0.5)])).toEqual({ kind: 'target', agency: 'a', target: 'serviceLevel', gapOneFewer: 0.5 });
	});

	it('names another agency’s target only when the agency’s own targets all hold', () => {
		expect(bindingOf('a', [check('a', -0.1, -0.5), check('b', 0.05, -1), check('c', -1, 0.2)])).toEqual({ kind: 'target', agency: 'c', target: 'abandonRate', gapOneFewer: 0.2 });
	});

	it('says nothing binds when every target still holds', () => {
		expect(bindingOf('a', [check('a', 0, -0.5), check('b', -0.1, -1)])).toEqual({ kind: 'none' });
	});
});

describe('explainSizing on a sized hall', () => {
	const base = mustParse(morningHall({ patienceMean: 240, visitorsPerDay: 120 }));
	let r: SizingResult;
	beforeAll(async () => {
		r = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, explain: true });
	});

	/** The checks of `layout` freshly simulated on the search's seeds (no cache). */
	async function freshChecks(dedicated: Record<string, number>) {
		const s = layoutScenario(base, { dedicated, shared: [] });
		return checkTargets(aggregate(s, await inProcessEvaluate(s, SEARCH.seed, SEARCH.replications), SEARCH.seed), r.targets);
	}

	it('explains every agency, and reuses the prune’s evaluations (a finished prune tried every one-fewer layout)', () => {
		expect(r.met).toBe(true);
		const e = r.explanation!;
		expect(Object.keys(e.agencies)).toEqual(['dukcapil', 'bapenda', 'pln']);
		expect(e.evaluated).toBe(0);
		expect(r.evaluations).toBe(r.path.length);
		for (const [id, a] of Object.entries(e.agencies)) {
			expect(a.counters).toBe(r.counters[id]);
			if (a.counters === 1) expect(a).toMatchObject({ binding: { kind: 'lastCounter' }, oneFewer: null });
			else expect(a.oneFewer).toMatchObject({ counters: a.counters - 1, source: 'search', met: false });
		}
		// The hall needs more than one counter somewhere, or the test below would test nothing.
		expect(Object.values(e.agencies).some((a) => a.binding.kind === 'target')).toBe(true);
	});

	it('removing one counter of an agency bound by a target breaks that named target (fresh simulation, search seeds)', async () => {
		for (const [id, a] of Object.entries(r.explanation!.agencies)) {
			if (a.binding.kind !== 'target') continue;
			const checks = await freshChecks({ ...r.counters, [id]: r.counters[id] - 1 });
			const broken = checks.find((c) => c.id === (a.binding as { agency: string }).agency)!;
			const gap = broken.gaps[a.binding.target];
			expect(gap, `${id}: ${a.binding.target}`).toBeGreaterThan(0);
			expect(gap).toBe(a.binding.gapOneFewer);
			// The one-fewer figures are that simulation's, to the bit (the search's cache holds the same runs).
			const own = checks.find((c) => c.id === id)!;
			expect(a.oneFewer!.waitP90).toEqual(own.waitP90);
			expect(a.oneFewer!.abandonRate).toEqual(own.abandonRate);
		}
	});

	it('simulates a one-fewer layout the search never tried, says so, and counts it', async () => {
		// Sharing changes the layout after the prune, so its one-fewer neighbours are new.
		const s = mustParse(morningHall({ patienceMean: 240, visitorsPerDay: 120, tinyAgencies: 3 }));
		const shared = await sizeScenario(s, inProcessEvaluate, { ...SEARCH, targets: { abandonRate: 0.05 }, shared: true, explain: true });
		expect(shared.shared.length).toBeGreaterThan(0);
		const e = shared.explanation!;
		const evaluated = Object.values(e.agencies).filter((a) => a.oneFewer?.source === 'evaluated').length;
		expect(evaluated).toBeGreaterThan(0);
		expect(e.evaluated).toBe(evaluated);
		expect(shared.evaluations).toBe(shared.path.length + evaluated);
		for (const id of shared.shared.flat()) expect(e.agencies[id].binding).toEqual({ kind: 'sharedOnly' });
	});

	it('has no binding target and tries nothing when the layout misses a target', async () => {
		const r1 = await sizeScenario(base, inProcessEvaluate, { ...SEARCH, maxEvaluations: 1, explain: true });
		expect(r1.met).toBe(false);
		expect(r1.evaluations).toBe(1);
		for (const a of Object.values(r1.explanation!.agencies)) expect(a).toMatchObject({ binding: { kind: 'notMet' }, oneFewer: null });
	});

	it('is not computed unless asked for (the growth curve sizes many halls and needs none)', async () => {
		const plain = await sizeScenario(base, inProcessEvaluate, SEARCH);
		expect(plain.explanation).toBeNull();
		expect(plain.counters).toEqual(r.counters);
	});
});
