import type { Scenario } from '../model/scenario';
import type { LegRecord } from '../records/legRecord';

/** Main → worker: run these replications of this (already validated) scenario. */
export interface RunRequest {
	type: 'run';
	/** Identifies the job, so results of a cancelled job are ignored. */
	job: number;
	/**
	 * Left out when this worker's previous request was of the same job: the worker keeps that job's scenario
	 * compiled, and a 30 KB scenario cloned into every chunk of eight replications cost the main thread more than it
	 * spent on their results.
	 */
	scenario?: Scenario;
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

/**
 * Worker → main: results of a request's replications in replication order ('results': some of them, when each
 * carries its legs; 'done': the rest, and the request is done), or a failure.
 */
export type WorkerMessage =
	| { type: 'results' | 'done'; job: number; results: PackedResult[] }
	| { type: 'error'; job: number; message: string };

/** The least a worker must offer (Web Worker and worker_threads wrappers both fit). */
export interface WorkerLike {
	post(msg: RunRequest): void;
	onMessage(handler: (msg: WorkerMessage) => void): void;
	terminate(): void;
}
