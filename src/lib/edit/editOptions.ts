/** What the editor's controller is given (storage, drafts, clocks, messages) and the states it is in. */
import { keepDraft, loadDraft } from '../components/editor/draft';
import type { EditHistories } from '../components/editor/history';
import type { SavedScenario } from '../stores/savedScenario';
import { getResults, openScenario, putSaved, saveResults } from '../stores/scenarioStore';

export type EditStatus = 'loading' | 'missing' | 'failed' | 'ready';
export type SaveState = 'unchanged' | 'pending' | 'saved' | 'invalid' | 'error';

/** Where the editor reads and writes scenarios and their results (IndexedDB, through scenarioStore, by default). */
export interface EditStore {
	openScenario(ref: string): Promise<{ key: string; json: unknown; record?: SavedScenario } | undefined>;
	putSaved(rec: SavedScenario, opts?: { dropResults?: boolean }): Promise<void>;
	getResults(key: string): Promise<unknown>;
	saveResults(key: string, summary: unknown): Promise<void>;
}

/** Where an unsaved draft is kept per scenario reference (the tab's sessionStorage by default). */
export interface DraftStore {
	load(ref: string): string | undefined;
	keep(ref: string, text: string | undefined): void;
}

export interface EditControllerOptions {
	/** The UI's messages (svelte-i18n's `$_`), for the saved copy's name and the notice that it was made. */
	t: (key: string, values?: Record<string, string>) => string;
	/** Told the key of the copy the first valid change to a shipped scenario saved, while the page is there. */
	onCopySaved?: (key: string) => void;
	store?: EditStore;
	drafts?: DraftStore;
	/** Undo histories by scenario key (default: the tab's, which outlive the page). */
	histories?: EditHistories;
	/** The UI language the model's messages are shown in (default: the app's current one). */
	lang?: () => string;
	/** Milliseconds clock for history steps (default performance.now). */
	now?: () => number;
	/** Wall clock for the time a version was saved (default: the system's). */
	date?: () => Date;
	/** Milliseconds an edit waits before it is validated (default 150), so typing validates once it pauses. */
	validateMs?: number;
}

export const defaultStore: EditStore = { openScenario, putSaved, getResults, saveResults };
export const defaultDrafts: DraftStore = { load: loadDraft, keep: keepDraft };
