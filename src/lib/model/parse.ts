/** Parsing a scenario: shape (zod), then cross-field checks. Never throws: every problem comes back as an error. */
import { crossCheck } from './crossChecks';
import type { ScenarioError } from './errors';
import { issuesToErrors } from './issues';
import { parseJsonText } from './jsonText';
import { ScenarioSchema, type Scenario } from './scenario';

/** A valid scenario with any warnings, or the errors that make it invalid. */
export type ParseResult = { ok: true; scenario: Scenario; warnings: ScenarioError[] } | { ok: false; errors: ScenarioError[] };

/** Validates a value (already JSON-decoded) as a scenario: shape first, then cross-checks if the shape is right. */
export function parseScenario(input: unknown): ParseResult {
	try {
		const shape = ScenarioSchema.safeParse(input);
		if (!shape.success) {
			const errors = issuesToErrors(shape.error.issues, input);
			return { ok: false, errors: errors.length > 0 ? errors : [{ path: '', message: 'not a valid scenario' }] };
		}
		const { errors, warnings } = crossCheck(shape.data);
		return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: shape.data, warnings };
	} catch (e) {
		// A bug in a check must not crash the CLI or the editor: report it like any other problem.
		return { ok: false, errors: [{ path: '', message: `could not validate the scenario: ${e instanceof Error ? e.message : String(e)}` }] };
	}
}

/** Parses scenario JSON text; syntax errors name line and column, and every error carries `file` when given. */
export function parseScenarioText(text: string, file?: string): ParseResult {
	const json = parseJsonText(text);
	const result: ParseResult = json.ok ? parseScenario(json.value) : { ok: false, errors: [{ path: '', message: json.message }] };
	if (file === undefined) return result;
	const tag = (list: ScenarioError[]) => list.map((e) => ({ ...e, file }));
	return result.ok ? { ...result, warnings: tag(result.warnings) } : { ok: false, errors: tag(result.errors) };
}
