/**
 * The run controller: runs a scenario's replications in a worker pool and exposes, as Svelte state, the run's
 * status, progress, time left and results. Results are re-aggregated while replications arrive (at most every
 * `refreshMs`, and less often on a device where that is slow), so the dashboard fills in early and sharpens as
 * the run goes on. The summary is `summarizeRun(scenario, seed, results)` over every replication — the same
 * code path as `mpp run --seed S` — computed by an Aggregator (a Web Worker in the browser).
 * Visit legs are not kept (visits.csv re-runs the replications with legs; see visitsExport.ts).
 */
import { tick } from 'svelte';
import type { Scenario } from '../model/scenario';
import type { RunSummary } from '../stats/runSummary';
import { RunCancelled, type WorkerPool } from '../workers/pool';
import { InlineAggregator, type Aggregator } from './aggregator';
import { estimateRemainingMs } from './timeLeft';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunControllerOptions {
	/** Makes the worker pool (the browser's Web Worker pool by default); created on the first run, then reused. */
	createPool: () => WorkerPool;
	/** Makes the aggregator (default: in this thread). */
	createAggregator?: () => Aggregator;
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
	private aggregator: Aggregator | null = null;
	private abort: AbortController | null = null;
	/** Numbers runs; work of an older run (late results, late summaries) is dropped. */
	private run = 0;
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
		const run = ++this.run;
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
		const current = () => this.run === run;
		const agg = (this.aggregator ??= this.opts.createAggregator?.() ?? new InlineAggregator());
		agg.reset(scenario, seed);

		let added = 0;
		let aggregated = 0;
		let inFlight = false;
		let lastAggregate = -Infinity;
		// Wait at least this long between re-aggregations: refreshMs, or 4× what the last one took (aggregating
		// and redrawing), so a slow device spends at most about a fifth of its time on provisional results.
		let gap = this.refreshMs;
		const refresh = async (force: boolean) => {
			if (!current() || this.status !== 'running') return;
			const t = this.now();
			this.elapsedMs = t - t0;
			this.remainingMs = estimateRemainingMs(this.elapsedMs, this.done, this.total);
			if (inFlight || added <= aggregated) return;
			if (!force && aggregated > 0 && t - lastAggregate < gap) return;
			inFlight = true;
			lastAggregate = t;
			const n = added;
			try {
				const summary = await agg.summarize();
				if (!current() || this.status !== 'running') return;
				this.summary = summary;
				aggregated = n;
				await tick();
				gap = Math.max(this.refreshMs, 4 * (this.now() - t));
			} catch {
				// A superseded or failed provisional summary: the next refresh (or the final one) will do.
			} finally {
				inFlight = false;
			}
		};
		this.timer = setInterval(() => void refresh(false), Math.min(this.refreshMs, 250));
		try {
			this.pool ??= this.opts.createPool();
			await this.pool.run({
				scenario,
				seed,
				replications,
				keepLegs: false,
				signal: abort.signal,
				onProgress: (p, latest) => {
					if (!current()) return;
					agg.add(latest);
					added++;
					this.done = p.done;
					if (aggregated === 0) void refresh(true);
				}
			});
			if (!current()) return null;
			const summary = await agg.summarize();
			if (!current()) return null;
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

	/** Stops the running run, if any; the replications that finished stay visible, marked as cancelled. */
	cancel(): void {
		if (this.abort === null) return;
		const abort = this.abort;
		// From here on the cancelled run is no longer current: its late results and summaries are dropped.
		const run = ++this.run;
		this.abort = null;
		this.stopTimer();
		this.status = 'cancelled';
		this.remainingMs = null;
		// The pool rejects with RunCancelled and terminates its workers.
		abort.abort();
		// Show every replication that finished (the provisional summary may be a little behind).
		if (this.done > 0 && this.aggregator) {
			this.aggregator.summarize().then(
				(s) => {
					if (this.run === run && this.status === 'cancelled') this.summary = s;
				},
				() => {}
			);
		}
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
		this.aggregator?.terminate();
		this.aggregator = null;
	}

	private stopTimer(): void {
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
	}
}
