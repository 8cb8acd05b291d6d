/**
 * Each region's central-case layout meets the targets on fresh seeds, and with one counter fewer at its binding
 * agency it does not. The plan is sized on the plan's seed; the check runs on other seeds, so a layout that only
 * met the targets by the luck of its own visitors would fail here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../src/lib/stats/runAccumulator';
import { poolEvaluate, type Evaluate } from '../../src/lib/planning/evaluate';
import { layoutScenario } from '../../src/lib/planning/layout';
import { planProvince, type ProvincePlan } from '../../src/lib/planning/province';
import { checkTargets } from '../../src/lib/planning/targets';
import { createNodePool } from '../../src/lib/workers/nodePool';
import { base, shippedProvince } from './provinceFixtures';

const pools = [createNodePool(1), createNodePool(1)];
const lanes: Evaluate[] = pools.map(poolEvaluate);
afterAll(() => pools.forEach((p) => p.terminate()));

// Fresh seeds, none of them the plan's (the base scenario's 20240611).
const FRESH = [101, 202];
const REPLICATIONS = 20;

describe('the central case of every region', () => {
	let plan: ProvincePlan;

	it('is sized for all ten regions', async () => {
		plan = await planProvince(shippedProvince(), base, lanes, { levels: ['central'], replications: REPLICATIONS });
		expect(plan.regions).toHaveLength(10);
	}, 120_000);

	it('meets the targets on fresh seeds, and misses them with one counter fewer at the binding agency', async () => {
		for (const r of plan.regions) {
			const l = r.levels[0];
			for (const seed of FRESH) {
				const s = l.scenario;
				// Tolerance: the search demanded the unfavourable end of each 95% interval on its own seed. On a fresh seed
				// the layout fails only when it is significantly off: the favourable end of the fresh interval misses too.
				// (A one-counter agency's P90 wait is heavy-tailed; its fresh mean can sit just over the limit by chance.)
				const fresh = aggregate(s, await lanes[0](s, seed, REPLICATIONS), seed);
				for (const a of fresh.agencies) {
					expect(a.waitP90.ci95[0] ?? 0, `${r.id} ${a.id} P90 wait, seed ${seed}`).toBeLessThanOrEqual(plan.settings.targets.waitP90Minutes);
					expect(a.abandonRate.ci95[0] ?? 0, `${r.id} ${a.id} abandonment, seed ${seed}`).toBeLessThanOrEqual(plan.settings.targets.abandonRate);
				}
				const b = l.binding!;
				const fewer = { dedicated: { ...l.counters, [b.agency]: l.counters[b.agency] - 1 }, shared: [] };
				const one = layoutScenario(s, fewer);
				const run = aggregate(one, await lanes[1](one, seed, REPLICATIONS), seed);
				const check = checkTargets(run, plan.settings.targets).find((c) => c.id === b.agency)!;
				expect(check.met, `${r.id}: one counter fewer at ${b.agency} (seed ${seed})`).toBe(false);
			}
		}
	}, 240_000);
});
