import { availableParallelism } from 'node:os';
import type { Scenario } from '../lib/model/scenario';
import type { ReplicationResult } from '../lib/sim/batch';
import { runInProcess } from '../lib/sim/run';
import { createNodePool } from '../lib/workers/nodePool';
import type { Progress } from '../lib/workers/pool';

/** Runs replications on `workers` worker_threads (0: in this thread); the results never depend on that number. */
export async function runReplications(
	scenario: Scenario,
	seed: number,
	replications: number,
	opts: { workers?: number; keepLegs?: boolean; onProgress?: (p: Progress) => void }
): Promise<ReplicationResult[]> {
	const workers = opts.workers ?? availableParallelism();
	if (workers === 0) {
		// One runner for all replications: the scenario is compiled once.
		return runInProcess(scenario, seed, replications, {
			keepLegs: opts.keepLegs,
			onProgress: (done, total) => opts.onProgress?.({ done, total })
		});
	}
	const pool = createNodePool(Math.min(workers, replications));
	try {
		return await pool.run({ scenario, seed, replications, keepLegs: opts.keepLegs, onProgress: opts.onProgress });
	} finally {
		pool.terminate();
	}
}
