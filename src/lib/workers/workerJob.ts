/**
 * One request run in a Web Worker of its own, terminated as the job ends, so a cancel stops it at once even in the
 * middle of an evaluation or a fit. The sizing, province and calibration clients are this with their own
 * messages. (Each client makes its Worker itself: the bundler finds a worker only in a literal
 * `new Worker(new URL(…))`.) Browser only.
 */
import { cancellableJob } from './cancellableJob';

/** How every worker of these reports a failure. */
type WorkerError = { type: 'error'; message: string };

const isError = (msg: { type: string }): msg is WorkerError => msg.type === 'error';

/** A worker job: its worker, its request, and what its replies mean. */
export interface WorkerJob<Reply, T> {
	worker: Worker;
	request: unknown;
	signal?: AbortSignal;
	/** The error a cancelled job rejects with. */
	cancelled: () => Error;
	/** The worker as a failure to start names it: "the sizing worker". */
	name: string;
	/** Reads a reply other than an error (progress, say): the job's value when the reply is its answer, else undefined. */
	answer: (msg: Exclude<Reply, WorkerError>) => T | undefined;
}

/** Runs the job until the worker answers, reports an error ({ type: 'error', message }), fails to start or is cancelled. */
export function runWorkerJob<Reply extends { type: string }, T>(job: WorkerJob<Reply, T>): Promise<T> {
	const { worker } = job;
	return cancellableJob<T>({
		signal: job.signal,
		cancelled: job.cancelled,
		cleanup: () => worker.terminate(),
		start: (settle) => {
			worker.onmessage = (e: MessageEvent<Reply>) => {
				const msg: Reply | WorkerError = e.data;
				if (isError(msg)) return settle(new Error(msg.message));
				const value = job.answer(msg as Exclude<Reply, WorkerError>);
				if (value !== undefined) settle(undefined, value);
			};
			worker.onerror = (e: ErrorEvent) => {
				e.preventDefault();
				settle(new Error(e.message || `${job.name} failed to start`));
			};
			worker.postMessage(job.request);
		}
	});
}
