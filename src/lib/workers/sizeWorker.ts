/// <reference lib="webworker" />
/**
 * Web Worker entry point for the sizing search and the growth curve: runs planning/size.ts in process inside
 * this worker, so the page stays responsive. Each worker runs one job; the page cancels it by
 * terminating the worker.
 */
import type { SizeReply, SizeRequest } from './sizeProtocol';
import { serveAfterLoading } from './serveAfterLoading';

serveAfterLoading<SizeRequest, SizeReply>(
	async (post) => {
		const [{ sizeScenario }, { growthCurve }, { inProcessEvaluate }] = await Promise.all([
			import('../planning/size'),
			import('../planning/growth'),
			import('../planning/evaluate')
		]);
		return (req) => {
			const { targets, seed, replications, shared } = req.settings;
			const options = { targets, seed, replications, shared };
			const work =
				req.type === 'size'
					? sizeScenario(req.scenario, inProcessEvaluate, {
							...options,
							// The page shows why each agency has its counters; the growth curve needs no explanation.
							explain: true,
							onProgress: (progress) => post({ type: 'progress', progress })
						}).then((result) => post({ type: 'result', result }))
					: growthCurve(req.scenario, inProcessEvaluate, {
							...options,
							visitorsPerDay: req.visitorsPerDay,
							onProgress: (progress) => post({ type: 'growth-progress', progress }),
							onPoint: (point) => post({ type: 'point', point })
						}).then((points) => post({ type: 'growth-result', points }));
			work.catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
		};
	},
	(message) => ({ type: 'error', message })
);
