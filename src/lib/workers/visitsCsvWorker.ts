/// <reference lib="webworker" />
/**
 * Web Worker entry point for visits.csv: re-runs replications with their legs kept (deterministic: the same
 * records as the run) and converts them to CSV rows here, off the UI thread. Like browserWorker.ts, it listens
 * before loading the simulator (whose top-level await would otherwise drop early messages).
 */
import type { VisitsCsvReply, VisitsCsvRequest } from './visitsCsvProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: VisitsCsvReply) => scope.postMessage(msg);

const early: VisitsCsvRequest[] = [];
let handle: ((req: VisitsCsvRequest) => void) | null = null;

scope.onmessage = (e: MessageEvent<VisitsCsvRequest>) => {
	if (handle) handle(e.data);
	else early.push(e.data);
};

Promise.all([import('../sim/batch'), import('../export/csv')]).then(
	([{ BatchRunner }, { visitsCsv }]) => {
		handle = (req) => {
			try {
				const runner = new BatchRunner(req.scenario, req.seed);
				req.replications.forEach((r, i) => {
					const legs = runner.run(r, true).legs ?? [];
					post({ type: 'part', replication: r, text: visitsCsv(legs, { header: req.header && i === 0 }) });
				});
			} catch (err) {
				post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
			}
		};
		for (const req of early.splice(0)) handle(req);
	},
	(err: unknown) => {
		handle = () => post({ type: 'error', message: `the simulator could not load: ${err instanceof Error ? err.message : String(err)}` });
		if (early.length > 0) handle(early[0]);
		early.length = 0;
	}
);
