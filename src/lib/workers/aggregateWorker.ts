/// <reference lib="webworker" />
/**
 * Web Worker entry point that aggregates replication results into a RunSummary (sim/run.ts `summarizeRun`),
 * so re-aggregating hundreds of replications never blocks the UI thread. Like browserWorker.ts it listens
 * before loading sim/ (whose simjs adapter has a top-level await that would otherwise drop early messages).
 */
import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import type { AggregateReply, AggregateRequest } from './aggregateProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let run = -1;
let scenario: Scenario | null = null;
let seed = 0;
let results: ReplicationResult[] = [];
let summarizeRun: typeof import('../sim/run').summarizeRun | null = null;
let loadError: string | null = null;
const early: AggregateRequest[] = [];

function handle(msg: AggregateRequest): void {
	if (msg.type === 'reset') {
		run = msg.run;
		scenario = msg.scenario;
		seed = msg.seed;
		results = [];
		return;
	}
	if (msg.run !== run) return;
	if (msg.type === 'add') {
		results.push(msg.result);
		return;
	}
	let reply: AggregateReply;
	try {
		if (loadError !== null) throw new Error(loadError);
		if (!scenario || !summarizeRun) throw new Error('no run started');
		reply = { type: 'summary', run, id: msg.id, summary: summarizeRun(scenario, seed, results) };
	} catch (err) {
		reply = { type: 'error', run, id: msg.id, message: err instanceof Error ? err.message : String(err) };
	}
	scope.postMessage(reply);
}

scope.onmessage = (e: MessageEvent<AggregateRequest>) => {
	if (summarizeRun || loadError !== null) handle(e.data);
	else early.push(e.data);
};

import('../sim/run').then(
	(mod) => {
		summarizeRun = mod.summarizeRun;
		for (const msg of early.splice(0)) handle(msg);
	},
	(err: unknown) => {
		loadError = `the aggregation could not load: ${err instanceof Error ? err.message : String(err)}`;
		for (const msg of early.splice(0)) handle(msg);
	}
);
