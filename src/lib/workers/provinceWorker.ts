/// <reference lib="webworker" />
/**
 * Web Worker entry of the province plan: runs planProvince here, off the page's thread, and its simulations on
 * nested simulation workers, one pool per lane (a tier's chain of searches; planProvince), the device's
 * cores shared out among the lanes. One job per worker; the page cancels by terminating it, which ends the nested workers too.
 */
import type { PlanReply, PlanRequest } from './provinceProtocol';
import { serveAfterLoading } from './serveAfterLoading';

serveAfterLoading<PlanRequest, PlanReply>(
	async (post) => {
		const [{ laneShape, planChains, planProvince }, { poolEvaluate }, { createBrowserPool }] = await Promise.all([import('../planning/province'), import('../planning/evaluate'), import('./browserPool')]);
		return (req) => {
			const shape = laneShape(req.workers, planChains(req.province, req.options.regions));
			const pools = Array.from({ length: shape.lanes }, () => createBrowserPool(shape.workersPerLane));
			planProvince(req.province, req.base, pools.map(poolEvaluate), {
				...req.options,
				onProgress: (progress) => {
					if (progress.finished) post({ type: 'progress', progress });
				}
			})
				.then((plan) => post({ type: 'result', plan }))
				.catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
				.finally(() => pools.forEach((p) => p.terminate()));
		};
	},
	(message) => ({ type: 'error', message })
);
