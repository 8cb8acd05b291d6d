/// <reference lib="webworker" />
/**
 * Web Worker entry point for visits.csv: re-runs replications with their legs kept (deterministic: the same
 * records as the run) and converts them to CSV rows here, off the UI thread.
 */
import type { VisitsCsvReply, VisitsCsvRequest } from './visitsCsvProtocol';
import { serveAfterLoading } from './serveAfterLoading';

serveAfterLoading<VisitsCsvRequest, VisitsCsvReply>(
	async (post) => {
		const [{ BatchRunner }, { visitsCsv }] = await Promise.all([import('../sim/batch'), import('../export/csv')]);
		return (req) => {
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
	},
	(message) => ({ type: 'error', message })
);
