/**
 * The editor's undo and redo: the scenario's JSON text after each step. The editor saves every valid change at
 * once, so without it a wrong click (a removed counter, a cleared profile) would be kept; undoing goes back a
 * step, and that version is saved again. Changes that follow each other closely (typing in one field) make one
 * step. Pure: time comes from the caller.
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
