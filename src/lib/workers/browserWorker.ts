/// <reference lib="webworker" />
/** Web Worker entry point: runs replications for the browser's pool (see browserPool.ts). */
import type { RunRequest, WorkerMessage } from './protocol';
import { serveAfterLoading } from './serveAfterLoading';

serveAfterLoading<RunRequest, WorkerMessage>(
	async (post) => {
		const { runRequestHandler } = await import('./handler');
		return runRequestHandler(post);
	},
	// job -1: the worker itself failed; the pool fails the run with this message.
	(message) => ({ type: 'error', job: -1, message })
);
