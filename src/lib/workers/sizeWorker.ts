/// <reference lib="webworker" />
/**
 * Web Worker entry point for the sizing search and the growth curve: runs planning/size.ts in process inside
 * this worker, so the page stays responsive. Like browserWorker.ts it listens before loading the simulator (whose
 * top-level await would otherwise drop early messages). Evaluations yield between layouts, so a cancel message
 * lands within one evaluation; the page may also simply terminate the worker.
 */
import type { SizeReply, SizeRequest } from './sizeProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: SizeReply) => scope.postMessage(msg);

const early: SizeRequest[] = [];
let handle: ((req: SizeRequest) => void) | null = null;
const running = new Map<number, AbortController>();

scope.onmessage = (e: MessageEvent<SizeRequest>) => {
	if (e.data.type === 'cancel') {
		running.get(e.data.job)?.abort();
		return;
	}
	if (handle) handle(e.data);
	else early.push(e.data);
};

Promise.all([import('../planning/size'), import('../planning/growth'), import('../planning/evaluate')]).then(
	([{ sizeScenario }, { growthCurve }, { inProcessEvaluate, PlanningCancelled }]) => {
		handle = (req) => {
			if (req.type === 'cancel') return;
			const ctrl = new AbortController();
			running.set(req.job, ctrl);
			const { targets, seed, replications, shared } = req.settings;
			const options = { targets, seed, replications, shared, signal: ctrl.signal };
			const work =
				req.type === 'size'
					? sizeScenario(req.scenario, inProcessEvaluate, {
							...options,
							onProgress: (progress) => post({ type: 'progress', job: req.job, progress })
						}).then((result) => post({ type: 'result', job: req.job, result }))
					: growthCurve(req.scenario, inProcessEvaluate, {
							...options,
							visitorsPerDay: req.visitorsPerDay,
							onProgress: (progress) => post({ type: 'growth-progress', job: req.job, progress }),
							onPoint: (point) => post({ type: 'point', job: req.job, point })
						}).then((points) => post({ type: 'growth-result', job: req.job, points }));
			work
				.catch((err: unknown) => {
					if (err instanceof PlanningCancelled) post({ type: 'cancelled', job: req.job });
					else post({ type: 'error', job: req.job, message: err instanceof Error ? err.message : String(err) });
				})
				.finally(() => running.delete(req.job));
		};
		for (const req of early.splice(0)) handle(req);
	},
	(err: unknown) => {
		const message = `the simulator could not load: ${err instanceof Error ? err.message : String(err)}`;
		handle = (req) => post({ type: 'error', job: req.job, message });
		for (const req of early.splice(0)) handle(req);
	}
);
