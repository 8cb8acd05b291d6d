/**
 * The last comparison, kept across reloads and pages (issue 24, item 5): its inputs and result in the planning
 * store's 'compare' slot, named by the results identity of each compared scenario in order, so it comes back
 * only while every one of them is as it was — a changed (or deleted) scenario drops it.
 */
import type { Scenario } from '$lib/model/scenario';
import type { Comparison } from '$lib/planning/compare';
import { planningRecord, stillDescribes, type PlanningRecord } from '$lib/stores/planningRecord';
import { resultsIdentity } from '$lib/stores/savedScenario';
import { readCompareInputs, type CompareInputs } from './compareInputs';

/** The planning store's calls this needs (the IndexedDB ones in the app; a map in tests). */
export interface PlanningStore {
	getPlanning(slot: 'compare'): Promise<PlanningRecord | undefined>;
	savePlanning(rec: PlanningRecord): Promise<void>;
	deletePlanning(slot: 'compare'): Promise<void>;
}

/** What restoring found: the comparison back, none kept, or one dropped because its scenarios changed. */
export type Restored =
	| { kind: 'restored'; inputs: CompareInputs; scenarios: Scenario[]; comparison: Comparison; savedAt: string }
	| { kind: 'none' }
	| { kind: 'dropped' };

/** The identities a comparison of these scenarios (baseline first) is kept under. */
export function compareIdentities(scenarios: readonly Scenario[]): string[] {
	return scenarios.map((s) => resultsIdentity(s));
}

/** Keeps a finished comparison with the inputs and scenarios it was made from (replacing the last one). */
export async function rememberComparison(store: PlanningStore, inputs: CompareInputs, scenarios: readonly Scenario[], comparison: Comparison): Promise<void> {
	await store.savePlanning(planningRecord('compare', compareIdentities(scenarios), structuredClone(inputs), comparison));
}

/**
 * The kept comparison if it still describes its scenarios as they are now (made again from its inputs by
 * `build`); a record whose scenarios changed, are gone or cannot be read is deleted ('dropped'). With `wanted`,
 * a record for other inputs (say, the page was opened to compare a copy with its original) is left alone: 'none'.
 */
export async function restoreComparison(
	store: PlanningStore,
	build: (inputs: CompareInputs) => Promise<Scenario[]>,
	wanted?: (inputs: CompareInputs) => boolean
): Promise<Restored> {
	const rec = await store.getPlanning('compare');
	if (rec === undefined) return { kind: 'none' };
	const inputs = readCompareInputs(rec.inputs);
	if (inputs && wanted && !wanted(inputs)) return { kind: 'none' };
	let scenarios: Scenario[] | undefined;
	if (inputs && rec.result !== undefined) {
		try {
			scenarios = await build(inputs);
		} catch {
			scenarios = undefined; // a scenario deleted or no longer valid: the comparison describes nothing now
		}
	}
	if (!inputs || scenarios === undefined || !stillDescribes(rec, compareIdentities(scenarios))) {
		await store.deletePlanning('compare');
		return { kind: 'dropped' };
	}
	return { kind: 'restored', inputs, scenarios, comparison: rec.result as Comparison, savedAt: rec.savedAt };
}
