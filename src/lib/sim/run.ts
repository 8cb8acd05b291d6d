import type { Scenario } from '../model/scenario';
import { aggregate } from '../stats/runAccumulator';
import type { RunSummary } from '../stats/runSummary';
import { BatchRunner, type ReplicationResult } from './batch';

/** Runs replications first..first+n-1 in this thread (tests, benchmarks, one-core runs). */
export function runInProcess(
	scenario: Scenario,
	seed: number,
	replications: number,
	opts: { keepLegs?: boolean; first?: number; onProgress?: (done: number, total: number) => void } = {}
): ReplicationResult[] {
	const runner = new BatchRunner(scenario, seed);
	const first = opts.first ?? 0;
	const out: ReplicationResult[] = [];
	for (let r = first; r < first + replications; r++) {
		out.push(runner.run(r, opts.keepLegs ?? false));
		opts.onProgress?.(out.length, replications);
	}
	return out;
}

/** The summary across replications of a set of results (aggregate orders them, so order never matters). */
export function summarizeRun(scenario: Scenario, seed: number, results: ReplicationResult[]): RunSummary {
	return aggregate(
		scenario,
		results.map((r) => r.summary),
		seed
	);
}
