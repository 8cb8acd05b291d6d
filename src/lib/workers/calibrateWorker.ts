/// <reference lib="webworker" />
/**
 * Web Worker entry point for the calibrate page: reads and fits a ticket log, or validates a scenario against it
 * (calibrateJobs.ts), so the page stays responsive however large the log. One job per worker; the
 * page cancels by terminating it. Progress goes out at most every PROGRESS_MS (a log read in chunks would
 * otherwise post thousands of messages, each one a task on the page's thread), and always at a phase's end.
 */
import type { CalibrateReply, CalibrateRequest, JobProgress } from './calibrateProtocol';
import { serveAfterLoading } from './serveAfterLoading';

const PROGRESS_MS = 100;

serveAfterLoading<CalibrateRequest, CalibrateReply>(
	async (post) => {
		const { calibrateJob, validateJob } = await import('./calibrateJobs');
		return (req) => {
			let last = 0;
			const onProgress = (progress: JobProgress) => {
				const now = performance.now();
				if (progress.done < progress.total && now - last < PROGRESS_MS) return;
				last = now;
				post({ type: 'progress', progress });
			};
			const work =
				req.type === 'calibrate'
					? calibrateJob(req, { onProgress }).then((result) => post({ type: 'calibrated', result }))
					: validateJob(req, { onProgress }).then((report) => post({ type: 'validated', report }));
			work.catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
		};
	},
	(message) => ({ type: 'error', message })
);
