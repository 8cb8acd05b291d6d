import { readFileSync } from 'node:fs';
import { formatScenarioError } from '../lib/model/errors';
import { parseScenarioText } from '../lib/model/parse';
import type { Scenario } from '../lib/model/scenario';
import { CliError } from './cliError';

/** Reads and validates a scenario file; throws CliError with every problem, one a line, naming the file. */
export function loadScenario(file: string): { scenario: Scenario; warnings: string[] } {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
		throw new CliError(`${file}: ${why}`);
	}
	const parsed = parseScenarioText(text, file);
	if (!parsed.ok) throw new CliError(parsed.errors.map((e) => formatScenarioError(e, file)).join('\n'));
	return { scenario: parsed.scenario, warnings: parsed.warnings.map((w) => 'warning: ' + formatScenarioError(w, file)) };
}
