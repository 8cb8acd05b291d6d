/** Reading a scenario file the user chose to import: its JSON as written, or every error naming the file. */
import { parseJsonText, parseScenario, type ScenarioError } from '$lib/model';
import { scenarioName } from '$lib/stores/savedScenario';

/** One file's errors, each naming the file. */
export interface FileErrors {
	file: string;
	errors: ScenarioError[];
}

/** A readable, valid scenario file (its JSON as written, defaults not filled in), or why not. */
export type ReadScenario = { ok: true; name: string; json: unknown } | ({ ok: false } & FileErrors);

/** The message of anything thrown, as one error of `file`. */
export function fileError(file: string, e: unknown): FileErrors {
	return { file, errors: [{ path: '', message: e instanceof Error ? e.message : String(e), file }] };
}

/** Reads and validates one chosen file; the name is the scenario's, else the file's. */
export async function readScenarioFile(file: Pick<File, 'name' | 'text'>): Promise<ReadScenario> {
	let text: string;
	try {
		text = await file.text();
	} catch (e) {
		return { ok: false, ...fileError(file.name, e) };
	}
	const raw = parseJsonText(text);
	if (!raw.ok) return { ok: false, ...fileError(file.name, raw.message) };
	const parsed = parseScenario(raw.value);
	if (!parsed.ok) return { ok: false, file: file.name, errors: parsed.errors.map((err) => ({ ...err, file: file.name })) };
	// Keep the file's JSON as written (defaults not filled in), so an export gives the same file back.
	return { ok: true, name: scenarioName(raw.value) ?? file.name, json: raw.value };
}
