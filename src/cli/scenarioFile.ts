import { formatScenarioError } from '../lib/model/errors';
import { parseScenarioText } from '../lib/model/parse';
import type { Scenario } from '../lib/model/scenario';
import { CliError } from './cliError';
import { readTextFile } from './inputFile';
import { printable } from './terminalText';

/** Reads and validates a scenario file; throws CliError with every problem, one a line, naming the file. */
export function loadScenario(file: string): { scenario: Scenario; warnings: string[] } {
	const text = readTextFile(file);
	const parsed = parseScenarioText(text, file);
	if (!parsed.ok) throw new CliError(parsed.errors.map((e) => formatScenarioError(e, file)).join('\n'));
	return { scenario: parsed.scenario, warnings: parsed.warnings.map((w) => printable('warning: ' + formatScenarioError(w, file))) };
}
