/** How busy each agency's counters are in an evaluated layout (the sizing search's sharing step and its result). */
import type { Scenario } from '../model/scenario';
import type { RunSummary } from '../stats/runSummary';

/**
 * Mean utilisation per agency of its dedicated counters, or with `shared` of every counter serving it. A Map, not
 * a plain object: an agency may be called "constructor" or "toString".
 */
export function agencyUtilization(scenario: Scenario, run: RunSummary, shared = false): Map<string, number> {
	const sums = new Map<string, { u: number; n: number }>();
	scenario.counters.forEach((c, k) => {
		if (c.serves.length !== 1 && !shared) return;
		const u = run.counters[k]?.utilization.mean;
		if (u === null || u === undefined) return;
		for (const a of c.serves) {
			const s = sums.get(a) ?? { u: 0, n: 0 };
			s.u += u;
			s.n++;
			sums.set(a, s);
		}
	});
	return new Map([...sums].map(([a, s]) => [a, s.u / s.n]));
}
