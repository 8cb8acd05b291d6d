import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import { summaryLayout, unpackSummary } from '../stats/summaryCodec';
import { cancellableJob } from './cancellableJob';
import type { PackedResult, WorkerLike, WorkerMessage } from './protocol';

/** Progress of a run: replications done out of the total. */
export interface Progress {
	done: number;
	total: number;
}

/** Options of a pooled run. */
export interface PoolRunOptions {
	scenario: Scenario;
	seed: number;
	replications: number;
	/** First replication index (default 0): lets callers extend a run. */
	first?: number;
	keepLegs?: boolean;
	/** Called with each result as it arrives (in any order). */
	onProgress?: (p: Progress, latest: ReplicationResult) => void;
	/** Called with each result as it arrives, its summary still packed (summaryCodec): no objects made for it. */
	onPacked?: (result: PackedResult) => void;
	/** False: keep no results (a caller that folds them in as they arrive); the run resolves with []. */
	collect?: boolean;
	signal?: AbortSignal;
}

/** Raised when a run is cancelled through its AbortSignal. */
export class RunCancelled extends Error {
	constructor() {
		super('run cancelled');
		this.name = 'RunCancelled';
	}
}

/**
 * A pool of simulation workers (Web Workers or worker_threads: `spawn` decides). Replications are handed out
 * in small chunks so fast workers take more; results are sorted by replication, so the outcome never depends
 * on the number of workers or their timing. One job at a time: each listens to every worker.
 */
export class WorkerPool {
	private workers: WorkerLike[] = [];
	private job = 0;
	/** The job of each worker's last request: the worker has that job's scenario, the next request need not carry it. */
	private readonly lastJob = new Map<WorkerLike, number>();
	private busy = false;

	constructor(
		private readonly spawn: () => WorkerLike,
		readonly size: number
	) {}

	/** Runs the replications and resolves with their results in replication order. */
	run(opts: PoolRunOptions): Promise<ReplicationResult[]> {
		if (this.busy) return Promise.reject(new Error('this pool is running another job: one at a time'));
		const job = ++this.job;
		const first = opts.first ?? 0;
		const total = opts.replications;
		const size = Math.max(1, Math.min(this.size, total));
		while (this.workers.length < size) this.workers.push(this.spawn());
		const chunk = Math.max(1, Math.min(8, Math.floor(total / (size * 4))));
		const collect = opts.collect ?? true;
		const results: ReplicationResult[] = collect ? new Array(total) : [];
		const layout = summaryLayout(opts.scenario);
		let next = 0;
		let done = 0;
		return cancellableJob<ReplicationResult[]>({
			signal: opts.signal,
			cancelled: () => new RunCancelled(),
			// A cancelled or failed job may still be running: fresh workers next time.
			cleanup: (failed) => {
				this.busy = false;
				if (failed) this.terminate();
			},
			start: (settle, settled) => {
				this.busy = true;
				const feed = (w: WorkerLike) => {
					if (next >= total) return;
					const reps: number[] = [];
					for (let i = 0; i < chunk && next < total; i++) reps.push(first + next++);
					const scenario = this.lastJob.get(w) === job ? undefined : opts.scenario;
					this.lastJob.set(w, job);
					w.post({ type: 'run', job, scenario, seed: opts.seed, replications: reps, keepLegs: opts.keepLegs ?? false });
				};
				for (const w of this.workers.slice(0, size)) {
					w.onMessage((msg: WorkerMessage) => {
						// job -1: the worker itself failed (e.g. could not load).
						if (settled() || (msg.job !== job && msg.job !== -1)) return;
						if (msg.type === 'error') return settle(new Error(msg.message));
						for (const packed of msg.results) {
							done++;
							opts.onPacked?.(packed);
							if (collect || opts.onProgress) {
								const { replication, events, summary, legs } = packed;
								const result: ReplicationResult = { replication, summary: unpackSummary(summary, opts.scenario, layout), events, legs };
								if (collect) results[replication - first] = result;
								opts.onProgress?.({ done, total }, result);
							}
						}
						if (done === total) settle(undefined, results);
						else if (msg.type === 'done') feed(w);
					});
					feed(w);
				}
			}
		});
	}

	/** Stops every worker. */
	terminate(): void {
		for (const w of this.workers) w.terminate();
		this.workers = [];
		this.lastJob.clear();
	}
}
