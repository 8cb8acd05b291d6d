/**
 * A shard's partial result: the scenario it ran (as validated), the run's seed and replication count, which
 * share it ran, and each replication's summary packed (summaryCodec) as base64 of little-endian doubles, so
 * `mpp merge` gets back exactly the bits the shard computed.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatScenarioError } from '../lib/model/errors';
import { parseScenario } from '../lib/model/parse';
import type { Scenario } from '../lib/model/scenario';
import { CliError } from './cliError';
import type { Shard } from './shard';

export const PARTIAL_FORMAT = 'mpp-partial-run';
/** Version 2: packed summaries end with each day's peak number waiting. A version-1 shard must be run again. */
const PARTIAL_VERSION = 2;
/** The file a shard's `--out` folder holds its partial result in. */
export const PARTIAL_FILE = 'partial.json';

/** A partial result in memory. */
export interface PartialRun {
	scenario: Scenario;
	seed: number;
	/** Replications of the whole run. */
	replications: number;
	shard: Shard;
	first: number;
	/** Packed summaries of replications first, first + 1, … */
	summaries: Float64Array[];
}

/** The partial result as JSON text. */
export function partialJson(p: PartialRun): string {
	const summaries = p.summaries.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64'));
	const { scenario, seed, replications, shard, first } = p;
	return `${JSON.stringify({ format: PARTIAL_FORMAT, version: PARTIAL_VERSION, seed, replications, shard: `${shard.index}/${shard.count}`, first, count: summaries.length, scenario, summaries })}\n`;
}

function fail(file: string, why: string): never {
	throw new CliError(`${file}: ${why}`);
}

function decode(text: unknown, file: string, k: number): Float64Array {
	if (typeof text !== 'string') fail(file, `summaries[${k}]: expected base64 text`);
	const bytes = Buffer.from(text, 'base64');
	if (bytes.length === 0 || bytes.length % 8 !== 0) fail(file, `summaries[${k}]: not a packed summary`);
	const out = new Float64Array(bytes.length / 8);
	for (let i = 0; i < out.length; i++) out[i] = bytes.readDoubleLE(8 * i);
	return out;
}

/** Reads a partial result (a file, or a shard's --out folder holding partial.json), checking its shape. */
export function readPartial(path: string): PartialRun {
	const file = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, PARTIAL_FILE) : path;
	let raw: Record<string, unknown>;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		fail(file, code === 'ENOENT' ? 'no such file (a shard writes it with --shard i/n --out DIR)' : code ? code : `not JSON: ${(e as Error).message}`);
	}
	if (raw?.format !== PARTIAL_FORMAT) fail(file, `not a partial result of mpp run --shard (format "${PARTIAL_FORMAT}", version ${PARTIAL_VERSION})`);
	if (raw.version !== PARTIAL_VERSION) {
		fail(file, `a partial result of version ${JSON.stringify(raw.version)}; this mpp merges version ${PARTIAL_VERSION} only: run that shard again with this version`);
	}
	const parsed = parseScenario(raw.scenario);
	if (!parsed.ok) fail(file, parsed.errors.map((e) => formatScenarioError(e, 'scenario')).join('; '));
	const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
	if (!whole(raw.seed) || !whole(raw.replications) || !whole(raw.first)) fail(file, 'seed, replications and first must be whole numbers');
	const m = typeof raw.shard === 'string' ? /^(\d+)\/(\d+)$/.exec(raw.shard) : null;
	if (!m) fail(file, 'shard: expected "i/n"');
	if (!Array.isArray(raw.summaries) || raw.summaries.length !== raw.count) fail(file, 'summaries: expected one per replication of the shard');
	return {
		scenario: parsed.scenario,
		seed: raw.seed as number,
		replications: raw.replications as number,
		shard: { index: Number(m[1]), count: Number(m[2]) },
		first: raw.first as number,
		summaries: raw.summaries.map((s, k) => decode(s, file, k))
	};
}
