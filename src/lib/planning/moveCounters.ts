/**
 * The what-if "move N counters from agency X to agency Y": the same desks (ids, names, speeds, places in the
 * list) now serve Y. Only counters that serve X alone move — a counter X shares with another agency would take
 * that agency's queue with it — and the last ones first, as `removeCounters` takes them.
 */
import type { Counter, Scenario } from '../model/scenario';
import { requireAgency, servesAny, servesOnly, VariantError } from './variantBase';

/**
 * What the moved counters' hours become: 'keep' their own shifts, or 'take' Y's — the shifts of Y's last counter
 * of its own (else of Y's last shared counter); when Y has no counter at all, the hall's opening hours (no shifts),
 * as a counter added for an agency without one gets.
 */
export type MovedShifts = 'keep' | 'take';

/** The counter whose hours a counter moved to `agency` takes: its last own counter, else its last shared one. */
export function shiftModel(s: Scenario, agency: string): Counter | undefined {
	const rev = [...s.counters].reverse();
	return rev.find((c) => servesOnly(c, agency)) ?? rev.find((c) => servesAny(c, agency));
}

/**
 * Moves `n` of `from`'s own counters to `to`. A moved counter serves all of `to`; its work profile goes (its
 * entries named `from`'s queues, which it no longer serves), so it calls in the policy's order. Throws
 * VariantError for an unknown agency, a move to the same agency, a count that is not a whole number ≥ 1, or
 * more counters than `from` has of its own.
 */
export function moveCounters(base: Scenario, from: string, to: string, n: number, shifts: MovedShifts): Scenario {
	for (const agency of [from, to]) requireAgency(base, agency);
	if (from === to) throw new VariantError(`counters moved from "${from}" to itself change nothing: choose another agency to move them to`);
	if (!Number.isInteger(n) || n < 1) throw new VariantError(`the number of counters to move must be a whole number of at least 1, got ${n}`);
	const own = base.counters.flatMap((c, i) => (servesOnly(c, from) ? [i] : []));
	if (own.length === 0) throw new VariantError(`no counter serves only "${from}": there is none to move (a counter shared with another agency is never moved)`);
	if (own.length < n) {
		throw new VariantError(`"${from}" has only ${own.length} counter(s) of its own (serving only it); cannot move ${n}`);
	}
	const s = structuredClone(base);
	const model = shiftModel(base, to);
	for (const i of own.slice(own.length - n)) {
		const c = s.counters[i];
		c.serves = [to];
		delete c.profile;
		if (shifts === 'take') {
			if (model?.shifts) c.shifts = structuredClone(model.shifts);
			else delete c.shifts;
		}
	}
	return s;
}
