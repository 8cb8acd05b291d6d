/**
 * What the run page opens: a scenario by its ref (a saved key or shipped:<id>), validated, and the results saved
 * with it when they are a run summary of that scenario. The page says each outcome in the reader's language.
 */
import type { ScenarioError } from '../model/errors';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/scenario';
import type { RunSummary } from '../stats/runSummary';
import { getResults, openScenario } from '../stores/scenarioStore';

/** The run page's scenario: loading, not there (and why), not valid, or ready to run. */
export type RunPageScenario =
	| { kind: 'loading' }
	| { kind: 'missing'; reason: 'noRef' | 'notFound' | 'unreadable'; ref: string; message?: string }
	| { kind: 'invalid'; ref: string; name: string; errors: ScenarioError[] }
	| { kind: 'ready'; ref: string; key: string; name: string; scenario: Scenario; warnings: ScenarioError[] };

/** Opens and validates the scenario `ref` names. */
export async function openRunScenario(ref: string | null): Promise<RunPageScenario> {
	if (!ref) return { kind: 'missing', reason: 'noRef', ref: '' };
	let opened: Awaited<ReturnType<typeof openScenario>>;
	try {
		opened = await openScenario(ref);
	} catch (e) {
		return { kind: 'missing', reason: 'unreadable', ref, message: e instanceof Error ? e.message : String(e) };
	}
	if (!opened) return { kind: 'missing', reason: 'notFound', ref };
	const parsed = parseScenario(opened.json);
	if (!parsed.ok) return { kind: 'invalid', ref, name: opened.name, errors: parsed.errors };
	return { kind: 'ready', ref, key: opened.key, name: opened.name, scenario: parsed.scenario, warnings: parsed.warnings };
}

/** The results saved with a scenario, if they are a run summary of it (null: none, unreadable, or another's). */
export async function savedSummary(key: string, scenario: Scenario): Promise<RunSummary | null> {
	try {
		const saved = await getResults(key);
		return looksLikeSummary(saved, scenario) ? saved : null;
	} catch {
		// No saved results (or no IndexedDB): nothing to show yet.
		return null;
	}
}

/** Whether a stored value is a run summary of `scenario` (stored data may be older or damaged). */
export function looksLikeSummary(x: unknown, scenario: Scenario): x is RunSummary {
	const s = x as Partial<RunSummary> | null;
	return (
		typeof s === 'object' &&
		s !== null &&
		s.scenario === scenario.id &&
		typeof s.replications === 'number' &&
		typeof s.overall === 'object' &&
		Array.isArray(s.agencies) &&
		Array.isArray(s.counters) &&
		Array.isArray(s.trace?.bins) &&
		Array.isArray(s.waitHistogram?.counts)
	);
}
