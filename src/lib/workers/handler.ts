import { BatchRunner } from '../sim/batch';
import type { RunRequest, WorkerMessage } from './protocol';

let cached: { job: number; runner: BatchRunner } | null = null;

/** Handles one run request inside a worker, posting each replication's result as soon as it is ready. */
export function handleRunRequest(req: RunRequest, post: (msg: WorkerMessage) => void): void {
	try {
		// Compile once per job: a pool sends several chunks of one job (one scenario and seed), and a worker
		// belongs to one pool, whose job numbers never repeat.
		if (cached === null || cached.job !== req.job) cached = { job: req.job, runner: new BatchRunner(req.scenario, req.seed) };
		for (const r of req.replications) post({ type: 'result', job: req.job, result: cached.runner.run(r, req.keepLegs) });
		post({ type: 'done', job: req.job });
	} catch (e) {
		post({ type: 'error', job: req.job, message: e instanceof Error ? e.message : String(e) });
	}
}
