/// <reference lib="webworker" />
/**
 * Web Worker entry point for the sizing search and the growth curve: runs planning/size.ts in process inside
 * this worker, so the page stays responsive. Like browserWorker.ts it listens before loading the simulator (whose
 * top-level await would otherwise drop early messages). Each worker runs one job; the page cancels it by
 * terminating the worker.
 */
import type { SizeReply, SizeRequest } from './sizeProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: SizeReply) => scope.postMessage(msg);

const early: SizeRequest[] = [];
let handle: ((req: SizeRequest) => void) | null = null;

scope.onmessage = (e: MessageEvent<SizeRequest>) => {
	if (handle) handle(e.data);
	else early.push(e.data);
};

Promise.all([import('../planning/size'), import('../planning/growth'), import('../planning/evaluate')]).then(
	([{ sizeScenario }, { growthCurve }, { inProcessEvaluate }]) => {
		handle = (req) => {
			const { targets, seed, replications, shared } = req.settings;
			const options = { targets, seed, replications, shared };
			const work =
				req.type === 'size'
					? sizeScenario(req.scenario, inProcessEvaluate, {
							...options,
							onProgress: (progress) => post({ type: 'progress', progress })
						}).then((result) => post({ type: 'result', result }))
					: growthCurve(req.scenario, inProcessEvaluate, {
							...options,
							visitorsPerDay: req.visitorsPerDay,
							onProgress: (progress) => post({ type: 'growth-progress', progress }),
							onPoint: (point) => post({ type: 'point', point })
						}).then((points) => post({ type: 'growth-result', points }));
			work.catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
		};
		for (const req of early.splice(0)) handle(req);
	},
	(err: unknown) => {
		const message = `the simulator could not load: ${err instanceof Error ? err.message : String(err)}`;
		handle = () => post({ type: 'error', message });
		for (const req of early.splice(0)) handle(req);
	}
);
