/** Messages between the province page and its plan worker (provinceWorker.ts). */
import type { Scenario } from '../model/scenario';
import type { PlanOptions, PlanProgress, ProvincePlan } from '../planning/province';
import type { Province } from '../planning/provinceData';

/** The plan's options a page can send (no callbacks, no signal: the page cancels by terminating the worker). */
export type PlanSettingsMessage = Omit<PlanOptions, 'onProgress' | 'signal'>;

/** Page → worker: plan the province on `workers` simulation workers (shared out among its lanes). */
export interface PlanRequest {
	type: 'plan';
	province: Province;
	base: Scenario;
	options: PlanSettingsMessage;
	workers: number;
}

/** Worker → page. Progress carries finished jobs only, not every step of every search. */
export type PlanReply = { type: 'progress'; progress: PlanProgress } | { type: 'result'; plan: ProvincePlan } | { type: 'error'; message: string };
