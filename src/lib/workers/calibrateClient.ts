/**
 * The page's side of the calibrate worker: one Web Worker per job, so a cancel always stops it at once
 * (terminate), even in the middle of a fit or a replication. Browser only.
 */
import type { CalibrationResult } from '../calibrate/calibration';
import type { ValidationResult } from '../replay/validation';
import { cancellableJob } from './cancellableJob';
import { JobCancelled, type CalibrateJob, type CalibrateReply, type CalibrateRequest, type JobHooks, type ValidateJob } from './calibrateProtocol';

/** Runs one request in a worker of its own until it answers, fails or `hooks.signal` cancels it. */
function runJob<T>(request: CalibrateRequest, answer: (msg: CalibrateReply) => T | undefined, hooks: JobHooks): Promise<T> {
	const worker = new Worker(new URL('./calibrateWorker.ts', import.meta.url), { type: 'module' });
	return cancellableJob<T>({
		signal: hooks.signal,
		cancelled: () => new JobCancelled(),
		cleanup: () => worker.terminate(),
		start: (settle) => {
			worker.onmessage = (e: MessageEvent<CalibrateReply>) => {
				const msg = e.data;
				if (msg.type === 'error') settle(new Error(msg.message));
				else if (msg.type === 'progress') hooks.onProgress?.(msg.progress);
				else {
					const value = answer(msg);
					if (value !== undefined) settle(undefined, value);
				}
			};
			worker.onerror = (e: ErrorEvent) => {
				e.preventDefault();
				settle(new Error(e.message || 'the calibration worker failed to start'));
			};
			worker.postMessage(request);
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
