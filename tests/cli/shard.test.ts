/** `mpp run --shard i/n` and `mpp merge`: shares that cover every replication once, and a merge equal to the whole run. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf, shareOf } from '../../src/cli/shard';
import { mpp, mppIn, noTrace } from './mppProcess';

const tmp = () => mkdtempSync(join(tmpdir(), 'mpp-shard-'));

describe('shareOf', () => {
	it.each([
		[30, 3],
		[7, 3],
		[2, 5],
		[100_000, 7]
	])('the shares of %i replications over %i shards are contiguous and cover each replication once', (total, n) => {
		let next = 0;
		for (let i = 0; i < n; i++) {
			const { first, count } = shareOf({ index: i, count: n }, total);
			expect(first).toBe(next);
			expect(count).toBeGreaterThanOrEqual(Math.floor(total / n));
			next = first + count;
		}
		expect(next).toBe(total);
	});
});

describe('shardOf', () => {
	it('reads --shard i/n and rejects shards that do not exist', () => {
		expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
		expect(() => parseShard('3/3')).toThrow(/does not exist/);
		expect(() => parseShard('1-3')).toThrow(/expected i\/n/);
	});

	it('defaults from a Kubernetes Indexed Job or an AWS Batch array job, with MPP_SHARD_COUNT', () => {
		expect(shardOf(undefined, {})).toBeNull();
		expect(shardOf(undefined, { JOB_COMPLETION_INDEX: '4', MPP_SHARD_COUNT: '10' })).toEqual({ index: 4, count: 10 });
		expect(shardOf(undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '0', MPP_SHARD_COUNT: '2' })).toEqual({ index: 0, count: 2 });
		expect(shardOf('1/2', { JOB_COMPLETION_INDEX: '4', MPP_SHARD_COUNT: '10' })).toEqual({ index: 1, count: 2 });
		expect(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '4' })).toThrow(/MPP_SHARD_COUNT/);
	});
});

describe('mpp merge', () => {
	it('gives byte for byte the summary JSON and CSVs of the unsharded run (shards as local processes)', () => {
		const dir = tmp();
		const parts = [0, 1, 2].map((i) => join(dir, `part${i}`));
		// Shard 1 takes its index from the scheduler's variable, as on a Kubernetes Indexed Job.
		expect(mpp('run', 'scenarios/lebong.json', '--replications', '12', '--shard', '0/3', '--out', parts[0]).code).toBe(0);
		expect(mppIn({ env: { JOB_COMPLETION_INDEX: '1', MPP_SHARD_COUNT: '3' } }, 'run', 'scenarios/lebong.json', '--replications', '12', '--out', parts[1]).code).toBe(0);
		expect(mpp('run', 'scenarios/lebong.json', '--replications', '12', '--shard', '2/3', '--out', parts[2], '--workers', '0').code).toBe(0);
		const merged = mpp('merge', parts[2], parts[0], parts[1], '--json', '--out', join(dir, 'merged'));
		const whole = mpp('run', 'scenarios/lebong.json', '--replications', '12', '--json', '--out', join(dir, 'whole'));
		expect(merged.code).toBe(0);
		expect(merged.stdout.length).toBeGreaterThan(1000);
		expect(merged.stdout === whole.stdout).toBe(true);
		for (const f of ['visits.csv', 'summary.csv', 'hourly.csv']) {
			expect(readFileSync(join(dir, 'merged', f), 'utf8') === readFileSync(join(dir, 'whole', f), 'utf8'), f).toBe(true);
		}
	});

	it('names a missing or repeated shard and exits 1 without a trace', () => {
		const dir = tmp();
		for (const i of [0, 1]) mpp('run', 'scenarios/lebong.json', '--replications', '4', '--shard', `${i}/2`, '--out', join(dir, `p${i}`));
		const missing = mpp('merge', join(dir, 'p0'));
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/replications 3–4 of 4 are in no part given/);
		const twice = mpp('merge', join(dir, 'p0'), join(dir, 'p0'), join(dir, 'p1'));
		expect(twice.code).toBe(1);
		expect(twice.stderr).toMatch(/in two parts/);
		const notPartial = mpp('merge', 'scenarios/lebong.json');
		expect(notPartial.code).toBe(1);
		expect(notPartial.stderr).toMatch(/scenarios\/lebong.json: not a partial result/);
		noTrace(missing.stderr + twice.stderr + notPartial.stderr);
	});

	it('a shard needs --out for its partial result', () => {
		const r = mpp('run', 'scenarios/lebong.json', '--shard', '0/2');
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--shard writes a partial result/);
	});
});

describe('mpp run --out', () => {
	it('streams visits.csv byte for byte as the golden copy', () => {
		const dir = tmp();
		expect(mpp('run', 'scenarios/lebong.json', '--replications', '2', '--seed', '3', '--out', dir).code).toBe(0);
		for (const f of ['visits.csv', 'summary.csv', 'hourly.csv']) {
			expect(readFileSync(join(dir, f), 'utf8') === readFileSync(new URL(`../golden/lebong.r2s3/${f}`, import.meta.url), 'utf8'), f).toBe(true);
		}
	});

	it('a run that cannot put its files in place leaves the folder as it was', () => {
		const dir = tmp();
		mkdirSync(join(dir, 'visits.csv'));
		writeFileSync(join(dir, 'summary.csv'), 'old\n');
		const r = mpp('run', 'scenarios/lebong.json', '--replications', '2', '--out', dir);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/visits\.csv: cannot write/);
		noTrace(r.stderr);
		expect(readdirSync(dir).sort()).toEqual(['summary.csv', 'visits.csv']);
		expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('old\n');
	});
});
