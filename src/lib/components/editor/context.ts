/** What every field of the editor can read: the current errors and warnings by JSON path. */
import { createContext } from 'svelte';

export interface EditorContext {
	/** Error messages by exact JSON path (already in the UI language). */
	readonly errors: Map<string, string[]>;
	/** Warning messages by exact JSON path. */
	readonly warnings: Map<string, string[]>;
	/** Every path that has an error, for "n errors inside" badges. */
	readonly errorPaths: string[];
}

export const [getEditorContext, setEditorContext] = createContext<EditorContext>();
