import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WorkerPool } from './pool';
import type { WorkerLike, WorkerMessage } from './protocol';

/**
 * The worker thread's entry: in the built command (dist/cli) the bundled `nodeWorker.mjs` beside it, plain
 * JavaScript that starts at once; run from the TypeScript sources (tests, tsx), a boot file that registers tsx's
 * loader first.
 */
function workerEntry(): URL {
	return import.meta.url.endsWith('.ts') ? new URL('./nodeWorkerBoot.mjs', import.meta.url) : new URL('./nodeWorker.mjs', import.meta.url);
}

/** A pool of worker_threads running `nodeWorker.ts`. */
export function createNodePool(size = availableParallelism()): WorkerPool {
	const url = workerEntry();
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
