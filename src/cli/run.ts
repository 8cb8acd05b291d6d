/** `mpp run`: a scenario over replications; the summary on stdout, optionally the three CSVs in a folder. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hourlyCsv, summaryCsv, visitsCsv } from '../lib/export/csv';
import { summaryJson } from '../lib/export/json';
import { summarizeRun } from '../lib/sim/run';
import { prepareOut } from './outDir';
import { progressReporter } from './progress';
import { formatRunReport } from './report';
import { runReplications } from './runScenario';
import { loadScenario } from './scenarioFile';

/** Options of `mpp run`. */
export interface RunOptions {
	replications?: number;
	seed?: number;
	out?: string;
	json?: boolean;
	workers?: number;
}

/** Runs `mpp run` on a scenario file. */
export async function runCommand(file: string, opts: RunOptions): Promise<void> {
	const { scenario, warnings } = loadScenario(file);
	for (const w of warnings) process.stderr.write(w + '\n');
	const seed = opts.seed ?? scenario.run.seed;
	const replications = opts.replications ?? scenario.run.replications;
	if (opts.out) prepareOut(opts.out);
	const progress = progressReporter(`${scenario.id}`);
	const results = await runReplications(scenario, seed, replications, {
		workers: opts.workers,
		keepLegs: Boolean(opts.out),
		onProgress: progress.update
	});
	progress.end();
	const run = summarizeRun(scenario, seed, results);
	if (opts.out) {
		writeFileSync(join(opts.out, 'visits.csv'), visitsCsv(results.flatMap((r) => r.legs ?? [])));
		writeFileSync(join(opts.out, 'summary.csv'), summaryCsv(run));
		writeFileSync(join(opts.out, 'hourly.csv'), hourlyCsv(run));
		process.stderr.write(`wrote visits.csv, summary.csv, hourly.csv to ${opts.out}\n`);
	}
	process.stdout.write(opts.json ? summaryJson(run) : formatRunReport(run));
}
