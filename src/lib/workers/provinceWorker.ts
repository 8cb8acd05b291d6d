/// <reference lib="webworker" />
/**
 * Web Worker entry of the province plan: runs planProvince here, off the page's thread, and its simulations on
 * `lanes` nested simulation workers (one single-worker pool per lane), so regions' searches run side by side on
 * the device's cores. One job per worker; the page cancels by terminating it, which ends the nested workers too.
 */
import type { PlanReply, PlanRequest } from './provinceProtocol';
import { serveAfterLoading } from './serveAfterLoading';

serveAfterLoading<PlanRequest, PlanReply>(
	async (post) => {
		const [{ planProvince }, { poolEvaluate }, { createBrowserPool }] = await Promise.all([import('../planning/province'), import('../planning/evaluate'), import('./browserPool')]);
		return (req) => {
			const pools = Array.from({ length: Math.max(1, Math.min(req.lanes, req.province.regions.length)) }, () => createBrowserPool(1));
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
