/** `mpp merge`: the shards' partial results folded into the summary the unsharded run gives, byte for byte. */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RunAccumulator } from '../lib/stats/runAccumulator';
import { CliError } from './cliError';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { readPartial, type PartialRun } from './partialRun';
import { printSummary, writeSummaryFiles } from './run';

/** Options of `mpp merge`. */
export interface MergeOptions {
	json?: boolean;
	out?: string;
}

/** Checks that the parts are shards of one run and cover each of its replications exactly once. */
function checkParts(paths: string[], parts: PartialRun[]): PartialRun[] {
	const [a] = parts;
	const scenarioText = JSON.stringify(a.scenario);
	parts.forEach((p, k) => {
		const what = `${paths[k]} and ${paths[0]}`;
		if (JSON.stringify(p.scenario) !== scenarioText) throw new CliError(`${what} ran different scenarios`);
		if (p.seed !== a.seed || p.replications !== a.replications) throw new CliError(`${what} are shards of different runs (seed ${p.seed} vs ${a.seed}, ${p.replications} vs ${a.replications} replications)`);
	});
	const sorted = parts.map((p, k) => ({ p, path: paths[k] })).sort((x, y) => x.p.first - y.p.first);
	let next = 0;
	for (const { p, path } of sorted) {
		if (p.first > next) throw new CliError(`replications ${next + 1}–${p.first} of ${a.replications} are in no part given (a shard is missing)`);
		if (p.first < next) throw new CliError(`${path}: replication ${p.first + 1} is in two parts (a shard given twice?)`);
		next = p.first + p.summaries.length;
	}
	if (next !== a.replications) throw new CliError(`replications ${next + 1}–${a.replications} of ${a.replications} are in no part given (a shard is missing)`);
	return sorted.map((x) => x.p);
}

/**
 * Joins the shards' visits.csv files (each a header and its rows) into one, when every shard folder has one. The
 * files are copied a block at a time (a shard's can be hundreds of megabytes), each header after the first left out.
 */
function joinVisits(paths: string[], out: OutFiles, order: number[]): void {
	const files = order.map((k) => join(paths[k], 'visits.csv'));
	if (!paths.every((p) => statSync(p).isDirectory()) || !files.every((f) => existsSync(f))) return;
	const w = out.stream('visits.csv');
	const block = new Uint8Array(1 << 20);
	try {
		files.forEach((f, k) => copyFile(f, block, k > 0, w.write));
	} finally {
		w.close();
	}
}

/** Copies `file` to `write` through `block`, from after its first line end when `skipHeader`. */
function copyFile(file: string, block: Uint8Array, skipHeader: boolean, write: (bytes: Uint8Array) => void): void {
	const fd = openSync(file, 'r');
	const read = (): number => {
		try {
			return readSync(fd, block);
		} catch (e) {
			throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
		}
	};
	try {
		let skipping = skipHeader;
		for (let n = read(); n > 0; n = read()) {
			let from = 0;
			if (skipping) {
				const end = block.subarray(0, n).indexOf(NEWLINE);
				if (end < 0) continue;
				from = end + 1;
				skipping = false;
			}
			write(block.subarray(from, n));
		}
	} finally {
		closeSync(fd);
	}
}

const NEWLINE = 10;

/** Runs `mpp merge` on partial results (files, or the shards' --out folders). */
export function mergeCommand(paths: string[], opts: MergeOptions): void {
	const parts = paths.map((p) => readPartial(p));
	const ordered = checkParts(paths, parts);
	const acc = new RunAccumulator(ordered[0].scenario, ordered[0].seed);
	for (const p of ordered) for (const s of p.summaries) acc.addPacked(s);
	const run = acc.summary();
	if (opts.out !== undefined) {
		prepareOut(opts.out);
		const out = new OutFiles(opts.out);
		try {
			joinVisits(paths, out, ordered.map((p) => parts.indexOf(p)));
			writeSummaryFiles(out, run);
		} catch (e) {
			out.discard();
			throw e;
		}
	}
	printSummary(run, opts.json);
}
