/**
 * The page's side of the sizing worker: one Web Worker per job, so a cancel can always stop it at once
 * (terminate) even in the middle of an evaluation. Browser only.
 */
import type { GrowthPoint, GrowthProgress } from '../planning/growth';
import type { SizingProgress, SizingResult } from '../planning/size';
import type { Scenario } from '../model/scenario';
import { runWorkerJob } from './workerJob';
import type { SizeReply, SizeRequest, SizeSettings } from './sizeProtocol';

/** Raised when a job is cancelled. */
export class SizeCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'SizeCancelled';
	}
}

/** Runs one request in a sizing worker of its own, until `answer` returns its value, it fails or `signal` cancels it. */
function runJob<T>(request: SizeRequest, answer: (msg: SizeReply) => T | undefined, signal?: AbortSignal): Promise<T> {
	const worker = new Worker(new URL('./sizeWorker.ts', import.meta.url), { type: 'module' });
	return runWorkerJob<SizeReply, T>({ worker, request, signal, cancelled: () => new SizeCancelled(), name: 'the sizing worker', answer });
}

/** Runs the sizing search in a Web Worker. */
export function sizeInWorker(scenario: Scenario, settings: SizeSettings, opts: { onProgress?: (p: SizingProgress) => void; signal?: AbortSignal } = {}): Promise<SizingResult> {
	return runJob<SizingResult>(
		{ type: 'size', scenario, settings },
		(msg) => {
			if (msg.type === 'progress') opts.onProgress?.(msg.progress);
			return msg.type === 'result' ? msg.result : undefined;
		},
		opts.signal
	);
}

/** Runs the growth curve (one sizing per level) in a Web Worker. */
export function growthInWorker(
	scenario: Scenario,
	settings: SizeSettings,
	visitorsPerDay: number[],
	opts: { onProgress?: (p: GrowthProgress) => void; onPoint?: (p: GrowthPoint) => void; signal?: AbortSignal } = {}
): Promise<GrowthPoint[]> {
	return runJob<GrowthPoint[]>(
		{ type: 'growth', scenario, settings, visitorsPerDay },
		(msg) => {
			if (msg.type === 'growth-progress') opts.onProgress?.(msg.progress);
			else if (msg.type === 'point') opts.onPoint?.(msg.point);
			return msg.type === 'growth-result' ? msg.points : undefined;
		},
		opts.signal
	);
}
