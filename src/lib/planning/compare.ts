/**
 * Comparing 2–4 scenarios run on the same seed and replication indices. The simulator draws every visitor from
 * demand streams keyed by (seed, replication), so replication r of each scenario sees the same visitors wherever
 * the demand is the same (common random numbers): differences are taken per replication and their interval is
 * the paired one, much narrower than two independent intervals would suggest.
 */
import type { Scenario } from '../model/scenario';
import { runInProcess } from '../sim/run';
import type { ReplicationSummary } from '../stats/replicationSummary';
import { aggregate } from '../stats/runAccumulator';
import { byReplication, type RunSummary } from '../stats/runSummary';
import { outcomeRows, type OutcomeRow } from './compareOutcome';
import { verdictOf, type Verdict } from './compareVerdict';
import { difference, type Difference } from './pairedDifference';

export { difference, type Difference } from './pairedDifference';

/** Overall KPIs that get a paired difference. */
export const OVERALL_KPIS = [
	'arrived',
	'served',
	'abandoned',
	'notServedAtClose',
	'waitMean',
	'waitP50',
	'waitP90',
	'waitP95',
	'serviceLevel',
	'utilization',
	'timeInHall',
	'abandonRate'
] as const;
export type OverallKpi = (typeof OVERALL_KPIS)[number];

/** Per-agency KPIs that get a paired difference. */
export const AGENCY_KPIS = ['waitMean', 'waitP90', 'serviceLevel', 'abandonRate'] as const;
export type AgencyKpi = (typeof AGENCY_KPIS)[number];


/** One scenario of a comparison and its results across replications. */
export interface ComparedScenario {
	id: string;
	name: string;
	summary: RunSummary;
}

/** The paired differences of one scenario against the baseline. */
export interface ScenarioDifferences {
	/** Index of the scenario in `scenarios` (ids may repeat: a scenario compared with itself). */
	index: number;
	id: string;
	baseline: string;
	overall: Record<OverallKpi, Difference>;
	/** Agencies present in both, matched by id, in this scenario's order. */
	agencies: Array<{ id: string; name: string } & Record<AgencyKpi, Difference>>;
	/** The gain/loss model's rows (overall first, then agencies in both, in this scenario's order). */
	outcomes: OutcomeRow[];
	/** The largest significant losses and gains, losses first. */
	verdict: Verdict;
}

/** A comparison, JSON-ready (null where a value is undefined). */
export interface Comparison {
	seed: number;
	replications: number;
	/** The replication indices every scenario was run on (the pairing). */
	replicationIndices: number[];
	scenarios: ComparedScenario[];
	/** One entry per scenario after the first. */
	differences: ScenarioDifferences[];
}

/** A scenario with its per-replication summaries, however they were run (workers or in process). */
export interface ComparisonInput {
	scenario: Scenario;
	summaries: ReplicationSummary[];
}

/**
 * Compares scenarios (the first is the baseline) from their per-replication summaries. Every scenario must
 * have been run on the same seed and the same replication indices, or the differences would not be paired.
 */
export function compareScenarios(inputs: readonly ComparisonInput[], seed: number): Comparison {
	if (inputs.length < 2 || inputs.length > 4) throw new RangeError(`compare 2 to 4 scenarios, got ${inputs.length}`);
	const runs = inputs.map((x) => byReplication(x.summaries, 'compare'));
	const indices = runs[0].map((s) => s.replication);
	runs.forEach((r, k) => {
		const same = r.length === indices.length && r.every((s, i) => s.replication === indices[i]);
		if (!same) throw new RangeError(`scenario ${k + 1} ("${inputs[k].scenario.id}") was not run on the same replications as the baseline`);
	});
	const scenarios: ComparedScenario[] = inputs.map((x, k) => ({
		id: x.scenario.id,
		name: x.scenario.name,
		summary: aggregate(x.scenario, runs[k], seed)
	}));
	const base = runs[0];
	const baseScenario = inputs[0].scenario;
	const differences: ScenarioDifferences[] = [];
	for (let k = 1; k < inputs.length; k++) {
		const run = runs[k];
		const overall = {} as Record<OverallKpi, Difference>;
		for (const kpi of OVERALL_KPIS) {
			overall[kpi] = difference(
				base.map((s) => s.overall[kpi]),
				run.map((s) => s.overall[kpi])
			);
		}
		const agencies: ScenarioDifferences['agencies'] = [];
		inputs[k].scenario.agencies.forEach((ag, a) => {
			const b = baseScenario.agencies.findIndex((x) => x.id === ag.id);
			if (b < 0) return;
			const row = { id: ag.id, name: ag.name } as ScenarioDifferences['agencies'][number];
			for (const kpi of AGENCY_KPIS) {
				row[kpi] = difference(
					base.map((s) => s.agencies[b]?.[kpi] ?? NaN),
					run.map((s) => s.agencies[a]?.[kpi] ?? NaN)
				);
			}
			agencies.push(row);
		});
		const outcomes = outcomeRows(base, run);
		differences.push({ index: k, id: inputs[k].scenario.id, baseline: baseScenario.id, overall, agencies, outcomes, verdict: verdictOf(outcomes) });
	}
	return { seed, replications: indices.length, replicationIndices: indices, scenarios, differences };
}

/** Runs every scenario in this thread on replications 0..n−1 of `seed` and compares them (tests, small runs). */
export function compareInProcess(scenarios: readonly Scenario[], seed: number, replications: number): Comparison {
	return compareScenarios(
		scenarios.map((scenario) => ({ scenario, summaries: runInProcess(scenario, seed, replications).map((r) => r.summary) })),
		seed
	);
}
