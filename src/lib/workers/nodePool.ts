import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WorkerPool } from './pool';
import type { WorkerLike, WorkerMessage } from './protocol';

/** A pool of worker_threads running `nodeWorker.ts` (its boot file registers tsx's TypeScript loader). */
export function createNodePool(size = availableParallelism()): WorkerPool {
	const url = new URL('./nodeWorkerBoot.mjs', import.meta.url);
	const spawn = (): WorkerLike => {
		const w = new Worker(url);
		let handler: ((m: WorkerMessage) => void) | null = null;
		w.on('message', (m: WorkerMessage) => handler?.(m));
		w.on('error', (e) => handler?.({ type: 'error', job: -1, message: e.message }));
		return {
			post: (msg) => w.postMessage(msg),
			onMessage: (h) => (handler = h),
			terminate: () => void w.terminate()
		};
	};
	return new WorkerPool(spawn, Math.max(1, size));
}
