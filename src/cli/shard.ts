/**
 * `--shard i/n`: a run split across processes or machines. Shard i of n runs a contiguous share of the
 * replications; `mpp merge` folds the shards' partial results into the summary the whole run gives. On a
 * Kubernetes Indexed Job or an AWS Batch array job the index comes from the scheduler's variable and the count
 * from MPP_SHARD_COUNT, so one command line serves every shard.
 */
import { CliError } from './cliError';

/** Shard `index` of `count` (0 ≤ index < count). */
export interface Shard {
	index: number;
	count: number;
}

const INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

function wholeNumber(text: string, what: string): number {
	if (!/^\d+$/.test(text.trim())) throw new CliError(`${what}: expected a whole number, got "${text}"`, 2);
	return Number(text);
}

/** Parses "i/n". */
export function parseShard(text: string, what = '--shard'): Shard {
	const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
	if (!m) throw new CliError(`${what}: expected i/n (shard i of n, counting from 0), got "${text}"`, 2);
	const shard = { index: Number(m[1]), count: Number(m[2]) };
	if (shard.count < 1 || shard.index >= shard.count) throw new CliError(`${what}: shard ${shard.index} of ${shard.count} does not exist (0 ≤ i < n)`, 2);
	return shard;
}

/** The shard a run is: --shard when given, else the scheduler's index variable with MPP_SHARD_COUNT; none otherwise. */
export function shardOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard | null {
	if (flag !== undefined) return parseShard(flag);
	const variable = INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== '');
	if (!variable) return null;
	const count = env.MPP_SHARD_COUNT;
	if (count === undefined || count === '') throw new CliError(`${variable} is set: set MPP_SHARD_COUNT to the number of shards too (or pass --shard i/n)`, 2);
	return parseShard(`${wholeNumber(env[variable]!, variable)}/${wholeNumber(count, 'MPP_SHARD_COUNT')}`, `${variable}/MPP_SHARD_COUNT`);
}

/** The replications shard i of n runs: [first, first + count), contiguous, every replication in exactly one shard. */
export function shareOf(shard: Shard, replications: number): { first: number; count: number } {
	const first = Math.floor((shard.index * replications) / shard.count);
	const end = Math.floor(((shard.index + 1) * replications) / shard.count);
	return { first, count: end - first };
}
