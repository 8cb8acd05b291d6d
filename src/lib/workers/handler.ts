import { BatchRunner } from '../sim/batch';
import { packSummary, summaryLayout, type SummaryLayout } from '../stats/summaryCodec';
import type { RunRequest, WorkerMessage } from './protocol';

let cached: { job: number; runner: BatchRunner; layout: SummaryLayout } | null = null;

/** Handles one run request inside a worker, posting each replication's result (summary packed) as soon as it is ready. */
export function handleRunRequest(req: RunRequest, post: (msg: WorkerMessage, transfer?: ArrayBuffer[]) => void): void {
	try {
		// Compile once per job: a pool sends several chunks of one job (one scenario and seed), and a worker
		// belongs to one pool, whose job numbers never repeat.
		if (cached === null || cached.job !== req.job) cached = { job: req.job, runner: new BatchRunner(req.scenario, req.seed), layout: summaryLayout(req.scenario) };
		for (const r of req.replications) {
			const { summary, events, legs } = cached.runner.run(r, req.keepLegs);
			const packed = packSummary(summary, cached.layout);
			post({ type: 'result', job: req.job, result: { replication: r, events, summary: packed, legs } }, [packed.buffer as ArrayBuffer]);
		}
		post({ type: 'done', job: req.job });
	} catch (e) {
		post({ type: 'error', job: req.job, message: e instanceof Error ? e.message : String(e) });
	}
}
