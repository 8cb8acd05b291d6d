/** Scenario validation messages: each names the JSON path of what is wrong, so the CLI and the UI can point at it. */

/** One problem in a scenario: `path` is a JSON path like `counters[3].serves[0]` ("" for the whole file). */
export interface ScenarioError {
	path: string;
	message: string;
	/** The file the scenario came from, when known (set by parseScenarioText). */
	file?: string;
}

/** A path as a list of keys and indices, before it is written out. */
export type PathSegments = ReadonlyArray<string | number>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JSON path text of path segments: `counters[3].serves[0]`; odd keys are quoted (`dayFactors["a b"]`). */
export function formatPath(segments: PathSegments): string {
	let out = '';
	for (const s of segments) {
		if (typeof s === 'number') out += `[${s}]`;
		else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
		else out += `[${JSON.stringify(s)}]`;
	}
	return out;
}

/** A ScenarioError at the given path segments. */
export function scenarioError(segments: PathSegments, message: string): ScenarioError {
	return { path: formatPath(segments), message };
}

/** One line for a person: `kota.json: counters[3].serves[0]: no agency or service "dukcapl"` (parts left out when empty). */
export function formatScenarioError(e: ScenarioError, file?: string): string {
	const f = file ?? e.file;
	return [f, e.path, e.message].filter((part) => part !== undefined && part !== '').join(': ');
}
