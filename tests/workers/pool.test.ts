/** WorkerPool: chunks handed out to workers, results back in replication order, a job's scenario sent once per worker. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../src/lib/sim/run';
import type { RunRequest } from '../../src/lib/workers/protocol';
import { mustParse, smallScenario } from '../fixtures/scenarios';
import { inlinePool } from './inlinePool';

const scenario = mustParse(smallScenario());
const other = mustParse({ ...smallScenario(), id: 'other', demand: { ...smallScenario().demand, visitorsPerDay: 60 } });
const summaries = (s: typeof scenario, seed: number, n: number) => runInProcess(s, seed, n).map((r) => r.summary);

describe('WorkerPool', () => {
	it('gives every replication once, in replication order, exactly as one thread does, on 1 to 3 workers', async () => {
		for (const size of [1, 2, 3]) {
			const results = await inlinePool(size).run({ scenario, seed: 5, replications: 40 });
			expect(results.map((r) => r.replication)).toEqual([...Array(40).keys()]);
			expect(results.map((r) => r.summary)).toEqual(summaries(scenario, 5, 40));
		}
	});

	it("sends a job's scenario with each worker's first request only, and again for the next job", async () => {
		const requests: Array<{ worker: number; req: RunRequest }> = [];
		const pool = inlinePool(2, (worker, req) => requests.push({ worker, req }));
		await pool.run({ scenario, seed: 5, replications: 40 });
		await pool.run({ scenario: other, seed: 5, replications: 40 });
		// Several chunks each (40 replications on 2 workers), but one scenario per worker and job.
		expect(requests.length).toBeGreaterThan(8);
		const carrying = requests.filter((r) => r.req.scenario).map((r) => `${r.worker}:${r.req.job}:${r.req.scenario!.id}`);
		expect(carrying.sort()).toEqual(['0:1:kecil', '0:2:other', '1:1:kecil', '1:2:other'].sort());
	});

	it('refuses a second job while one runs, and takes the next once it has ended', async () => {
		const pool = inlinePool(2);
		const a = pool.run({ scenario, seed: 5, replications: 24 });
		await expect(pool.run({ scenario: other, seed: 9, replications: 24 })).rejects.toThrow('one at a time');
		expect((await a).map((r) => r.summary)).toEqual(summaries(scenario, 5, 24));
		expect((await pool.run({ scenario: other, seed: 9, replications: 24 })).map((r) => r.summary)).toEqual(summaries(other, 9, 24));
	});
});
