/** The editor's saves of a changed scenario, apart from its state: a saved scenario's new version, a copy's name. */
import type { EditHistory } from '../components/editor/history';
import { resultsIdentity, type SavedScenario } from '../stores/savedScenario';
import type { DroppedResults } from './droppedResults';
import type { EditStore } from './editOptions';

/** A saved scenario (`key`, `record`, saved as `savedText`) and the valid version `json` about to replace it at `now`. */
export interface NewVersion {
	key: string;
	record: SavedScenario;
	savedText: string;
	json: Record<string, unknown>;
	now: string;
}

/**
 * Saves a new version of a saved scenario and returns its record. Results of the previous version no longer
 * describe a changed layout, demand or policy: they are dropped, and kept in `dropped` in case an undo comes back
 * to the version they describe; a version that comes back that way gets its results back.
 */
export async function saveVersion(store: EditStore, dropped: DroppedResults, v: NewVersion): Promise<SavedScenario> {
	const name = typeof v.json.name === 'string' && v.json.name !== '' ? v.json.name : v.record.name;
	const rec: SavedScenario = { ...v.record, name, scenario: v.json, savedAt: v.now };
	const before = resultsIdentity(JSON.parse(v.savedText));
	const after = resultsIdentity(v.json);
	if (before !== after) {
		// Keeping them is a kindness: a results store that cannot be read must not stop the save.
		dropped.keep(before, await store.getResults(v.key).catch(() => undefined));
	}
	await store.putSaved(rec, { dropResults: before !== after });
	const restored = before !== after ? dropped.get(after) : undefined;
	if (restored !== undefined) {
		await store.saveResults(v.key, restored);
		dropped.delete(after);
	}
	return rec;
}

/** Gives every version in the history named `from` the name `to` (a change the app makes, not a step to undo). */
export function renameEveryVersion(history: EditHistory, from: unknown, to: string): void {
	history.rewrite((t) => {
		const version = JSON.parse(t) as Record<string, unknown>;
		if (version.name !== from) return t;
		version.name = to;
		return JSON.stringify(version);
	});
}
