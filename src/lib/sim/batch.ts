import type { Scenario } from '../model/scenario';
import { summarizeTally, type ReplicationSummary } from '../stats/replicationSummary';
import { compileScenario, type CompiledScenario } from './compile';
import type { LegRecord } from '../records/legRecord';
import { toPlainRecord } from './leg';
import { ReplicationRun } from './replication';

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
	/** One replication object, restarted for each replication (allocation-light: see ReplicationRun). */
	private sim: ReplicationRun | undefined;

	constructor(
		readonly scenario: Scenario,
		readonly seed: number
	) {
		this.model = compileScenario(scenario);
	}

	/** Runs replication `r`; its result depends only on (scenario, seed, r), whoever runs it. */
	run(r: number, keepLegs: boolean): ReplicationResult {
		const sim = this.sim ? this.sim.restart(r) : (this.sim = new ReplicationRun(this.model, this.seed, r));
		sim.keepLegs = keepLegs;
		const out = sim.run();
		const summary = summarizeTally(sim.tally, out);
		// The simulator's leg objects are reused by the next replication: hand out plain copies, in the order an
		// analyst reads them (by day, visitor and leg).
		if (!keepLegs) return { replication: r, summary, events: out.events };
		const legs = out.legs.map(toPlainRecord).sort((a, b) => a.day - b.day || a.visitor - b.visitor || a.leg - b.leg);
		return { replication: r, summary, events: out.events, legs };
	}
}
