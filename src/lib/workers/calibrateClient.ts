/**
 * The page's side of the calibrate worker: one Web Worker per job, so a cancel always stops it at once
 * (terminate), even in the middle of a fit or a replication. Browser only.
 */
import type { CalibrationResult } from '../calibrate/calibration';
import type { ValidationResult } from '../replay/validation';
import { runWorkerJob } from './workerJob';
import { JobCancelled, type CalibrateJob, type CalibrateReply, type CalibrateRequest, type JobHooks, type ValidateJob } from './calibrateProtocol';

/** Runs one request in a calibration worker of its own until it answers, fails or `hooks.signal` cancels it. */
function runJob<T>(request: CalibrateRequest, answer: (msg: CalibrateReply) => T | undefined, hooks: JobHooks): Promise<T> {
	const worker = new Worker(new URL('./calibrateWorker.ts', import.meta.url), { type: 'module' });
	return runWorkerJob<CalibrateReply, T>({
		worker,
		request,
		signal: hooks.signal,
		cancelled: () => new JobCancelled(),
		name: 'the calibration worker',
		answer: (msg) => {
			if (msg.type === 'progress') hooks.onProgress?.(msg.progress);
			return answer(msg);
		}
	});
}

/** Calibrates a scenario from a log in a Web Worker. */
export function calibrateInWorker(job: CalibrateJob, hooks: JobHooks = {}): Promise<CalibrationResult> {
	return runJob<CalibrationResult>({ type: 'calibrate', ...job }, (msg) => (msg.type === 'calibrated' ? msg.result : undefined), hooks);
}

/** Validates a scenario against a log in a Web Worker. */
export function validateInWorker(job: ValidateJob, hooks: JobHooks = {}): Promise<ValidationResult> {
	return runJob<ValidationResult>({ type: 'validate', ...job }, (msg) => (msg.type === 'validated' ? msg.report : undefined), hooks);
}
