/// <reference lib="webworker" />
/** Web Worker entry point: runs replications for the browser's pool (see browserPool.ts). */
import type { RunRequest, WorkerMessage } from './protocol';
import { serveAfterLoading } from './serveAfterLoading';

serveAfterLoading<RunRequest, WorkerMessage>(
	async (post) => {
		const { handleRunRequest } = await import('./handler');
		const scope = self as unknown as DedicatedWorkerGlobalScope;
		return (req) => handleRunRequest(req, (msg, transfer) => (transfer ? scope.postMessage(msg, transfer) : post(msg)));
	},
	// job -1: the worker itself failed; the pool fails the run with this message.
	(message) => ({ type: 'error', job: -1, message })
);
