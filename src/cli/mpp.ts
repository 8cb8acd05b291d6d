/**
 * The `mpp` command: run, validate, compare and size scenarios, and calibrate, replay and validate them against
 * ticket logs, from a terminal (`npx mpp <command>`).
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { CliError } from './cliError';
import { printable } from './terminalText';
import type { CalibrateCommandOptions } from './calibrate';
import type { CompareOptions } from './compare';
import type { MergeOptions } from './merge';
import type { PlanCommandOptions } from './plan';
import { parseTargets } from './planTargets';
import type { ReplayCommandOptions } from './replay';
import { langOption, type ReportOptions } from './reportOptions';
import { intOption, numberOption } from './options';
import { COMPANIONS_BOUNDS, SALARY_BOUNDS, WORK_WEEK_BOUNDS } from '../lib/planning/staffingDefaults';
import type { RunOptions } from './run';
import { loadScenario } from './scenarioFile';
import type { SizeOptions } from './size';
import type { ValidateModelOptions } from './validateModel';

const COMPANIONS_HELP = 'people per waiting visitor, for the waiting-room seats (default 1.5: an assumption; count your own)';

/** The staffing assumptions `mpp size` and `mpp plan` both take: --work-week, --salary and --companions. */
function withStaffingOptions(cmd: Command): Command {
	return cmd
		.option('--work-week <hours>', 'working week of one full-time officer, hours (default 37.5: Perpres 21/2023 for ASN)', numberOption(WORK_WEEK_BOUNDS.min, WORK_WEEK_BOUNDS.max))
		.option('--salary <rupiah>', 'monthly cost of one officer, rupiah (default 4500000: an assumption; set your own)', numberOption(SALARY_BOUNDS.min, SALARY_BOUNDS.max))
		.option('--companions <factor>', COMPANIONS_HELP, numberOption(COMPANIONS_BOUNDS.min, COMPANIONS_BOUNDS.max));
}

// Each command's code is loaded when it runs, so `mpp validate` never loads the simulator.
const program = new Command();
program
	.name('mpp')
	.description('MPP Planner: simulate Mal Pelayanan Publik queues with the real allocation engine')
	.showHelpAfterError('(run "mpp --help" for usage)')
	.exitOverride()
	.configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
	.command('validate')
	.description('check a scenario file; prints every problem, one a line')
	.argument('<scenario>', 'scenario JSON file')
	.action((file: string) => {
		const { warnings } = loadScenario(file);
		for (const w of warnings) process.stderr.write(w + '\n');
		process.stdout.write(`${file}: valid\n`);
	});

program
	.command('run')
	.description('simulate a scenario over replications and print the summary')
	.argument('<scenario>', 'scenario JSON file')
	.option('-r, --replications <n>', 'replications (default: the scenario\'s run.replications)', intOption(1, 100_000))
	.option('-s, --seed <s>', 'random seed (default: the scenario\'s run.seed)', intOption(0))
	.option('-o, --out <dir>', 'write visits.csv, summary.csv and hourly.csv to this folder')
	.option('--json', 'print only the summary JSON on stdout')
	.option('-w, --workers <n>', 'worker threads (default: the machine\'s cores; 0 runs in this thread)', intOption(0, 256))
	.option('--shard <i/n>', 'run only shard i of n of the replications and write a partial result to --out (default: from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX with MPP_SHARD_COUNT)')
	.action(async (file: string, opts: RunOptions) => (await import('./run')).runCommand(file, opts));

program
	.command('merge')
	.description('combine the partial results of mpp run --shard into the whole run\'s summary')
	.argument('<parts...>', 'partial results: the shards\' --out folders or their partial.json files')
	.option('--json', 'print only the summary JSON on stdout')
	.option('-o, --out <dir>', 'write summary.csv, hourly.csv and (when every shard wrote one) visits.csv to this folder')
	.action(async (parts: string[], opts: MergeOptions) => (await import('./merge')).mergeCommand(parts, opts));

program
	.command('compare')
	.description('compare 2–4 scenarios on the same seed and replications (paired differences against the first)')
	.argument('<scenarios...>', '2 to 4 scenario JSON files; the first is the baseline')
	.option('-r, --replications <n>', 'replications (default: the first scenario\'s run.replications)', intOption(2, 100_000))
	.option('-s, --seed <s>', 'random seed (default: the first scenario\'s run.seed)', intOption(0))
	.option('--json', 'print only the comparison JSON on stdout')
	.option('-o, --out <dir>', 'write compare.csv and summary-<id>.csv to this folder')
	.option('-w, --workers <n>', 'worker threads (default: the machine\'s cores; 0 runs in this thread)', intOption(0, 256))
	.action(async (files: string[], opts: CompareOptions) => (await import('./compare')).compareCommand(files, opts));

withStaffingOptions(program.command('size'))
	.description('find the fewest counters per agency that meet the targets, verified by simulation')
	.argument('<scenario>', 'scenario JSON file (its calendar, demand and policy are kept; its counters replaced)')
	.option('--wait-p90 <min>', 'largest P90 wait per agency, minutes (default 15)', numberOption(0.01, 1440))
	.option('--abandon <share>', 'largest share of visitors who leave the queue, 0–1 (default 0.02)', numberOption(0, 1))
	.option('--service-level <share>', 'smallest share called within policy.serviceLevelMinutes, 0–1 (default: no target)', numberOption(0, 1))
	.option('-r, --replications <n>', 'replications per layout (default 20)', intOption(2, 10_000))
	.option('-s, --seed <s>', 'random seed (default: the scenario\'s run.seed)', intOption(0))
	.option('--shared', 'allow shared counters for small agencies')
	.option('-o, --out <file>', 'write the sized scenario JSON to this file')
	.option('--json', 'print only the result JSON on stdout')
	.option('-w, --workers <n>', 'worker threads (default: the machine\'s cores; 0 runs in this thread)', intOption(0, 256))
	.option('--max-seconds <s>', 'stop after this many seconds with the best layout found so far (default 300)', numberOption(1, 86_400))
	.action(async (file: string, opts: SizeOptions) => (await import('./size')).sizeCommand(file, opts));

withStaffingOptions(program.command('plan'))
	.description('size an MPP for every region of a province file at each demand level, with staff, cost and seats')
	.argument('<province>', 'province JSON file (e.g. data/bengkulu-province.json)')
	.option('--targets <list>', 'targets per agency, e.g. "wait-p90=15,abandon=0.02,service-level=0.8" (default: P90 wait 15 min, abandonment 2%)', (v: string) => parseTargets(v))
	.option('-r, --replications <n>', 'replications per layout (default 20)', intOption(2, 10_000))
	.option('-s, --seed <s>', 'random seed (default: the base scenario\'s run.seed)', intOption(0))
	.option('--level <level>', 'demand level: low, central, high or all (default all)', (v: string) => {
		if (!['low', 'central', 'high', 'all'].includes(v)) throw new InvalidArgumentError(`expected low, central, high or all, got "${v}"`);
		return v;
	})
	.option('--json', 'print only the plan JSON on stdout')
	.option('-o, --out <dir>', 'write plan.json, plan.csv, plan-agencies.csv and each sized scenario to this folder')
	.option('-w, --workers <n>', 'worker threads, one region each at a time (default: the machine\'s cores; 0 runs in this thread)', intOption(0, 256))
	.action(async (file: string, opts: PlanCommandOptions) => (await import('./plan')).planCommand(file, opts));

program
	.command('report')
	.description('run a scenario (or compare it, or size it) and write the app\'s A4 report as one self-contained HTML file')
	.argument('<scenario>', 'scenario JSON file')
	.option('--compare <b>', 'compare with this scenario (A = <scenario>, B = this) on the same visitors')
	.option('--size', 'size the counters (mpp size\'s default targets) and report counters, staff and waiting-room seats')
	.option('--companions <factor>', `with --size: ${COMPANIONS_HELP}`, numberOption(COMPANIONS_BOUNDS.min, COMPANIONS_BOUNDS.max))
	.option('-r, --replications <n>', 'replications (default: the scenario\'s run.replications; 20 per layout with --size)', intOption(1, 100_000))
	.option('-s, --seed <s>', 'random seed (default: the scenario\'s run.seed)', intOption(0))
	.option('--lang <lang>', 'language of the report: id (default) or en', langOption)
	.requiredOption('-o, --out <file>', 'write the HTML report to this file')
	.option('--pdf <file>', 'also print it to an A4 PDF with Chromium ($CHROMIUM_PATH or /usr/bin/chromium)')
	.option('-w, --workers <n>', 'worker threads (default: the machine\'s cores; 0 runs in this thread)', intOption(0, 256))
	.action(async (file: string, opts: ReportOptions) => (await import('./reportCommand')).reportCommand(file, opts));

const MAP_HELP = 'which column holds which field, e.g. "service=jenis_layanan,counter=no_loket" (default: found by name)';

program
	.command('calibrate')
	.description('make a scenario from a queue system\'s ticket log: demand, service-time fits, counters and shifts')
	.argument('<log>', 'ticket log CSV (",", ";" or tab; one row per ticket or per service)')
	.option('-b, --base <scenario>', 'take names, policy and what the log cannot tell from this scenario')
	.option('-m, --map <fields>', MAP_HELP)
	.option('-o, --out <file>', 'write the calibrated scenario JSON to this file')
	.option('--report <dir>', 'write quality.csv, fits.csv and calibration.json to this folder')
	.option('-s, --seed <s>', 'random seed of the goodness-of-fit bootstrap (default 1)', intOption(0))
	.option('--json', 'print only the calibration JSON on stdout')
	.action(async (file: string, opts: CalibrateCommandOptions) => (await import('./calibrate')).calibrateCommand(file, opts));

program
	.command('replay')
	.description('run the days of a ticket log, its real arrivals and service times, through a scenario\'s layout')
	.argument('<log>', 'ticket log CSV')
	.requiredOption('--scenario <scenario>', 'the layout to replay the log through (counters, shifts, hours, policy)')
	.option('-m, --map <fields>', MAP_HELP)
	.option('-o, --out <dir>', 'write visits.csv, summary.csv, hourly.csv and replay.csv to this folder')
	.option('--json', 'print only the replay JSON on stdout')
	.action(async (file: string, opts: ReplayCommandOptions) => (await import('./replay')).replayCommand(file, opts));

program
	.command('validate-model')
	.description('how close a scenario comes to a ticket log: observed against replayed and modelled waits, day by day')
	.argument('<log>', 'ticket log CSV')
	.requiredOption('--scenario <scenario>', 'the scenario to check (usually made by mpp calibrate)')
	.option('-m, --map <fields>', MAP_HELP)
	.option('-r, --replications <n>', 'replications of the model (default 30)', intOption(2, 10_000))
	.option('-s, --seed <s>', 'random seed (default: the scenario\'s run.seed)', intOption(0))
	.option('--accuracy <rule>', 'how close the mean wait must be: "10%,2" = within 10% or 2 minutes (the default)')
	.option('--json', 'print only the validation JSON on stdout')
	.action(async (file: string, opts: ValidateModelOptions) => (await import('./validateModel')).validateModelCommand(file, opts));

/** Runs the CLI; every failure becomes one message on stderr and a non-zero exit, never a stack trace. */
async function main(argv: string[]): Promise<number> {
	try {
		await program.parseAsync(argv);
		return 0;
	} catch (e) {
		if (e instanceof CommanderError) {
			// Commander has printed its message already; help and version exit 0.
			return e.exitCode === 0 ? 0 : 2;
		}
		if (e instanceof CliError) {
			process.stderr.write(printable(e.message) + '\n');
			return e.exitCode;
		}
		process.stderr.write(printable(`mpp: internal error: ${e instanceof Error ? e.message : String(e)}`) + '\n');
		return 70;
	}
}

// A reader that stops early (`mpp run … --json | head`) closes the pipe: that is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	process.stderr.write(`mpp: cannot write the output: ${e.message}\n`);
	process.exit(74);
});

main(process.argv).then((code) => {
	process.exitCode = code;
});
