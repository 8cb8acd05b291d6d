import type { Scenario } from '../model/scenario';
import { summarizeTally, type ReplicationSummary } from '../stats/replicationSummary';
import { compileScenario, type CompiledScenario } from './compile';
import type { LegRecord } from '../records/legRecord';
import { toPlainRecord } from './leg';
import type { DemandSourceFactory } from './demandSource';
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

	/** `demand`: where the visitors come from (default: generated from the scenario's demand). */
	constructor(
		readonly scenario: Scenario,
		readonly seed: number,
		private readonly demand?: DemandSourceFactory
	) {
		this.model = compileScenario(scenario);
	}

	/**
	 * Runs replication `r`; its result depends only on (scenario, seed, r), whoever runs it. With `keepLegs` the
	 * result holds its visit legs as plain records, in the order an analyst reads them (by day, visitor and leg);
	 * with `onLeg` each goes there instead, as soon as its visitor is done (read it during the call: the object is
	 * reused), and none is kept.
	 */
	run(r: number, keepLegs: boolean, onLeg?: (record: LegRecord) => void): ReplicationResult {
		const sim = this.sim ? this.sim.restart(r) : (this.sim = new ReplicationRun(this.model, this.seed, r, this.demand ? { demand: this.demand } : {}));
		const legs: LegRecord[] | undefined = keepLegs && !onLeg ? [] : undefined;
		sim.keepLegs = false;
		// A streamed leg is the simulator's own object, reused once the call returns: keep a plain copy.
		sim.streamLegs(onLeg ?? (legs ? (l) => legs.push(toPlainRecord(l)) : null));
		const out = sim.run();
		return { replication: r, summary: summarizeTally(sim.tally, out), events: out.events, ...(legs ? { legs } : {}) };
	}
}
