import { workerCount } from './workerCount';
import { inProcessEvaluate, poolEvaluate, type Evaluate } from '../lib/planning/evaluate';
import { createNodePool } from '../lib/workers/nodePool';

/** Runs `use` with an evaluator on `workers` worker threads (default: the cores; 0: this thread), then stops them. */
export async function withEvaluator<T>(workers: number | undefined, replications: number, use: (evaluate: Evaluate) => Promise<T>): Promise<T> {
	const n = Math.min(workerCount(workers), replications);
	const pool = n > 0 ? createNodePool(n) : null;
	try {
		return await use(pool ? poolEvaluate(pool) : inProcessEvaluate);
	} finally {
		pool?.terminate();
	}
}
