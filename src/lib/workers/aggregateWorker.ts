/// <reference lib="webworker" />
/**
 * Web Worker entry point that aggregates replication results into a RunSummary (the same `aggregate` that
 * `summarizeRun` and the CLI use), so re-aggregating hundreds of replications never blocks the UI thread.
 * It needs statistics only — not the simulator — so it loads nothing asynchronously and can listen at once.
 */
import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import { aggregate } from '../stats/runAccumulator';
import type { AggregateReply, AggregateRequest } from './aggregateProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let run = -1;
let scenario: Scenario | null = null;
let seed = 0;
let results: ReplicationResult[] = [];

scope.onmessage = (e: MessageEvent<AggregateRequest>) => {
	const msg = e.data;
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
		if (!scenario) throw new Error('no run started');
		// aggregate() orders the summaries by replication itself.
		reply = { type: 'summary', run, id: msg.id, summary: aggregate(scenario, results.map((r) => r.summary), seed) };
	} catch (err) {
		reply = { type: 'error', run, id: msg.id, message: err instanceof Error ? err.message : String(err) };
	}
	scope.postMessage(reply);
};
