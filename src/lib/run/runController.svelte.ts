/**
 * The run controller: runs a scenario's replications in a worker pool and exposes, as Svelte state, the run's
 * status, progress, time left and results. Results are re-aggregated while replications arrive (at most every
 * `refreshMs`), so the dashboard fills in early and sharpens as the run goes on. The final summary is
 * `summarizeRun(scenario, seed, results)` of every replication: the same code path as `mpp run --seed S`.
 * Visit legs are not kept (visits.csv re-runs the replications with legs; see visitsExport.ts).
 */
import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import { summarizeRun } from '../sim/run';
import type { RunSummary } from '../stats/runSummary';
import { RunCancelled, type WorkerPool } from '../workers/pool';
import { estimateRemainingMs } from './timeLeft';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunControllerOptions {
	/** Makes the worker pool (the browser's Web Worker pool by default); created on the first run, then reused. */
	createPool: () => WorkerPool;
	/** Minimum milliseconds between two provisional re-aggregations (default 250). */
	refreshMs?: number;
	/** Clock in milliseconds (tests may pass their own). */
	now?: () => number;
}

/** What a finished (or running) run was asked to do. */
export interface RunSettings {
	scenario: Scenario;
	seed: number;
	replications: number;
}

export class RunController {
	status = $state<RunStatus>('idle');
	/** Replications finished so far, out of `total`. */
	done = $state(0);
	total = $state(0);
	elapsedMs = $state(0);
	/** Estimated milliseconds left; null until the first replication is in. */
	remainingMs = $state<number | null>(null);
	/** Results across the replications in so far (provisional while running). */
	summary = $state.raw<RunSummary | null>(null);
	/** Settings of the current or last run. */
	settings = $state.raw<RunSettings | null>(null);
	error = $state<string | null>(null);

	private pool: WorkerPool | null = null;
	/** Aggregates whatever replications arrived and were not yet shown (used when a run is cancelled). */
	private flush: (() => void) | null = null;
	private abort: AbortController | null = null;
	private timer: ReturnType<typeof setInterval> | null = null;
	private readonly refreshMs: number;
	private readonly now: () => number;

	constructor(private readonly opts: RunControllerOptions) {
		this.refreshMs = opts.refreshMs ?? 250;
		this.now = opts.now ?? (() => performance.now());
	}

	get running(): boolean {
		return this.status === 'running';
	}

	/**
	 * Runs replications 0..replications-1 of the scenario with the seed. Resolves with the final summary, or null
	 * when the run was cancelled (or replaced by a newer run) or failed (`error` says why).
	 */
	async start(scenario: Scenario, seed: number, replications: number): Promise<RunSummary | null> {
		this.cancel();
		const abort = new AbortController();
		this.abort = abort;
		this.settings = { scenario, seed, replications };
		this.status = 'running';
		this.error = null;
		this.done = 0;
		this.total = replications;
		this.elapsedMs = 0;
		this.remainingMs = null;
		this.summary = null;
		const t0 = this.now();
		const arrived: ReplicationResult[] = [];
		let aggregated = 0;
		let lastAggregate = -Infinity;
		const current = () => this.abort === abort;
		const refresh = (force: boolean) => {
			if (!current()) return;
			const t = this.now();
			this.elapsedMs = t - t0;
			this.remainingMs = estimateRemainingMs(this.elapsedMs, this.done, this.total);
			// Re-aggregate when new replications came in, right away for the first, then at most every refreshMs.
			if (arrived.length > aggregated && (force || aggregated === 0 || t - lastAggregate >= this.refreshMs)) {
				aggregated = arrived.length;
				lastAggregate = t;
				this.summary = summarizeRun(scenario, seed, arrived);
			}
		};
		this.flush = () => refresh(true);
		this.timer = setInterval(() => refresh(false), Math.min(this.refreshMs, 250));
		try {
			this.pool ??= this.opts.createPool();
			const results = await this.pool.run({
				scenario,
				seed,
				replications,
				keepLegs: false,
				signal: abort.signal,
				onProgress: (p, latest) => {
					if (!current()) return;
					arrived.push(latest);
					this.done = p.done;
					if (aggregated === 0) refresh(true);
				}
			});
			if (!current()) return null;
			const summary = summarizeRun(scenario, seed, results);
			this.stopTimer();
			this.summary = summary;
			this.done = replications;
			this.elapsedMs = this.now() - t0;
			this.remainingMs = 0;
			this.status = 'done';
			this.abort = null;
			return summary;
		} catch (e) {
			if (!current()) return null;
			this.stopTimer();
			this.elapsedMs = this.now() - t0;
			this.remainingMs = null;
			this.abort = null;
			if (e instanceof RunCancelled) {
				this.status = 'cancelled';
			} else {
				this.status = 'error';
				this.error = e instanceof Error ? e.message : String(e);
			}
			return null;
		}
	}

	/** Stops the running run, if any; its partial results stay visible, marked as cancelled. */
	cancel(): void {
		if (this.abort === null) return;
		const abort = this.abort;
		this.flush?.();
		this.flush = null;
		this.stopTimer();
		this.status = 'cancelled';
		this.remainingMs = null;
		// The pool rejects with RunCancelled and terminates its workers; `start` sees it is no longer current.
		this.abort = null;
		abort.abort();
	}

	/** Shows results that were saved earlier (no run). */
	showSaved(summary: RunSummary, settings: RunSettings): void {
		this.cancel();
		this.summary = summary;
		this.settings = settings;
		this.status = 'done';
		this.done = summary.replications;
		this.total = summary.replications;
		this.elapsedMs = 0;
		this.remainingMs = 0;
	}

	/** Stops any run and the workers (call when the page goes away). */
	dispose(): void {
		this.cancel();
		this.pool?.terminate();
		this.pool = null;
	}

	private stopTimer(): void {
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
	}
}
