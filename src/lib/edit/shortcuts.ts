/** The editor's keyboard shortcuts for undo and redo, and where they do not apply (form fields keep their own). */

export type HistoryStep = 'undo' | 'redo';

/** A key press as the editor reads it (a KeyboardEvent in the browser). */
export type EditorKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'preventDefault'>;

/** The step a key press asks for: Ctrl+Z undoes; Ctrl+Y or Ctrl+Shift+Z redoes (⌘ instead of Ctrl on a Mac); with Alt, none. */
export function shortcutStep(e: Pick<EditorKey, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): HistoryStep | undefined {
	if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
	const key = e.key.toLowerCase();
	return key === 'z' && !e.shiftKey ? 'undo' : key === 'y' || (key === 'z' && e.shiftKey) ? 'redo' : undefined;
}

/** True for a key press in a text field, select or editable text, which keeps its own undo while typing. */
export function inFormField(target: EventTarget | null): boolean {
	const el = typeof HTMLElement !== 'undefined' && target instanceof HTMLElement ? target : null;
	return el !== null && (el.isContentEditable || el.closest('input, textarea, select') !== null);
}
