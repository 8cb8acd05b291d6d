/**
 * How the planning code runs a scenario: an `Evaluate` function that returns one summary per replication.
 * Sizing and comparison only need summaries, so callers choose where replications run — in this thread
 * (tests, a Web Worker running the whole search) or on a worker pool (the CLI).
 */
import type { Scenario } from '../model/scenario';
import { BatchRunner, type ReplicationResult } from '../sim/batch';
import type { ReplicationSummary } from '../stats/replicationSummary';

/** Runs replications 0..n−1 of `seed`; the result must depend only on (scenario, seed, n). */
export type Evaluate = (scenario: Scenario, seed: number, replications: number, signal?: AbortSignal) => Promise<ReplicationSummary[]>;

/** Raised when a planning run is cancelled through its AbortSignal. */
export class PlanningCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'PlanningCancelled';
	}
}

/** Throws PlanningCancelled when the signal has fired. */
export function checkAborted(signal?: AbortSignal): void {
	if (signal?.aborted) throw new PlanningCancelled();
}

/** Evaluates in this thread, one replication at a time, yielding between evaluations so a cancel can land. */
export const inProcessEvaluate: Evaluate = async (scenario, seed, replications, signal) => {
	checkAborted(signal);
	const runner = new BatchRunner(scenario, seed);
	const out: ReplicationSummary[] = [];
	for (let r = 0; r < replications; r++) {
		out.push(runner.run(r, false).summary);
		checkAborted(signal);
	}
	// Let queued events (a cancel message, a progress repaint) run before the next evaluation.
	await new Promise((resolve) => setTimeout(resolve, 0));
	checkAborted(signal);
	return out;
};

/** What a worker pool offers (WorkerPool from workers/pool.ts fits). */
export interface PoolLike {
	run(opts: { scenario: Scenario; seed: number; replications: number; signal?: AbortSignal }): Promise<ReplicationResult[]>;
}

/** Evaluates on a worker pool; cancellation through the pool's own AbortSignal support. */
export function poolEvaluate(pool: PoolLike): Evaluate {
	return async (scenario, seed, replications, signal) => {
		checkAborted(signal);
		try {
			const results = await pool.run({ scenario, seed, replications, signal });
			// WorkerPool.run resolves in replication order.
			return results.map((r) => r.summary);
		} catch (e) {
			if (signal?.aborted) throw new PlanningCancelled();
			throw e;
		}
	};
}
