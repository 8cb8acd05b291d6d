/**
 * Whole-process measures run in rounds: each round runs every measure, in alternating order (forward, then
 * backward), so a spell of load on this shared machine falls on all of them alike and none always runs first.
 */
import { runChild, type ChildRun } from './child';

/** One whole-process measure: a command, run as a child process. */
export interface Job {
	key: string;
	cmd: string;
	args: string[];
	/** Runs per round: start-up measures take a quarter second, so they can afford more samples. */
	repeats?: number;
	/** Called before each run (for example to empty the --out folder, so every run writes afresh). */
	before?: () => void;
	/** Why this run must not be made now (checked before each run), or undefined. */
	skip?: () => string | undefined;
	/** What is wrong with a run's output, or undefined: a fast wrong answer must not count as a fast run. */
	verify?: (run: ChildRun) => string | undefined;
}

/** A measure's runs, the runs skipped (and the last reason), and its failure if it failed. */
export interface Samples {
	runs: ChildRun[];
	skipped?: { count: number; why: string };
	failed?: string;
}

/** Runs one job once, filing the run under its samples; a failed job is not run again. */
export async function runJob(job: Job, samples: Samples, cwd: string): Promise<void> {
	if (samples.failed) return;
	const skip = job.skip?.();
	if (skip) {
		samples.skipped = { count: (samples.skipped?.count ?? 0) + 1, why: skip };
		return;
	}
	job.before?.();
	const run = await runChild(job.cmd, job.args, cwd);
	if (run.code !== 0) {
		const last = run.stderr.trim().split('\n').pop() ?? '';
		samples.failed = `exit ${run.code}: ${last.slice(0, 200)}`;
		return;
	}
	const wrong = job.verify?.(run);
	if (wrong) samples.failed = `wrong output: ${wrong}`;
	else samples.runs.push(run);
}

/** The order of one round: every job (its repeats spread through the round's tail), reversed on odd rounds. */
function roundOrder(jobs: Job[], round: number): Job[] {
	const most = Math.max(...jobs.map((j) => j.repeats ?? 1));
	const order: Job[] = [];
	for (let rep = 0; rep < most; rep++) order.push(...jobs.filter((j) => rep < (j.repeats ?? 1)));
	return round % 2 ? order.reverse() : order;
}

/** Runs the uncounted warm-ups, then `rounds` rounds of the jobs, reporting progress on stderr. */
export async function runRounds(jobs: Job[], warmUps: Job[], rounds: number, cwd: string): Promise<Map<string, Samples>> {
	const samples = new Map(jobs.map((j) => [j.key, { runs: [] } as Samples]));
	// The first start of a command reads its files from disk: the cheap measures would show that, the others not.
	for (const job of warmUps) if (!job.skip?.()) await runChild(job.cmd, job.args, cwd);
	for (let r = 0; r < rounds; r++) {
		const t0 = performance.now();
		for (const job of roundOrder(jobs, r)) await runJob(job, samples.get(job.key)!, cwd);
		process.stderr.write(`bench: whole-process round ${r + 1}/${rounds} done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
	}
	return samples;
}
