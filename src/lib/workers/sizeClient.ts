/**
 * The page's side of the sizing worker: one Web Worker per job, so a cancel can always stop it at once
 * (terminate) even in the middle of an evaluation. Browser only.
 */
import type { GrowthPoint, GrowthProgress } from '../planning/growth';
import type { SizingProgress, SizingResult } from '../planning/size';
import type { Scenario } from '../model/scenario';
import { cancellableJob } from './cancellableJob';
import type { SizeReply, SizeRequest, SizeSettings } from './sizeProtocol';

/** Raised when a job is cancelled. */
export class SizeCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'SizeCancelled';
	}
}

/** Runs one request in a worker of its own, until `onMessage` resolves it, it fails or `signal` cancels it. */
function runJob<T>(request: SizeRequest, onMessage: (msg: SizeReply, resolve: (v: T) => void) => void, signal?: AbortSignal): Promise<T> {
	const worker = new Worker(new URL('./sizeWorker.ts', import.meta.url), { type: 'module' });
	return cancellableJob<T>({
		signal,
		cancelled: () => new SizeCancelled(),
		cleanup: () => worker.terminate(),
		start: (settle) => {
			worker.onmessage = (e: MessageEvent<SizeReply>) => {
				const msg = e.data;
				if (msg.type === 'error') settle(new Error(msg.message));
				else onMessage(msg, (v) => settle(undefined, v));
			};
			worker.onerror = (e: ErrorEvent) => {
				e.preventDefault();
				settle(new Error(e.message || 'the sizing worker failed to start'));
			};
			worker.postMessage(request);
		}
	});
}

/** Runs the sizing search in a Web Worker. */
export function sizeInWorker(scenario: Scenario, settings: SizeSettings, opts: { onProgress?: (p: SizingProgress) => void; signal?: AbortSignal } = {}): Promise<SizingResult> {
	return runJob<SizingResult>(
		{ type: 'size', scenario, settings },
		(msg, resolve) => {
			if (msg.type === 'progress') opts.onProgress?.(msg.progress);
			else if (msg.type === 'result') resolve(msg.result);
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
		(msg, resolve) => {
			if (msg.type === 'growth-progress') opts.onProgress?.(msg.progress);
			else if (msg.type === 'point') opts.onPoint?.(msg.point);
			else if (msg.type === 'growth-result') resolve(msg.points);
		},
		opts.signal
	);
}
