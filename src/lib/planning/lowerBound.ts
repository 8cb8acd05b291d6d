/**
 * The sizing search's starting point: per agency, the fewest counters for which steady-state theory at the
 * peak-hour load meets every target — Erlang A when visitors may leave (its patience mean, exponential or not),
 * Erlang C otherwise. Not a proof of anything: the day's peak passes and closing time intervenes, so the
 * simulation-guided steps that follow add or remove counters from here.
 */
import { peakLoads } from '../analytic/peakLoad';
import { predictErlangA, predictErlangC, type QueuePrediction } from '../analytic/prediction';
import type { Scenario } from '../model/scenario';
import { distributionMean } from '../sim/distributions';
import type { SizingTargets } from './targets';

/** Beyond this many counters for one agency the search gives up (the targets are out of reach). */
export const MAX_COUNTERS_PER_AGENCY = 60;

/** True when a prediction meets every target (point values: theory has no interval). */
export function predictionMeets(p: QueuePrediction, t: SizingTargets): boolean {
	if (p.unstable || p.waitP90 === null || p.abandonRate === null) return false;
	if (p.waitP90 > t.waitP90Minutes || p.abandonRate > t.abandonRate) return false;
	return t.serviceLevel === null || (p.serviceLevel !== null && p.serviceLevel >= t.serviceLevel);
}

/** Per agency id, the Erlang lower bound on counters (at least 1). */
export function erlangLowerBounds(scenario: Scenario, targets: SizingTargets): Record<string, number> {
	const patience = scenario.demand.patience;
	const patienceMean = patience ? distributionMean(patience) : null;
	const sl = scenario.policy.serviceLevelMinutes;
	const out: Record<string, number> = {};
	for (const load of peakLoads(scenario)) {
		// The sized layout runs every counter at speed 1.
		const mu = 1 / load.meanServiceMinutes;
		let servers = 1;
		for (let c = 1; c <= MAX_COUNTERS_PER_AGENCY; c++) {
			servers = c;
			const p =
				patienceMean !== null && patienceMean > 0
					? predictErlangA(c, load.arrivalRate, mu, 1 / patienceMean, sl)
					: predictErlangC(c, load.arrivalRate, mu, sl);
			if (predictionMeets(p, targets)) break;
		}
		out[load.agency] = servers;
	}
	return out;
}
