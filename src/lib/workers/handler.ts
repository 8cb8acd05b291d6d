import { BatchRunner } from '../sim/batch';
import { packSummary, summaryLayout, type SummaryLayout } from '../stats/summaryCodec';
import type { PackedResult, RunRequest, WorkerMessage } from './protocol';

/**
 * A worker's handler of run requests, posting through `post`. A request's replications go back in one message
 * when the chunk is done (unless they carry their legs): one message per chunk rather than per replication, and
 * the small buffers copied rather than transferred, because on two cores the worker and the main thread spent more
 * on messages than on packing.
 */
export function runRequestHandler(post: (msg: WorkerMessage) => void): (req: RunRequest) => void {
	// Compile once per job: a pool sends several chunks of one job (one scenario and seed), the scenario only with a
	// worker's first of them (see RunRequest), and a worker belongs to one pool, whose job numbers never repeat.
	let cached: { job: number; runner: BatchRunner; layout: SummaryLayout } | null = null;
	return (req) => {
		try {
			if (cached === null || cached.job !== req.job) {
				if (!req.scenario) throw new Error(`job ${req.job} came without its scenario`);
				cached = { job: req.job, runner: new BatchRunner(req.scenario, req.seed), layout: summaryLayout(req.scenario) };
			}
			const results: PackedResult[] = [];
			for (const r of req.replications) {
				const { summary, events, legs } = cached.runner.run(r, req.keepLegs);
				results.push({ replication: r, events, summary: packSummary(summary, cached.layout), legs });
				// A replication's legs are a message of their own: the main thread writes them as they come (a chunk's
				// legs in one message kept it from answering an interrupt for half a second).
				if (req.keepLegs) post({ type: 'results', job: req.job, results: results.splice(0) });
			}
			post({ type: 'done', job: req.job, results });
		} catch (e) {
			post({ type: 'error', job: req.job, message: e instanceof Error ? e.message : String(e) });
		}
	};
}
