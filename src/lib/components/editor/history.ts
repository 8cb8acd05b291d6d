/**
 * The editor's undo and redo: the scenario's JSON text after each step. The editor saves every valid change at
 * once, so without it a wrong click (a removed counter, a cleared profile) would be kept; undoing goes back a
 * step, and that version is saved again. Changes that follow each other closely (typing in one field) make one
 * step. Each scenario's history lasts as long as the tab (`EditHistories`), so a planner can run a change, come
 * back and undo it. Pure: time comes from the caller.
 */

/** How many steps back the history keeps. */
export const HISTORY_LIMIT = 100;
/** Changes less than this far apart (ms) make one step. */
export const HISTORY_COALESCE_MS = 1000;

export class EditHistory {
	private readonly past: string[] = [];
	private readonly future: string[] = [];
	private current: string;
	/** When the last change was noted; -Infinity after an undo or redo, so the next change starts a step of its own. */
	private lastAt = -Infinity;

	constructor(
		text: string,
		private readonly limit = HISTORY_LIMIT,
		private readonly coalesceMs = HISTORY_COALESCE_MS
	) {
		this.current = text;
	}

	/** Notes the scenario's text after a change at `now` (ms). The same text as now is no change; a new change forgets what could be redone. */
	record(text: string, now: number): void {
		if (text === this.current) return;
		if (!(now - this.lastAt < this.coalesceMs) || this.past.length === 0) {
			this.past.push(this.current);
			if (this.past.length > this.limit) this.past.shift();
		}
		this.current = text;
		this.future.length = 0;
		this.lastAt = now;
	}

	/** The text one step back (which becomes the current one), or undefined when there is none. */
	undo(): string | undefined {
		const text = this.past.pop();
		if (text === undefined) return undefined;
		this.future.push(this.current);
		return this.move(text);
	}

	/** The text one step forward again, or undefined when there is none. */
	redo(): string | undefined {
		const text = this.future.pop();
		if (text === undefined) return undefined;
		this.past.push(this.current);
		return this.move(text);
	}

	/** Rewrites every text it holds (a change the app itself makes to every version, such as a saved copy's name). */
	rewrite(f: (text: string) => string): void {
		this.current = f(this.current);
		for (const list of [this.past, this.future]) for (let i = 0; i < list.length; i++) list[i] = f(list[i]);
	}

	/** The text it is at now. */
	get text(): string {
		return this.current;
	}

	get canUndo(): boolean {
		return this.past.length > 0;
	}

	get canRedo(): boolean {
		return this.future.length > 0;
	}

	private move(text: string): string {
		this.current = text;
		this.lastAt = -Infinity;
		return text;
	}
}

/** How many scenarios' histories a tab keeps (those opened most recently). */
export const HISTORIES_KEPT = 20;

/**
 * Edit histories by scenario key, so leaving the editor (to run the scenario, say) and coming back keeps what can
 * be undone. A history is taken up again only if it is at the text the editor opens with; otherwise the scenario
 * has changed elsewhere (another tab, an import) and its history starts afresh.
 */
export class EditHistories {
	private readonly byKey = new Map<string, EditHistory>();

	constructor(private readonly limit = HISTORIES_KEPT) {}

	/** Scenario `key`'s history if it is at `text`, else a new one at `text`; kept either way, as the most recent. */
	open(key: string, text: string): EditHistory {
		const kept = this.byKey.get(key);
		const history = kept !== undefined && kept.text === text ? kept : new EditHistory(text);
		this.byKey.delete(key);
		this.byKey.set(key, history);
		// A Map iterates in insertion order: the first key is the one opened longest ago.
		if (this.byKey.size > this.limit) this.byKey.delete(this.byKey.keys().next().value!);
		return history;
	}

	/** Files a history under another key (the first change to a shipped scenario saves it as a copy with a key of its own). */
	rename(from: string, to: string): void {
		const history = this.byKey.get(from);
		if (history === undefined) return;
		this.byKey.delete(from);
		this.byKey.set(to, history);
	}
}

/** The tab's histories: module state, which lives as long as the page (moving between the app's pages keeps it). */
export const editHistories = new EditHistories();
