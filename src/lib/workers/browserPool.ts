import { WorkerPool } from './pool';
import type { WorkerLike, WorkerMessage } from './protocol';

/** Workers a browser pool starts by default: the device's cores (at least 1, at most 16). */
export function defaultPoolSize(): number {
	const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
	return Math.max(1, Math.min(16, cores || 2));
}

/** A pool of module Web Workers running `browserWorker.ts`: simulations never run on the UI thread. */
export function createBrowserPool(size = defaultPoolSize()): WorkerPool {
	const spawn = (): WorkerLike => {
		const w = new Worker(new URL('./browserWorker.ts', import.meta.url), { type: 'module' });
		let handler: ((m: WorkerMessage) => void) | null = null;
		w.onmessage = (e: MessageEvent<WorkerMessage>) => handler?.(e.data);
		w.onerror = (e: ErrorEvent) => {
			// A worker that fails to load or throws outside the handler: report it as a failed job, not a hang.
			e.preventDefault();
			handler?.({ type: 'error', job: -1, message: e.message || 'the simulation worker failed to start' });
		};
		w.onmessageerror = () => handler?.({ type: 'error', job: -1, message: 'a simulation result could not be read' });
		return {
			post: (msg) => w.postMessage(msg),
			onMessage: (h) => (handler = h),
			terminate: () => w.terminate()
		};
	};
	return new WorkerPool(spawn, Math.max(1, size));
}
