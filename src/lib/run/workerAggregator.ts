/** The browser's Aggregator: a Web Worker running `summarizeRun` (see workers/aggregateWorker.ts). */
import type { Scenario } from '../model/scenario';
import type { ReplicationResult } from '../sim/batch';
import type { RunSummary } from '../stats/runSummary';
import type { AggregateReply, AggregateRequest } from '../workers/aggregateProtocol';
import type { Aggregator } from './aggregator';

export class WorkerAggregator implements Aggregator {
	private worker: Worker | null = null;
	private run = 0;
	private nextId = 0;
	private pending = new Map<number, { resolve: (s: RunSummary) => void; reject: (e: Error) => void }>();

	private ensure(): Worker {
		if (this.worker) return this.worker;
		const w = new Worker(new URL('../workers/aggregateWorker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<AggregateReply>) => {
			const msg = e.data;
			const p = this.pending.get(msg.id);
			if (!p) return;
			this.pending.delete(msg.id);
			if (msg.type === 'summary') p.resolve(msg.summary);
			else p.reject(new Error(msg.message));
		};
		w.onerror = (e: ErrorEvent) => {
			e.preventDefault();
			this.failAll(new Error(e.message || 'the aggregation worker failed'));
		};
		this.worker = w;
		return w;
	}

	private post(msg: AggregateRequest): void {
		this.ensure().postMessage(msg);
	}

	private failAll(err: Error): void {
		for (const p of this.pending.values()) p.reject(err);
		this.pending.clear();
	}

	reset(scenario: Scenario, seed: number): void {
		this.run++;
		// Answers to an earlier run's requests will never come (the worker ignores them): settle them now.
		this.failAll(new Error('superseded'));
		this.post({ type: 'reset', run: this.run, scenario, seed });
	}

	add(result: ReplicationResult): void {
		const { legs: _legs, ...light } = result;
		this.post({ type: 'add', run: this.run, result: light });
	}

	summarize(): Promise<RunSummary> {
		const id = ++this.nextId;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.post({ type: 'summarize', run: this.run, id });
		});
	}

	terminate(): void {
		this.failAll(new Error('terminated'));
		this.worker?.terminate();
		this.worker = null;
	}
}
