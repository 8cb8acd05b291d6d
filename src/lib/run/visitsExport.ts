/**
 * visits.csv in the browser: the run's replications are simulated again with their visit legs kept (same
 * scenario, seed and replication → the same legs), in Web Workers, one contiguous slice of replications per
 * worker. Each worker turns its legs into CSV text with the CLI's `visitsCsv`, so the main thread only joins the
 * parts into a Blob and the file is byte-identical to `mpp run --out`.
 */
import type { Scenario } from '../model/scenario';
import { defaultPoolSize } from '../workers/browserPool';
import { cancellableJob } from '../workers/cancellableJob';
import { RunCancelled } from '../workers/pool';
import type { VisitsCsvReply, VisitsCsvRequest } from '../workers/visitsCsvProtocol';

/** Splits replications 0..n-1 into at most `parts` contiguous, non-empty slices of near-equal size. */
export function sliceReplications(n: number, parts: number): number[][] {
	const k = Math.max(1, Math.min(parts, n));
	const out: number[][] = [];
	let next = 0;
	for (let i = 0; i < k; i++) {
		const size = Math.floor(n / k) + (i < n % k ? 1 : 0);
		const slice: number[] = [];
		for (let j = 0; j < size; j++) slice.push(next++);
		if (slice.length > 0) out.push(slice);
	}
	return out;
}

export interface VisitsCsvOptions {
	signal?: AbortSignal;
	onProgress?: (done: number, total: number) => void;
	workers?: number;
}

/** Builds visits.csv for replications 0..replications-1 of (scenario, seed). */
export function buildVisitsCsv(scenario: Scenario, seed: number, replications: number, opts: VisitsCsvOptions = {}): Promise<Blob> {
	const slices = sliceReplications(replications, opts.workers ?? defaultPoolSize());
	const parts: string[] = new Array(replications).fill('');
	const workers: Worker[] = [];
	let done = 0;
	const csv = () => new Blob(parts, { type: 'text/csv;charset=utf-8' });
	return cancellableJob<Blob>({
		signal: opts.signal,
		cancelled: () => new RunCancelled(),
		cleanup: () => {
			for (const w of workers) w.terminate();
		},
		start: (settle) => {
			if (replications === 0) return settle(undefined, csv());
			for (const slice of slices) {
				const w = new Worker(new URL('../workers/visitsCsvWorker.ts', import.meta.url), { type: 'module' });
				workers.push(w);
				w.onmessage = (e: MessageEvent<VisitsCsvReply>) => {
					const msg = e.data;
					if (msg.type === 'error') return settle(new Error(msg.message));
					if (msg.type !== 'part') return;
					parts[msg.replication] = msg.text;
					done++;
					opts.onProgress?.(done, replications);
					if (done === replications) settle(undefined, csv());
				};
				w.onerror = (e: ErrorEvent) => {
					e.preventDefault();
					settle(new Error(e.message || 'the export worker failed to start'));
				};
				const req: VisitsCsvRequest = { scenario, seed, replications: slice, header: slice[0] === 0 };
				w.postMessage(req);
			}
		}
	});
}
