/**
 * The province page's side of the plan: one Web Worker per plan (provinceWorker.ts) runs planProvince, with its
 * simulations on nested workers, the cores shared out among its lanes. Cancel through the AbortSignal: the worker is terminated, and
 * its nested workers with it, even in the middle of an evaluation. Browser only.
 */
import type { Scenario } from '../model/scenario';
import type { PlanOptions, ProvincePlan } from '../planning/province';
import type { Province } from '../planning/provinceData';
import { defaultPoolSize } from './browserPool';
import { runWorkerJob } from './workerJob';
import type { PlanReply, PlanRequest } from './provinceProtocol';

/** Raised when a plan is cancelled. */
export class PlanCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'PlanCancelled';
	}
}

/** Plans the province in a Web Worker on `workers` simulation workers (default: the device's cores). */
export function planInBrowser(province: Province, base: Scenario, options: PlanOptions, workers = defaultPoolSize()): Promise<ProvincePlan> {
	const { onProgress, signal, ...settings } = options;
	const worker = new Worker(new URL('./provinceWorker.ts', import.meta.url), { type: 'module' });
	const request: PlanRequest = { type: 'plan', province, base, options: settings, workers };
	return runWorkerJob<PlanReply, ProvincePlan>({
		worker,
		request,
		signal,
		cancelled: () => new PlanCancelled(),
		name: 'the plan worker',
		answer: (msg) => {
			if (msg.type === 'progress') onProgress?.(msg.progress);
			return msg.type === 'result' ? msg.plan : undefined;
		}
	});
}
