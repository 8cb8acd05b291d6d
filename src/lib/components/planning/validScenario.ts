/** Scenarios for the planning pages: opened by reference and validated, or an Error a person can read. */
import { formatScenarioError } from '$lib/model/errors';
import { parseScenario } from '$lib/model/parse';
import type { Scenario } from '$lib/model/scenario';
import { openScenario } from '$lib/stores/scenarioStore';

/** A scenario JSON validated; throws an Error listing what is wrong, after `label: ` when there is a label. */
export function validScenario(json: unknown, label?: string): Scenario {
	const parsed = parseScenario(json);
	if (parsed.ok) return parsed.scenario;
	const errors = parsed.errors.map((e) => formatScenarioError(e)).join('; ');
	throw new Error(label === undefined ? errors : `${label}: ${errors}`);
}

/** The scenario a reference names, validated; throws an Error with `notFound` when there is no such scenario. */
export async function openValidScenario(ref: string, notFound: string): Promise<Scenario> {
	const opened = await openScenario(ref);
	if (!opened) throw new Error(notFound);
	return validScenario(opened.json, opened.name);
}
