/**
 * The province page's side of the plan: planProvince's bookkeeping in the page, every simulation in Web Workers —
 * one single-worker pool per lane, so regions' searches run side by side on the device's cores, each evaluation
 * on its own worker. Cancel through the AbortSignal: the pools stop their workers. Browser only.
 */
import type { Scenario } from '../model/scenario';
import { poolEvaluate } from '../planning/evaluate';
import { planProvince, type PlanOptions, type ProvincePlan } from '../planning/province';
import type { Province } from '../planning/provinceData';
import { createBrowserPool, defaultPoolSize } from './browserPool';

/** Plans the province on `lanes` Web Workers (default: the device's cores). */
export async function planInBrowser(province: Province, base: Scenario, options: PlanOptions, lanes = defaultPoolSize()): Promise<ProvincePlan> {
	const pools = Array.from({ length: Math.max(1, Math.min(lanes, province.regions.length)) }, () => createBrowserPool(1));
	try {
		return await planProvince(province, base, pools.map(poolEvaluate), options);
	} finally {
		for (const p of pools) p.terminate();
	}
}
