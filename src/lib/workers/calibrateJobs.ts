/**
 * The calibrate page's two jobs, run where they are called: in the page's Web Worker (calibrateWorker.ts), and
 * in Node for the controller's tests. Calibrating reads and fits the log (calibrate/calibration.ts); validating
 * reads it again into records and compares them with a scenario (replay/validation.ts). Each failure of the log
 * comes back as an Error whose message the library wrote (it names the line); nothing here throws otherwise.
 */
import { calibrateLog, type CalibrationResult } from '../calibrate/calibration';
import type { LogRecord } from '../calibrate/logRecord';
import { readLog } from '../calibrate/logReader';
import { validateModel, type ValidationResult } from '../replay/validation';
import { JobCancelled, type CalibrateJob, type JobHooks, type LogSource, type ValidateJob } from './calibrateProtocol';

/** The log's size in bytes as far as progress goes (a string's length is close enough). */
export function sourceSize(input: LogSource): number {
	return typeof input === 'string' ? input.length : input.size;
}

/** Calibrates a scenario from a log; rejects with the library's message when the log cannot be used. */
export async function calibrateJob(job: CalibrateJob, hooks: JobHooks = {}): Promise<CalibrationResult> {
	const done = await calibrateLog(job.input, {
		file: job.file,
		map: job.map,
		seed: job.seed,
		bootstrap: job.bootstrap,
		signal: hooks.signal,
		onPhase: (p) => hooks.onProgress?.({ phase: p.phase, done: p.done, total: p.total })
	});
	if (hooks.signal?.aborted) throw new JobCancelled();
	if (!done.ok) throw new Error(done.message);
	return done.result;
}

/** Reads the log into records (for replay and validation); rejects with the reader's message. */
export async function readRecords(job: CalibrateJob | ValidateJob, hooks: JobHooks = {}): Promise<LogRecord[]> {
	const records: LogRecord[] = [];
	const total = sourceSize(job.input);
	const read = await readLog(
		job.input,
		{ file: job.file, map: job.map, signal: hooks.signal, onProgress: (bytes) => hooks.onProgress?.({ phase: 'read', done: bytes, total }) },
		(r) => records.push(r)
	);
	if (hooks.signal?.aborted) throw new JobCancelled();
	if (!read.ok) throw new Error(read.message);
	return records;
}

/**
 * Compares a scenario with the log: observed, the log replayed, and the model over replications; rejects with
 * the validation's message when they cannot be compared (e.g. the scenario lacks the log's weekdays).
 */
export async function validateJob(job: ValidateJob, hooks: JobHooks = {}): Promise<ValidationResult> {
	const records = await readRecords(job, hooks);
	const report = validateModel(records, job.scenario, job.options, (done, total) => hooks.onProgress?.({ phase: 'validate', done, total }));
	if (hooks.signal?.aborted) throw new JobCancelled();
	if (!report.ok) throw new Error(report.message);
	return report;
}
