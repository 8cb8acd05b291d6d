/**
 * The whole-process section of `npm run bench`: what a user waits for. Every measure is a child process of the
 * built CLI (`node dist/cli/mpp.mjs …`, what `npx mpp` runs once built; see builtCli.ts), timed from spawn to exit,
 * with its peak RSS, over a few rounds in alternating order; the figures are medians (and the fastest run).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStale, root } from '../scripts/cliBuild.mjs';
import type { BenchArgs } from './args';
import { writeBigLog } from './bigLog';
import { runBrowserCalibrate } from './browserCalibrate';
import { prepareCli } from './builtCli';
import { rssMethod } from './child';
import { checkAgainstErlang, mppWait } from './erlang';
import { printPeers, simpyJob, simpyMissing } from './peers';
import { figures, heads, row, target } from './report';
import { runJob, runRounds, type Job, type Samples } from './rounds';
import { mb, secs } from './stats';
import { mm10Arrivals, mm10Out, replications, valid } from './verify';

const KOTA = 'scenarios/kota-bengkulu.json';
const MM10 = 'bench/mm10.json';
const MB500 = 500 * 1024;
const node = process.execPath;
// --out writes about a hundred megabytes of CSV per M/M/10 run: a fresh folder in the system's temporary space.
const outBase = mkdtempSync(join(tmpdir(), 'mpp-bench-out-'));
const outDir = join(outBase, 'out');
// (f) calibrates a 1,000,000-row log, written once before the rounds (130 MB).
const BIG_LOG_ROWS = 1_000_000;
const bigLog = join(outBase, 'log-1m.csv');
process.on('exit', () => rmSync(outBase, { recursive: true, force: true }));

/** Every measure of (a)–(c) and (e), in the order a round runs them, on the CLI at `entry`. */
function wholeJobs(entry: string): Job[] {
	const cli = (...args: string[]) => ({ cmd: node, args: [entry, ...args] });
	const kota = (workers?: number): Job => ({
		key: `kota${workers ?? ''}`,
		...cli('run', KOTA, '--replications', '1000', ...(workers === undefined ? [] : ['--workers', String(workers)]), '--json'),
		verify: replications(1000)
	});
	return [
		{ key: 'node', cmd: node, args: ['-e', ''], repeats: 3 },
		{ key: 'validate', ...cli('validate', KOTA), repeats: 3, verify: valid },
		{
			// What `npx mpp` (once npm has started) and an installed `mpp` run: bin/mpp.mjs checks dist/cli is current
			// first. It runs dist/cli itself, not the copy; a start-up is the same on either build.
			key: 'launcher',
			cmd: node,
			args: ['bin/mpp.mjs', 'validate', KOTA],
			repeats: 3,
			skip: () => (isStale() ? 'a source changed during the bench; the launcher would time a build' : undefined),
			verify: (r) => (r.stderr.includes('building the command') ? 'the launcher rebuilt the CLI' : valid(r))
		},
		{ key: 'mm10w0', ...cli('run', MM10, '--workers', '0', '--json'), verify: mm10Arrivals },
		{ key: 'mm10', ...cli('run', MM10, '--json'), verify: mm10Arrivals },
		{
			key: 'mm10out',
			...cli('run', MM10, '--json', '--out', outDir),
			before: () => rmSync(outDir, { recursive: true, force: true }),
			verify: mm10Out(outDir)
		},
		{
			key: 'calibrate',
			...cli('calibrate', bigLog, '--out', join(outBase, 'calibrated.json')),
			verify: (r) => (/calibrate: (\d+) of \1 rows used/.exec(r.stderr) && Number(/of (\d+) rows/.exec(r.stderr)![1]) >= BIG_LOG_ROWS ? undefined : `not every row of the log was used: ${r.stderr.split('\n')[0]}`)
		},
		kota(0),
		kota(1),
		kota(2),
		kota(),
		// Run once, after the rounds, with --long only: (d).
		{ key: 'long', ...cli('run', KOTA, '--replications', '100000', '--json'), verify: replications(100_000) }
	];
}

/** Runs the whole-process measures (and SimPy's, with --peers) and prints them; false if any run failed. */
export async function runWholeProcess(args: BenchArgs): Promise<boolean> {
	const cli = await prepareCli();
	const whole = args.parts.has('whole');
	const missing = args.parts.has('peers') ? simpyMissing() : undefined;
	const all = wholeJobs(cli.entry);
	// --only peers needs only the M/M/10 runs SimPy is set beside.
	const jobs = all.filter((j) => j.key !== 'long' && (whole || j.key === 'mm10w0' || j.key === 'mm10'));
	if (args.parts.has('peers') && !missing) jobs.splice(jobs.findIndex((j) => j.key === 'mm10') + 1, 0, simpyJob);
	// Warm-ups load what the measures load (the simulator's chunks, the worker's, SimPy) into the page cache.
	const warmUps: Job[] = [...jobs.filter((j) => j.repeats), { key: 'warm', cmd: node, args: [cli.entry, 'run', KOTA, '--replications', '2', '--workers', '1', '--json'] }];
	if (jobs.includes(simpyJob)) warmUps.push({ key: 'warm', cmd: simpyJob.cmd, args: ['-c', 'import simpy'] });
	if (whole) await writeBigLog(bigLog, BIG_LOG_ROWS);
	const load0 = loadavg()[0];
	const s = await runRounds(jobs, warmUps, args.rounds, root);
	if (whole && args.long) {
		process.stderr.write('bench: --long: 100,000 Kota Bengkulu replications (several minutes on 2 cores)…\n');
		s.set('long', { runs: [] });
		await runJob(all.find((j) => j.key === 'long')!, s.get('long')!, root);
	}
	console.log(`Whole process: each measure a child process of the built CLI (node dist/cli/mpp.mjs), ${args.rounds} round${args.rounds > 1 ? 's' : ''} in alternating order`);
	console.log(`  ${availableParallelism()} cores (default --workers = cores), Node ${process.version}, load average ${load0.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`);
	console.log(`  ${cli.about}`);
	console.log(`  wall time: this process's clock, spawn to exit; peak RSS: ${rssMethod}; RSS column: the largest of the runs\n`);
	if (whole) printWhole(s, args);
	const browserOk = whole ? await runBrowserCalibrate(bigLog, BIG_LOG_ROWS) : true;
	if (whole && !args.parts.has('peers')) console.log(`\n(SimPy beside (b): \`npm run bench -- --peers\`)`);
	if (args.parts.has('peers')) printPeers(s, missing);
	return browserOk && [...s.values()].every((x) => !x.failed);
}

/** Prints (a)–(e) with their targets. */
function printWhole(s: Map<string, Samples>, args: BenchArgs): void {
	const m = (key: string) => figures(s.get(key))?.median;
	heads();
	console.log(`(a) start-up`);
	row(`node -e '' (a bare Node start, for reference)`, s.get('node'));
	row(`mpp validate ${KOTA}`, s.get('validate'));
	row(`  the same through the launcher, node bin/mpp.mjs`, s.get('launcher'));
	const v = m('validate');
	target('mpp validate under 0.25 s', v === undefined ? undefined : v < 0.25, v === undefined ? '' : secs(v));
	console.log(`(b) M/M/10 at load 0.9, 1,000,000 minutes, one replication (${MM10})`);
	row(`mpp run ${MM10} --workers 0 --json`, s.get('mm10w0'));
	row(`mpp run ${MM10} --json (default workers)`, s.get('mm10'));
	// Not a target here: a single replication runs in the main thread whatever --workers says, so the two rows time
	// the same work and differ only by the machine's noise.
	console.log(`  (one replication runs in the main thread whatever --workers says: the two rows are the same work)`);
	checkAgainstErlang('mpp', mppWait(s.get('mm10w0')));
	printKota(s);
	console.log(`(d) memory: 100,000 Kota Bengkulu replications (default workers)`);
	const long = s.get('long');
	if (!long) console.log(`  skipped: takes several minutes on 2 cores; run \`npm run bench -- --long\``);
	else {
		row(`mpp run ${KOTA} --replications 100000`, long);
		const f = figures(long);
		target('peak RSS under 500 MB', f && f.rssKb < MB500, f ? mb(f.rssKb) : '');
	}
	printOut(s);
	printCalibrate(s);
}

/** The rule for worker pools: the default must never be slower than running in the main thread. */
function notSlower(dflt: number | undefined, w0: number | undefined): void {
	const ok = dflt === undefined || w0 === undefined ? undefined : dflt <= w0;
	target('default workers never slower than --workers 0', ok, ok === undefined ? '' : `${(dflt! / w0!).toFixed(2)}× its time`);
}

/** (c): 1,000 Kota Bengkulu replications on 0, 1, 2 and the default number of workers. */
function printKota(s: Map<string, Samples>): void {
	const m = (key: string) => figures(s.get(key))?.median;
	console.log(`(c) 1,000 Kota Bengkulu replications (mpp run ${KOTA} --replications 1000 --json)`);
	for (const w of ['0', '1', '2']) row(`  --workers ${w}`, s.get(`kota${w}`));
	row(`  default workers`, s.get('kota'));
	notSlower(m('kota'), m('kota0'));
	const [w0, w2] = [m('kota0'), m('kota2')];
	const up = w0 === undefined || w2 === undefined ? undefined : w0 / w2;
	const quiet = loadavg()[0] < 0.5 ? '' : `; the machine was not quiet: load average ${loadavg()[0].toFixed(2)}`;
	target('2 workers at least 1.7× faster than --workers 0 (quiet 2-core machine)', up === undefined ? undefined : up >= 1.7, up === undefined ? '' : `${up.toFixed(2)}×, median ÷ median${quiet}`);
}

/** (e): M/M/10 writing its three CSVs (about 900,000 visit rows) against the same run without --out. */
function printOut(s: Map<string, Samples>): void {
	console.log(`(e) --out: M/M/10 writing visits.csv, summary.csv, hourly.csv`);
	row(`mpp run ${MM10} --json (without --out)`, s.get('mm10'));
	row(`mpp run ${MM10} --json --out <tmp dir>  (writes ${csvSize()})`, s.get('mm10out'));
	const [without, withOut] = [figures(s.get('mm10')), figures(s.get('mm10out'))];
	const ratio = without && withOut ? withOut.median / without.median : undefined;
	target('--out within 2× the time without it', ratio === undefined ? undefined : ratio <= 2, ratio === undefined ? '' : `${ratio.toFixed(2)}×`);
	target('--out under 500 MB peak RSS', withOut && withOut.rssKb < MB500, withOut ? mb(withOut.rssKb) : '');
}

/** How much the last --out run wrote (its folder is emptied before each run, so this is one run's). */
function csvSize(): string {
	try {
		const bytes = readdirSync(outDir).reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
		return `${Math.round(bytes / 1e6)} MB`;
	} catch {
		return 'nothing';
	}
}

/** (f): calibrating a 1,000,000-row ticket log on one core (mpp calibrate is single-threaded). */
function printCalibrate(s: Map<string, Samples>): void {
	console.log(`(f) mpp calibrate on a 1,000,000-row ticket log (the synthetic sample repeated over 4,476 days, 130 MB)`);
	row(`mpp calibrate <log> --out <tmp>/calibrated.json`, s.get('calibrate'));
	const f = figures(s.get('calibrate'));
	target('under 15 s on one core', f && f.median < 15, f ? secs(f.median) : '');
	target('under 1 GB peak RSS', f && f.rssKb < 1024 * 1024, f ? mb(f.rssKb) : '');
}
