/**
 * What every what-if shares: the error a what-if that cannot apply throws, and which counters are an agency's own.
 * Kept apart from variants.ts so the what-ifs that live in their own modules (moveCounters.ts) need no cycle.
 */
import type { Counter } from '../model/scenario';
import { splitEntry } from '../model/serves';

/**
 * A what-if that cannot be applied to this scenario (e.g. no counter to remove); the message says why. In a
 * variant of several changes, `change` is the 0-based index of the change that failed and `detail` the reason
 * alone (the message then names the change), so a page can word the prefix in its reader's language.
 */
export class VariantError extends Error {
	readonly change?: number;
	readonly detail: string;
	constructor(message: string, change?: number, detail?: string) {
		super(message);
		this.name = 'VariantError';
		this.change = change;
		this.detail = detail ?? message;
	}
}

/** True when every entry the counter serves belongs to `agency` (a whole-agency or "agency/service" entry). */
export function servesOnly(counter: Counter, agency: string): boolean {
	return counter.serves.every((e) => splitEntry(e).agency === agency);
}

/** True when the counter serves some or all of `agency`. */
export function servesAny(counter: Counter, agency: string): boolean {
	return counter.serves.some((e) => splitEntry(e).agency === agency);
}
