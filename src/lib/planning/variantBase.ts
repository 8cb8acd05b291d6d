/**
 * What every what-if shares: the error a what-if that cannot apply throws, the check that an agency exists, and
 * which counters are an agency's own.
 * Kept apart from variants.ts so the what-ifs that live in their own modules (moveCounters.ts) need no cycle.
 */
import type { Counter, Scenario } from '../model/scenario';
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

/** Throws VariantError when the scenario has no agency `agency`. */
export function requireAgency(s: Scenario, agency: string): void {
	if (!s.agencies.some((a) => a.id === agency)) throw new VariantError(`no agency "${agency}" in scenario "${s.id}"`);
}

/** True when every entry the counter serves belongs to `agency` (a whole-agency or "agency/service" entry). */
export function servesOnly(counter: Counter, agency: string): boolean {
	return counter.serves.every((e) => splitEntry(e).agency === agency);
}

/** True when the counter serves some or all of `agency`. */
export function servesAny(counter: Counter, agency: string): boolean {
	return counter.serves.some((e) => splitEntry(e).agency === agency);
}
