/** The editor's sections and the errors they hold. */
import { countUnder } from '../components/editor/paths';

/** The editor's sections in page order, with the top-level fields whose errors each one counts. */
export const EDITOR_SECTIONS = [
	{ id: 'general', prefixes: ['name', 'id', 'notes', 'version', '$schema'] },
	{ id: 'calendar', prefixes: ['calendar'] },
	{ id: 'agencies', prefixes: ['agencies'] },
	{ id: 'counters', prefixes: ['counters'] },
	{ id: 'demand', prefixes: ['demand'] },
	{ id: 'policy', prefixes: ['policy'] },
	{ id: 'run', prefixes: ['run'] }
] as const;

/** How many of the error paths lie under a section's fields. */
export function sectionErrorCount(errorPaths: readonly string[], prefixes: readonly string[]): number {
	return prefixes.reduce((n, p) => n + countUnder(errorPaths, p), 0);
}
