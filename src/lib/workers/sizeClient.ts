/**
 * The page's side of the sizing worker: one Web Worker per job, so a cancel can always stop it at once
 * (terminate) even in the middle of an evaluation. Browser only.
 */
import type { GrowthPoint, GrowthProgress } from '../planning/growth';
import type { SizingProgress, SizingResult } from '../planning/size';
import type { Scenario } from '../model/scenario';
import type { SizeReply, SizeRequest, SizeSettings } from './sizeProtocol';

/** Raised when a job is cancelled. */
export class SizeCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'SizeCancelled';
	}
}

function runJob<T>(request: SizeRequest, onMessage: (msg: SizeReply, resolve: (v: T) => void) => void, signal?: AbortSignal): Promise<T> {
	const worker = new Worker(new URL('./sizeWorker.ts', import.meta.url), { type: 'module' });
	return new Promise<T>((resolve, reject) => {
		let settled = false;
		const finish = (err?: Error, value?: T) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', onAbort);
			worker.terminate();
			if (err) reject(err);
			else resolve(value as T);
		};
		const onAbort = () => finish(new SizeCancelled());
		if (signal?.aborted) return finish(new SizeCancelled());
		signal?.addEventListener('abort', onAbort);
		worker.onmessage = (e: MessageEvent<SizeReply>) => {
			const msg = e.data;
			if (msg.type === 'error') finish(new Error(msg.message));
			else onMessage(msg, (v) => finish(undefined, v));
		};
		worker.onerror = (e: ErrorEvent) => {
			e.preventDefault();
			finish(new Error(e.message || 'the sizing worker failed to start'));
		};
		worker.postMessage(request);
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
