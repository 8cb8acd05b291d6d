import type { Scenario } from '../model/scenario';
import type { LegRecord } from '../records/legRecord';

/** Main → worker: run these replications of this (already validated) scenario. */
export interface RunRequest {
	type: 'run';
	/** Identifies the job, so results of a cancelled job are ignored. */
	job: number;
	scenario: Scenario;
	seed: number;
	replications: number[];
	keepLegs: boolean;
}

/** One replication's result as it crosses threads: the summary packed (summaryCodec), no object graph to clone. */
export interface PackedResult {
	replication: number;
	events: number;
	summary: Float64Array;
	legs?: LegRecord[];
}

/** Worker → main: one replication done, or a failure. */
export type WorkerMessage =
	| { type: 'result'; job: number; result: PackedResult }
	| { type: 'done'; job: number }
	| { type: 'error'; job: number; message: string };

/** The least a worker must offer (Web Worker and worker_threads wrappers both fit). */
export interface WorkerLike {
	post(msg: RunRequest): void;
	onMessage(handler: (msg: WorkerMessage) => void): void;
	terminate(): void;
}
