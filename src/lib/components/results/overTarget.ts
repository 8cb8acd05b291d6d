import type { AgencyRun } from '../../stats/runSummary';
import { nobodyServed } from './nobodyServed';

/**
 * The agencies the run page marks: those missing the service-level target the scenario sets — more than one
 * visitor in ten waits longer than it (P90 wait above the target) — and any where nobody was served. Their ids.
 */
export function overTarget(agencies: readonly AgencyRun[], targetMinutes: number): Set<string> {
	return new Set(agencies.filter((a) => nobodyServed(a) || (a.waitP90.mean !== null && a.waitP90.mean > targetMinutes)).map((a) => a.id));
}
