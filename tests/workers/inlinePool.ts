/** A worker pool whose "workers" run in this thread, each with its own handler, answering on a later task like real workers. */
import { runRequestHandler } from '../../src/lib/workers/handler';
import { WorkerPool } from '../../src/lib/workers/pool';
import type { RunRequest, WorkerLike, WorkerMessage } from '../../src/lib/workers/protocol';

/** `seen` receives every request a worker is posted, with the worker's number. */
export function inlinePool(size: number, seen?: (worker: number, req: RunRequest) => void): WorkerPool {
	let made = 0;
	const spawn = (): WorkerLike => {
		const id = made++;
		let handler: ((m: WorkerMessage) => void) | null = null;
		let alive = true;
		const handle = runRequestHandler((m) => setTimeout(() => alive && handler?.(structuredClone(m)), 0));
		return {
			post: (req) => {
				seen?.(id, req);
				setTimeout(() => alive && handle(structuredClone(req)), 0);
			},
			onMessage: (h) => (handler = h),
			terminate: () => (alive = false)
		};
	};
	return new WorkerPool(spawn, size);
}
