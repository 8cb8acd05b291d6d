/**
 * Aggregation of replication results into a RunSummary, behind an interface so it can run off the UI thread.
 * Both implementations call the same `summarizeRun`, so the summary is the same wherever it is computed.
 */
import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import { summarizeRun } from '../sim/run';
import type { RunSummary } from '../stats/runSummary';

export interface Aggregator {
	/** Starts a new run: forgets earlier results. */
	reset(scenario: Scenario, seed: number): void;
	/** Adds one replication's result (legs are not needed and not sent). */
	add(result: ReplicationResult): void;
	/** The summary of every result added since the last reset. */
	summarize(): Promise<RunSummary>;
	terminate(): void;
}

/** Aggregates in the calling thread (tests, and where Web Workers are missing). */
export class InlineAggregator implements Aggregator {
	private scenario: Scenario | null = null;
	private seed = 0;
	private results: ReplicationResult[] = [];

	reset(scenario: Scenario, seed: number): void {
		this.scenario = scenario;
		this.seed = seed;
		this.results = [];
	}
	add(result: ReplicationResult): void {
		this.results.push(result);
	}
	summarize(): Promise<RunSummary> {
		if (!this.scenario) return Promise.reject(new Error('aggregator: no run started'));
		return Promise.resolve(summarizeRun(this.scenario, this.seed, this.results));
	}
	terminate(): void {
		this.results = [];
	}
}
