import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/lib/model/parse';
import type { Scenario } from '../../../src/lib/model/scenario';
import { InlineAggregator } from '../../../src/lib/run/aggregator';
import { RunController } from '../../../src/lib/run/runController.svelte';
import { parseWholeNumber } from '../../../src/lib/run/settings';
import { estimateRemainingMs, splitDuration } from '../../../src/lib/run/timeLeft';
import { sliceReplications } from '../../../src/lib/run/visitsExport';
import { runInProcess, summarizeRun } from '../../../src/lib/sim/run';
import { WorkerPool } from '../../../src/lib/workers/pool';
import type { WorkerMessage } from '../../../src/lib/workers/protocol';
import { inlinePool } from '../../workers/inlinePool';

describe('time left', () => {
	it('extrapolates the average pace so far', () => {
		expect(estimateRemainingMs(3000, 10, 30)).toBe(6000);
		expect(estimateRemainingMs(3000, 30, 30)).toBe(0);
		expect(estimateRemainingMs(500, 0, 30)).toBeNull();
		expect(estimateRemainingMs(NaN, 3, 30)).toBeNull();
	});

	it('rounds up to whole seconds and splits minutes', () => {
		expect(splitDuration(0)).toEqual({ minutes: 0, seconds: 0 });
		expect(splitDuration(1)).toEqual({ minutes: 0, seconds: 1 });
		expect(splitDuration(61_500)).toEqual({ minutes: 1, seconds: 2 });
	});
});

describe('run settings and visits.csv slices', () => {
	it('accepts whole numbers within bounds only', () => {
		expect(parseWholeNumber(30, 1, 10_000)).toBe(30);
		expect(parseWholeNumber(' 42 ', 1, 10_000)).toBe(42);
		for (const bad of [0, 10_001, 2.5, -1, '', '3e2', null, undefined, NaN]) expect(parseWholeNumber(bad, 1, 10_000)).toBeNull();
	});

	it('splits replications into contiguous, near-equal slices that cover each exactly once', () => {
		expect(sliceReplications(10, 3)).toEqual([
			[0, 1, 2, 3],
			[4, 5, 6],
			[7, 8, 9]
		]);
		expect(sliceReplications(2, 8)).toEqual([[0], [1]]);
		expect(sliceReplications(0, 4)).toEqual([]);
	});
});

/** A tiny scenario: quick to simulate. */
const tiny: Scenario = (() => {
	const kb = JSON.parse(readFileSync('scenarios/lebong.json', 'utf8'));
	kb.calendar.days = ['mon'];
	const parsed = parseScenario(kb);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.scenario;
})();

describe('run controller', () => {
	it('runs every replication and ends with exactly the summary the CLI computes', async () => {
		const c = new RunController({ createPool: () => inlinePool(2), createAggregator: () => new InlineAggregator(), refreshMs: 0 });
		const provisional: number[] = [];
		const run = c.start(tiny, 7, 6);
		expect(c.status).toBe('running');
		expect(c.total).toBe(6);
		const poll = setInterval(() => c.summary && provisional.push(c.summary.replications), 1);
		const summary = await run;
		clearInterval(poll);
		expect(c.status).toBe('done');
		expect(c.done).toBe(6);
		expect(c.remainingMs).toBe(0);
		expect(JSON.stringify(summary)).toBe(JSON.stringify(summarizeRun(tiny, 7, runInProcess(tiny, 7, 6))));
		expect(c.summary).toBe(summary);
		// Results showed up before the run was over.
		expect(provisional.some((n) => n < 6)).toBe(true);
		c.dispose();
	});

	it('stops on cancel, keeps the finished replications, and a new run starts clean', async () => {
		const c = new RunController({ createPool: () => inlinePool(1), createAggregator: () => new InlineAggregator() });
		const run = c.start(tiny, 1, 200);
		await new Promise<void>((resolve) => {
			const t = setInterval(() => {
				if (c.done >= 2) {
					clearInterval(t);
					resolve();
				}
			}, 1);
		});
		c.cancel();
		expect(await run).toBeNull();
		expect(c.status).toBe('cancelled');
		await new Promise((r) => setTimeout(r, 20));
		expect(c.summary?.replications).toBeGreaterThanOrEqual(2);
		expect(c.summary?.replications).toBeLessThan(200);

		const again = await c.start(tiny, 1, 3);
		expect(c.status).toBe('done');
		expect(again?.replications).toBe(3);
		c.dispose();
	});

	it('reports a failing pool as an error, not a hang', async () => {
		const failing = new WorkerPool(
			() => {
				let handler: ((m: WorkerMessage) => void) | null = null;
				return {
					post: (req) => setTimeout(() => handler?.({ type: 'error', job: req.job, message: 'boom' }), 0),
					onMessage: (h) => (handler = h),
					terminate: () => {}
				};
			},
			1
		);
		const c = new RunController({ createPool: () => failing });
		expect(await c.start(tiny, 1, 2)).toBeNull();
		expect(c.status).toBe('error');
		expect(c.error).toBe('boom');
	});
});
