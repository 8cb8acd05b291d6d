/**
 * Messages between the calibrate page and its worker (calibrateWorker.ts). One job per worker: the page cancels
 * by terminating it. The log goes over as the browser's File (a Blob: cloning it copies no bytes) or as text, and
 * is read in the worker, so a large log never blocks the page.
 */
import type { CalibrationResult } from '../calibrate/calibration';
import type { ColumnMap } from '../calibrate/logRecord';
import type { Scenario } from '../model/scenario';
import type { ValidationOptions, ValidationResult } from '../replay/validation';

/** A log as the page holds it: a dropped or chosen File, or text (the sample, a test's log). */
export type LogSource = Blob | string;

/** What every job needs to read the log the same way. */
export interface LogJob {
	input: LogSource;
	/** The file's name (quality report, provenance in the scenario's notes). */
	file: string;
	/** Columns the analyst chose; fields not named are found by their names. */
	map?: ColumnMap;
}

/** Calibrate a scenario from the log. */
export interface CalibrateJob extends LogJob {
	seed: number;
	/** Parametric-bootstrap replicates per fit (the library's default when absent). */
	bootstrap?: number;
}

/** Read the log again and compare it with a scenario: the log replayed, and the scenario run over replications. */
export interface ValidateJob extends LogJob {
	scenario: Scenario;
	options: ValidationOptions;
}

/** Where a job is: reading the log (bytes), fitting (services), validating (replications). */
export interface JobProgress {
	phase: 'read' | 'fit' | 'validate';
	done: number;
	total: number;
}

/** Main → worker. */
export type CalibrateRequest = ({ type: 'calibrate' } & CalibrateJob) | ({ type: 'validate' } & ValidateJob);

/** Worker → main. */
export type CalibrateReply =
	| { type: 'progress'; progress: JobProgress }
	| { type: 'calibrated'; result: CalibrationResult }
	| { type: 'validated'; report: ValidationResult }
	| { type: 'error'; message: string };

/** How a job reports and is stopped (in a worker or in process). */
export interface JobHooks {
	onProgress?: (p: JobProgress) => void;
	signal?: AbortSignal;
}

/** Raised when a job is cancelled. */
export class JobCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'JobCancelled';
	}
}
