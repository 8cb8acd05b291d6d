/** The editor's working copy of a scenario: normalising it on load, and keeping an unsaved draft per tab. */

const DRAFT_PREFIX = 'mpp.draft.';

/**
 * A plain copy of a scenario JSON with the `policy` and `run` objects present (filled with the format's
 * defaults when missing), so that their forms always have something to edit. Nothing else is changed.
 */
export function normaliseForEditing(json: unknown): Record<string, unknown> {
	const s = JSON.parse(JSON.stringify(json ?? {})) as Record<string, unknown>;
	if (typeof s.policy !== 'object' || s.policy === null) s.policy = { order: 'priority-first', serviceLevelMinutes: 15, tieBreak: 'longest-idle' };
	if (typeof s.run !== 'object' || s.run === null) s.run = { replications: 30, seed: 1, warmupMinutes: 0 };
	return s;
}

/** The unsaved draft kept for a scenario reference in this tab, if any. */
export function loadDraft(ref: string): string | undefined {
	try {
		return sessionStorage.getItem(DRAFT_PREFIX + ref) ?? undefined;
	} catch {
		return undefined;
	}
}

/** Keeps (or with undefined, forgets) the unsaved draft of a scenario reference in this tab. */
export function keepDraft(ref: string, text: string | undefined): void {
	try {
		if (text === undefined) sessionStorage.removeItem(DRAFT_PREFIX + ref);
		else sessionStorage.setItem(DRAFT_PREFIX + ref, text);
	} catch {
		// Storage full or disabled: the draft stays in memory only.
	}
}
