import { isContinuous } from '../lib/model/calendarKind';
import type { Scenario } from '../lib/model/scenario';
import { BatchRunner } from '../lib/sim/batch';
import { packSummary, summaryLayout } from '../lib/stats/summaryCodec';
import { InReplicationOrder } from '../lib/workers/inOrder';
import { createNodePool } from '../lib/workers/nodePool';
import type { Progress } from '../lib/workers/pool';
import type { PackedResult } from '../lib/workers/protocol';
import type { LegRecord } from '../lib/records/legRecord';
import { yieldNow } from './interrupt';
import { workerCount } from './workerCount';

/** Which replications to run, where, and what to do with each result. */
export interface ReplicationsRun {
	scenario: Scenario;
	seed: number;
	/** First replication index (a shard's share starts past 0). */
	first: number;
	count: number;
	/** Worker threads (default: the machine's cores; 0: this thread). */
	workers?: number;
	/** Receives every visit leg, in replication, day, visitor and leg order (none asked for: none made). */
	onLeg?: (record: LegRecord) => void;
	onProgress?: (p: Progress) => void;
	/** Receives every result once, in replication order, whichever thread ran it, its summary packed. */
	onResult: (result: PackedResult) => void;
}

// Below this many visits in all, starting threads costs more than it saves (a worker boots in ~50 ms).
const WORTH_A_POOL = 50_000;

/** Visits one replication brings on average (continuous mode: rate × horizon; day calendars: per day × days). */
function visitsPerReplication(s: Scenario): number {
	if (isContinuous(s.calendar)) return ((s.demand.ratePerHour ?? 0) * s.calendar.continuousMinutes) / 60;
	let factors = 0;
	for (const d of s.calendar.days) factors += s.demand.dayFactors?.[d] ?? 1;
	return (s.demand.visitorsPerDay ?? 0) * factors;
}

/** How many worker threads a run uses: none for a small run or a single replication. */
function threadsFor(run: Pick<ReplicationsRun, 'scenario' | 'count' | 'workers'>): number {
	const n = Math.min(workerCount(run.workers), run.count);
	return n <= 1 || visitsPerReplication(run.scenario) * run.count < WORTH_A_POOL ? 0 : n;
}

/** Runs the replications, handing each result on in replication order; results never depend on the thread count. */
export async function runReplications(run: ReplicationsRun): Promise<void> {
	const { scenario, seed, first, count } = run;
	const threads = threadsFor(run);
	if (threads === 0) {
		// One runner for all replications: the scenario is compiled once.
		const runner = new BatchRunner(scenario, seed);
		const layout = summaryLayout(scenario);
		for (let r = first; r < first + count; r++) {
			// Legs stream straight from the simulator: a replication of a million visits never holds them all.
			const { summary, events } = runner.run(r, false, run.onLeg);
			run.onResult({ replication: r, events, summary: packSummary(summary, layout) });
			run.onProgress?.({ done: r - first + 1, total: count });
			await yieldNow();
		}
		return;
	}
	const ordered = new InReplicationOrder<PackedResult>(first, (result) => {
		if (run.onLeg) for (const l of result.legs ?? []) run.onLeg(l);
		run.onResult(result);
	});
	let done = 0;
	const pool = createNodePool(threads);
	try {
		await pool.run({
			scenario,
			seed,
			first,
			replications: count,
			keepLegs: run.onLeg !== undefined,
			collect: false,
			onPacked: (result) => {
				ordered.push(result.replication, result);
				run.onProgress?.({ done: ++done, total: count });
			}
		});
	} finally {
		pool.terminate();
	}
}
