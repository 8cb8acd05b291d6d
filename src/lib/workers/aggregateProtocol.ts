import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import type { RunSummary } from '../stats/runSummary';

/** Main → aggregation worker. `run` numbers a reset; requests of an older run are ignored. */
export type AggregateRequest =
	| { type: 'reset'; run: number; scenario: Scenario; seed: number }
	| { type: 'add'; run: number; result: ReplicationResult }
	| { type: 'summarize'; run: number; id: number };

/** Aggregation worker → main. */
export type AggregateReply = { type: 'summary'; run: number; id: number; summary: RunSummary } | { type: 'error'; run: number; id: number; message: string };
