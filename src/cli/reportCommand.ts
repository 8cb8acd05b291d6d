/**
 * `mpp report`: runs a scenario (or compares it with another, or sizes it) with the library the run, compare
 * and size commands use, then writes the app's own report as one self-contained HTML file, and optionally a PDF
 * of it printed by Chromium. Loaded only when the command runs: it brings Svelte's server renderer.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Scenario } from '../lib/model/scenario';
import { compareScenarios } from '../lib/planning/compare';
import { waitingRoomSeats } from '../lib/planning/seats';
import { DEFAULT_SIZING_REPLICATIONS, sizeScenario } from '../lib/planning/size';
import { staffing } from '../lib/planning/staffing';
import { RunAccumulator } from '../lib/stats/runAccumulator';
import type { RunSummary } from '../lib/stats/runSummary';
import { CliError } from './cliError';
import { withEvaluator } from './evaluator';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { progressReporter } from './progress';
import { reportHtml, type ReportInput } from './reportHtml';
import type { ReportOptions } from './reportOptions';
import { chromiumPath, printPdf } from './reportPdf';
import { runReplications } from './runScenario';
import { loadScenario } from './scenarioFile';
import { checkSizable, DEFAULT_SIZE_SECONDS } from './size';

/** Runs `mpp report`: the simulation, then the HTML (and PDF) written all or nothing. */
export async function reportCommand(file: string, opts: ReportOptions): Promise<void> {
	if (opts.compare !== undefined && opts.size) throw new CliError('--compare and --size make different reports: give one of them', 2);
	// The seats belong to a sizing: a factor given to any other report would be silently ignored.
	if (opts.companions !== undefined && !opts.size) throw new CliError('--companions is for the waiting-room seats of a sizing report: give --size too', 2);
	for (const [flag, path] of [['--out', opts.out], ['--pdf', opts.pdf]] as const) {
		if (path !== undefined && path.trim() === '') throw new CliError(`${flag}: expected a file name, got an empty one`, 2);
	}
	// Before minutes of simulation: a PDF that cannot be printed is said at once.
	const chromium = opts.pdf !== undefined ? chromiumPath() : null;
	if (chromium !== null && !existsSync(chromium)) {
		throw new CliError(`mpp report: --pdf needs Chromium, and there is none at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
	}
	const { scenario, warnings } = loadScenario(file);
	for (const w of warnings) process.stderr.write(w + '\n');
	const other = opts.compare !== undefined ? loadScenario(opts.compare) : null;
	for (const w of other?.warnings ?? []) process.stderr.write(w + '\n');
	prepareOut(dirname(opts.out));
	if (opts.pdf !== undefined) prepareOut(dirname(opts.pdf));

	const started = Date.now();
	const input = other ? await compareInput(scenario, other.scenario, opts) : opts.size ? await sizeInput(file, scenario, opts) : await runInput(scenario, opts);
	const lang = opts.lang ?? 'id';
	const html = reportHtml(input, lang);
	OutFiles.one(opts.out, html);
	process.stderr.write(`report: wrote ${opts.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	if (opts.pdf !== undefined && chromium !== null) {
		const pdf = await printPdf(html, chromium);
		OutFiles.one(opts.pdf, pdf);
		process.stderr.write(`report: wrote ${opts.pdf}\n`);
	}
}

/** One run of the scenario, folded as `mpp run` folds it (so its figures equal `mpp run --json`'s). */
async function runInput(scenario: Scenario, opts: ReportOptions): Promise<ReportInput> {
	const seed = opts.seed ?? scenario.run.seed;
	const replications = opts.replications ?? scenario.run.replications;
	const acc = new RunAccumulator(scenario, seed);
	const progress = progressReporter(scenario.id);
	await runReplications({ scenario, seed, first: 0, count: replications, workers: opts.workers, onProgress: progress.update, onResult: (r) => acc.addPacked(r.summary) });
	progress.end();
	const summary: RunSummary = acc.summary();
	return { kind: 'run', props: { scenario, summary, date: new Date() } };
}

/** The two scenarios on the same seed and replications (common random numbers), as `mpp compare` runs them. */
async function compareInput(a: Scenario, b: Scenario, opts: ReportOptions): Promise<ReportInput> {
	const seed = opts.seed ?? a.run.seed;
	const replications = opts.replications ?? a.run.replications;
	if (replications < 2) throw new CliError('--compare needs at least 2 replications (paired intervals)', 2);
	const comparison = await withEvaluator(opts.workers, replications, async (evaluate) => {
		const inputs = [];
		for (const scenario of [a, b]) {
			process.stderr.write(`report: ${scenario.id} (${replications} replications, seed ${seed})\n`);
			inputs.push({ scenario, summaries: await evaluate(scenario, seed, replications) });
		}
		return compareScenarios(inputs, seed);
	});
	return { kind: 'compare', props: { scenarios: [a, b], comparison, date: new Date() } };
}

/**
 * The sizing search with `mpp size`'s defaults (targets, replications, time limit) and its explanation, and the
 * waiting-room seats as `mpp size` computes them (the same --companions), so the report and `mpp size --json` agree.
 */
async function sizeInput(file: string, scenario: Scenario, opts: ReportOptions): Promise<ReportInput> {
	checkSizable(file, scenario);
	const replications = opts.replications ?? DEFAULT_SIZING_REPLICATIONS;
	if (replications < 2) throw new CliError('--size needs at least 2 replications per layout', 2);
	const result = await withEvaluator(opts.workers, replications, (evaluate) =>
		sizeScenario(scenario, evaluate, {
			seed: opts.seed,
			replications,
			explain: true,
			maxSeconds: DEFAULT_SIZE_SECONDS,
			onProgress: (p) => {
				if (p.step && p.phase !== 'done') process.stderr.write(`report: sizing step ${p.step.step} (${p.phase}): ${p.step.totalCounters} counters\n`);
			}
		})
	);
	const seats = waitingRoomSeats(result.summary, opts.companions);
	return { kind: 'size', props: { result, staff: staffing(result.scenario), seats, date: new Date() } };
}
