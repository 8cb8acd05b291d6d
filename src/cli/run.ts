/** `mpp run`: a scenario over replications; the summary on stdout, optionally the three CSVs in a folder. */
import { hourlyCsv, summaryCsv } from '../lib/export/csv';
import { summaryJson } from '../lib/export/json';
import type { Scenario } from '../lib/model/scenario';
import { RunAccumulator } from '../lib/stats/runAccumulator';
import type { RunSummary } from '../lib/stats/runSummary';
import { CliError } from './cliError';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { PARTIAL_FILE, partialJson } from './partialRun';
import { progressReporter } from './progress';
import { formatRunReport } from './report';
import { runReplications } from './runScenario';
import { loadScenario } from './scenarioFile';
import { shardOf, shareOf, type Shard } from './shard';
import { printable } from './terminalText';
import { visitsWriter } from './visitsFile';

/** Options of `mpp run`. */
export interface RunOptions {
	replications?: number;
	seed?: number;
	out?: string;
	json?: boolean;
	workers?: number;
	shard?: string;
}

/** Writes the run's summary as JSON or the readable report. */
export function printSummary(run: RunSummary, json: boolean | undefined): void {
	process.stdout.write(json ? summaryJson(run) : printable(formatRunReport(run)));
}

/** Puts summary.csv and hourly.csv with the other files and renames them all into place. */
export function writeSummaryFiles(out: OutFiles, run: RunSummary): void {
	out.write('summary.csv', summaryCsv(run));
	out.write('hourly.csv', hourlyCsv(run));
	process.stderr.write(`wrote ${out.commit().join(', ')} to ${out.dir}\n`);
}

/** Runs `mpp run` on a scenario file. */
export async function runCommand(file: string, opts: RunOptions): Promise<void> {
	const { scenario, warnings } = loadScenario(file);
	for (const w of warnings) process.stderr.write(w + '\n');
	const seed = opts.seed ?? scenario.run.seed;
	const replications = opts.replications ?? scenario.run.replications;
	const shard = shardOf(opts.shard);
	if (shard && opts.out === undefined) throw new CliError('--shard writes a partial result for mpp merge: give --out DIR', 2);
	const share = shard ? shareOf(shard, replications) : { first: 0, count: replications };
	if (opts.out !== undefined) prepareOut(opts.out);
	const out = opts.out !== undefined ? new OutFiles(opts.out) : null;
	try {
		const acc = new RunAccumulator(scenario, seed);
		const packed: Float64Array[] = [];
		const visits = out ? visitsWriter(out) : null;
		const progress = progressReporter(shard ? `${scenario.id} shard ${shard.index}/${shard.count}` : scenario.id);
		await runReplications({
			scenario,
			seed,
			...share,
			workers: opts.workers,
			onLeg: visits?.add,
			onProgress: progress.update,
			onResult: (r) => {
				if (shard) packed.push(r.summary);
				else acc.addPacked(r.summary);
			}
		});
		visits?.close();
		progress.end();
		if (shard) return writePartial(out!, { scenario, seed, replications, shard, first: share.first, summaries: packed });
		const run = acc.summary();
		if (out) writeSummaryFiles(out, run);
		printSummary(run, opts.json);
	} catch (e) {
		out?.discard();
		throw e;
	}
}

function writePartial(out: OutFiles, p: { scenario: Scenario; seed: number; replications: number; shard: Shard; first: number; summaries: Float64Array[] }): void {
	out.write(PARTIAL_FILE, partialJson(p));
	const names = out.commit();
	const last = p.first + p.summaries.length - 1;
	const share = p.summaries.length === 0 ? 'no replications' : `replications ${p.first + 1}–${last + 1} of ${p.replications}`;
	process.stderr.write(`shard ${p.shard.index}/${p.shard.count}: ${share}; wrote ${names.join(', ')} to ${out.dir} (combine the shards with mpp merge)\n`);
}
