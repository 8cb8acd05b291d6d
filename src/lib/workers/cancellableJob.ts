/**
 * The promise behind every job handed to workers (a pooled run, the sizing search, visits.csv): it settles once,
 * whichever comes first of the job's result, an error, or the caller's AbortSignal, and cleans up as it does.
 */

/** Ends the job: with an error, or with its value. Later calls do nothing. */
export type Settle<T> = (err?: Error, value?: T) => void;

/** How a job starts, stops and tidies up. */
export interface JobSpec<T> {
	signal?: AbortSignal;
	/** The error a cancelled job rejects with. */
	cancelled: () => Error;
	/** Runs once as the job settles, before the promise does; `failed`: an error or a cancel ended it. */
	cleanup: (failed: boolean) => void;
	/** Starts the work (not called if the signal has already aborted); `settled()` says whether it has ended. */
	start: (settle: Settle<T>, settled: () => boolean) => void;
}

/** Runs a job as a promise that settles exactly once and never leaves its abort listener behind. */
export function cancellableJob<T>(spec: JobSpec<T>): Promise<T> {
	const { signal } = spec;
	return new Promise<T>((resolve, reject) => {
		let settled = false;
		const settle: Settle<T> = (err, value) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', onAbort);
			spec.cleanup(err !== undefined);
			if (err) reject(err);
			else resolve(value as T);
		};
		const onAbort = () => settle(spec.cancelled());
		if (signal?.aborted) return settle(spec.cancelled());
		signal?.addEventListener('abort', onAbort);
		spec.start(settle, () => settled);
	});
}
