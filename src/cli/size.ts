/** `mpp size`: the fewest counters per agency that meet the targets, verified by simulation. */
import { dirname } from 'node:path';
import type { Scenario } from '../lib/model/scenario';
import { DEFAULT_SIZING_REPLICATIONS, sizeScenario, type SizingResult, type SizingStep } from '../lib/planning/size';
import { seatsNote, waitingRoomSeats, type WaitingRoomSeats } from '../lib/planning/seats';
import { staffing, staffingNote, type Staffing } from '../lib/planning/staffing';
import { CliError } from './cliError';
import { withEvaluator } from './evaluator';
import { fmt, metricText as metric, table } from './format';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { loadScenario } from './scenarioFile';
import { formatExplanation, formatSeats, formatStaffing, targetsText } from './sizingText';
import { printable } from './terminalText';

/** Options of `mpp size`. */
export interface SizeOptions {
	waitP90?: number;
	abandon?: number;
	serviceLevel?: number;
	replications?: number;
	seed?: number;
	shared?: boolean;
	out?: string;
	json?: boolean;
	workers?: number;
	maxSeconds?: number;
	/** Working week of one full-time officer, hours (default 37.5, Perpres 21/2023). */
	workWeek?: number;
	/** Monthly cost of one officer, rupiah (default: an assumed 4,500,000). */
	salary?: number;
	/** People per waiting visitor, for the waiting-room seats (default: an assumed 1.5). */
	companions?: number;
}

/** Seconds `mpp size` searches unless told otherwise: then it reports the best layout found so far. */
export const DEFAULT_SIZE_SECONDS = 300;

/** The `--json` output: the result without the sized scenario and its full summary (those go to --out). */
export function sizingJson(r: SizingResult, staff: Staffing, seats: WaitingRoomSeats | null): object {
	return {
		counters: r.counters,
		totalCounters: r.totalCounters,
		achieved: r.achieved,
		path: r.path,
		shared: r.shared,
		counterHoursPerDay: r.counterHoursPerDay,
		met: r.met,
		stoppedEarly: r.stoppedEarly,
		targets: r.targets,
		seed: r.seed,
		replications: r.replications,
		evaluations: r.evaluations,
		lowerBound: r.lowerBound,
		explanation: r.explanation,
		staffing: staff,
		seats
	};
}

/** A sizing needs opening days: a hall that never closes has no day to staff. (`mpp size` and `mpp report --size`.) */
export function checkSizable(file: string, scenario: Scenario): void {
	if ('continuousMinutes' in scenario.calendar) throw new CliError(`${file}: sizing needs opening days (calendar.days), not a hall that never closes`);
}

/** Runs `mpp size` on a scenario file; progress on stderr, the result on stdout. */
export async function sizeCommand(file: string, opts: SizeOptions): Promise<void> {
	const { scenario, warnings } = loadScenario(file);
	for (const w of warnings) process.stderr.write(w + '\n');
	checkSizable(file, scenario);
	const replications = opts.replications ?? DEFAULT_SIZING_REPLICATIONS;
	if (opts.out !== undefined) {
		if (opts.out.trim() === '') throw new CliError('--out: expected a file name, got an empty one', 2);
		prepareOut(dirname(opts.out));
	}
	const maxSeconds = opts.maxSeconds ?? DEFAULT_SIZE_SECONDS;
	const started = Date.now();
	const result: SizingResult = await withEvaluator(opts.workers, replications, (evaluate) =>
		sizeScenario(scenario, evaluate, {
			targets: { waitP90Minutes: opts.waitP90, abandonRate: opts.abandon, serviceLevel: opts.serviceLevel },
			seed: opts.seed,
			replications,
			shared: opts.shared,
			explain: true,
			maxSeconds,
			onProgress: (p) => {
				if (p.step && p.phase !== 'done') process.stderr.write(`size: ${stepLine(p.step)}\n`);
			}
		})
	);
	const seconds = (Date.now() - started) / 1000;
	process.stderr.write(`size: ${result.evaluations} evaluations of ${result.replications} replications in ${seconds.toFixed(1)} s\n`);
	if (result.stoppedEarly) {
		const why = result.stoppedEarly === 'time' ? `its ${maxSeconds} s ran out (--max-seconds)` : `it used all ${result.evaluations} evaluations it may`;
		process.stderr.write(`size: stopped early: ${why}; the result is the best layout found so far\n`);
	}
	if (!result.met) {
		const stuck = result.countersDoNotHelp.length
			? `; one more counter did not bring ${result.countersDoNotHelp.join(', ')} closer (what they miss, counters cannot fix: for example second-service tickets issued during a break wait for it to end)`
			: '';
		process.stderr.write(`size: warning: the targets are not met by any layout the search could try (see "met" per agency)${stuck}\n`);
	}
	const staff = staffing(result.scenario, { workWeekHours: opts.workWeek, monthlySalary: opts.salary });
	const seats = waitingRoomSeats(result.summary, opts.companions);
	if (opts.out) {
		// The staff figure and its assumptions travel with the sized scenario.
		const notes = [result.scenario.notes, staffingNote(staff), seats && seatsNote(seats)].filter(Boolean).join('\n\n');
		const sized: Record<string, unknown> = { ...result.scenario, notes };
		// The base file's "$schema" is relative to where it lives; the sized file may live anywhere.
		delete sized.$schema;
		// Written under a temporary name and renamed into place: a failed write leaves the old file as it was.
		OutFiles.one(opts.out, `${JSON.stringify(sized, null, 2)}\n`);
		process.stderr.write(`size: wrote the sized scenario to ${opts.out}\n`);
	}
	process.stdout.write(opts.json ? `${JSON.stringify(sizingJson(result, staff, seats), null, 2)}\n` : printable(formatSizing(result, staff, seats)));
}

/** One line of the search's path: "step 3 grow: add dukcapil → 18 counters, worst gap +0.22 (kept)". */
function stepLine(s: SizingStep): string {
	const what = s.action === 'start' ? 'Erlang starting layout' : s.action === 'share' ? `share ${(s.agencies ?? []).join(' + ')}` : `${s.action} ${s.agency}`;
	const gap = `${s.worstGap >= 0 ? '+' : ''}${s.worstGap.toFixed(3)}`;
	return `step ${s.step} ${s.phase}: ${what} → ${s.totalCounters} counters, worst gap ${gap}${s.action === 'start' ? '' : s.accepted ? ' (kept)' : ' (undone)'}`;
}


/** The human-readable sizing result. */
export function formatSizing(r: SizingResult, staff: Staffing, seats: WaitingRoomSeats | null): string {
	const rows = [['agency', 'counters', 'Erlang', 'P90 wait (min)', 'abandon (%)', 'service level (%)', 'util. (%)', 'met']];
	for (const [id, a] of Object.entries(r.achieved)) {
		rows.push([
			id,
			`${a.counters}${a.sharedCounters ? ` + ${a.sharedCounters} shared` : ''}`,
			String(a.lowerBound),
			metric(a.waitP90, 1),
			metric(a.abandonRate, 2, 100),
			metric(a.serviceLevel, 1, 100),
			fmt(a.utilization, 0, 100),
			a.met ? 'yes' : 'NO'
		]);
	}
	const lines = [
		`Sizing ${r.scenario.name} — targets per agency (95% interval's unfavourable end): ${targetsText(r.targets)}`,
		`seed ${r.seed}, ${r.replications} replications per layout, ${r.evaluations} layouts simulated${r.stoppedEarly ? ` — stopped early (${r.stoppedEarly === 'time' ? 'time limit' : 'evaluation limit'}): the best layout found so far` : ''}`,
		'',
		`  total counters: ${r.totalCounters}   counter-hours per day: ${r.counterHoursPerDay.toFixed(1)}   all targets met: ${r.met ? 'yes' : 'NO'}`,
		...r.shared.map((g) => `  shared counter: ${g.join(' + ')}`),
		'',
		...table(rows),
		...formatExplanation(r),
		...formatStaffing(staff),
		...formatSeats(seats)
	];
	return lines.join('\n') + '\n';
}
