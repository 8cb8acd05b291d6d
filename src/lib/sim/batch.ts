import type { Scenario } from '../model/scenario';
import { summarizeTally, type ReplicationSummary } from '../stats/replicationSummary';
import { ReplicationTally } from '../stats/replicationTally';
import { compileScenario, type CompiledScenario } from './compile';
import type { LegRecord } from './records';
import type { DemandBuffer } from './demand';
import { simulateReplication, toPlainRecord } from './replication';

/** What one replication hands back to whoever ran it: a small summary, and its visit legs when asked for. */
export interface ReplicationResult {
	replication: number;
	summary: ReplicationSummary;
	/** Calendar events of the replication (for benchmarks and progress). */
	events: number;
	legs?: LegRecord[];
}

/** Runs replications of one compiled scenario; the unit of work of a worker and of an in-process run. */
export class BatchRunner {
	readonly model: CompiledScenario;

	constructor(
		readonly scenario: Scenario,
		readonly seed: number
	) {
		this.model = compileScenario(scenario);
	}

	/** Spent leg objects, reused by the next replication (allocation-light: see ReplicationOptions.pool). */
	private readonly pool: LegRecord[] = [];
	private tally: ReplicationTally | undefined;
	/** Per day index, where the day's demand is generated; the previous replication's legs are copied first. */
	private readonly demand: DemandBuffer[] = [];

	/** Runs replication `r`; its result depends only on (scenario, seed, r), whoever runs it. */
	run(r: number, keepLegs: boolean): ReplicationResult {
		this.tally ??= new ReplicationTally(this.scenario);
		const out = simulateReplication(this.model, this.seed, r, { pool: this.pool, tally: this.tally, demand: this.demand });
		const summary = summarizeTally(this.tally, out);
		// The simulator's leg objects link back into the run: hand out plain copies, in the order an analyst reads
		// them (by day, visitor and leg), and keep the objects for the next replication.
		const legs = keepLegs ? out.legs.map(toPlainRecord).sort((a, b) => a.day - b.day || a.visitor - b.visitor || a.leg - b.leg) : undefined;
		for (const l of out.legs) this.pool.push(l);
		return legs ? { replication: r, summary, events: out.events, legs } : { replication: r, summary, events: out.events };
	}
}
