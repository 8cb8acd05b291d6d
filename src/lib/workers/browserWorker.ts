/// <reference lib="webworker" />
/**
 * Web Worker entry point: runs replications for the browser's pool (see browserPool.ts).
 *
 * The simulator loads simjs with a top-level await (sim/calendar.ts). A module worker whose module graph is
 * still awaiting does not have its `onmessage` yet, and messages that arrive then are dropped. So this file
 * listens first, keeps requests that arrive early, and loads the simulator with a dynamic import.
 */
import type { RunRequest, WorkerMessage } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: WorkerMessage) => scope.postMessage(msg);

const early: RunRequest[] = [];
let handle: ((req: RunRequest) => void) | null = null;

scope.onmessage = (e: MessageEvent<RunRequest>) => {
	if (handle) handle(e.data);
	else early.push(e.data);
};

import('./handler').then(
	({ handleRunRequest }) => {
		handle = (req) => handleRunRequest(req, post);
		for (const req of early.splice(0)) handle(req);
	},
	(err: unknown) => {
		// job -1: the worker itself failed; the pool fails the run with this message.
		const message = `the simulator could not load: ${err instanceof Error ? err.message : String(err)}`;
		handle = () => post({ type: 'error', job: -1, message });
		handle(early[0] ?? ({} as RunRequest));
		early.length = 0;
	}
);
