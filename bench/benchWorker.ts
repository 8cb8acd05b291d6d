/** A worker thread of the in-process measures, booted through workerBoot.mjs and asked one thing at a time. */
import { Worker } from 'node:worker_threads';

/** A benchmark worker: answers its set-up once warm (`ready`), then each request with one answer. */
export class BenchWorker<Setup, Request, Answer> {
	private readonly worker: Worker;
	readonly ready: Promise<Setup>;

	constructor(module: string, data: Record<string, unknown> = {}) {
		this.worker = new Worker(new URL('./workerBoot.mjs', import.meta.url), { workerData: { module, ...data } });
		this.ready = this.next<Setup>();
	}

	private next<T>(): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const fail = (e: Error) => reject(e);
			this.worker.once('error', fail);
			this.worker.once('message', (answer: T) => {
				this.worker.off('error', fail);
				resolve(answer);
			});
		});
	}

	/** Sends a request and waits for its answer. */
	ask(request: Request): Promise<Answer> {
		const answer = this.next<Answer>();
		this.worker.postMessage(request);
		return answer;
	}

	/** Ends the thread. */
	stop(): Promise<number> {
		return this.worker.terminate();
	}
}
