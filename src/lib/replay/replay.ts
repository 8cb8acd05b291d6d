/**
 * Trace replay: a ticket log's real arrivals — their times, services and real durations as work content — run
 * through a scenario's layout on the real engine, one replication over the log's days (trace.ts says how each row
 * becomes a leg, and what that does to the comparison). With the log's own layout it is the model of the days that
 * happened; with another it answers "what would those days have been with one more counter".
 */
import type { LogRecord } from '../calibrate/logRecord';
import type { Scenario } from '../model/scenario';
import type { LegRecord } from '../records/legRecord';
import { BatchRunner } from '../sim/batch';
import { TraceFeed } from '../sim/traceFeed';
import { aggregate } from '../stats/runAccumulator';
import type { RunSummary } from '../stats/runSummary';
import { overLogDays } from './logDays';
import { buildTrace, type Trace, type TraceCounts } from './trace';
import { WaitTally, hasLeftTimes, type WaitStats, type WaitSummary } from './waitTally';

/** A replay's statistics (waitTally.ts definitions), its run summary as `mpp run` prints one, and what the trace dropped. */
export interface ReplayResult {
	/** The log's dates, in order: day i of the replay is days[i]. */
	days: string[];
	overall: WaitStats;
	agencies: Array<{ id: string; stats: WaitStats }>;
	daily: Array<{ date: string; meanWait: number }>;
	/** Per day, per clock hour: time-weighted mean tickets waiting. */
	hourlyWaiting: number[][];
	/** The run summary of the one replay replication (its scenario: the given one over the log's weekdays). */
	summary: RunSummary;
	/** Rows per outcome, rows dropped, and the (agency, service) pairs of the log the scenario lacks. */
	counts: TraceCounts;
	unmatched: Trace['unmatched'];
}

/** What a replay gives back: its result, or why the log cannot replay through the scenario. */
export type ReplayOutcome = { ok: true; result: ReplayResult } | { ok: false; message: string };

/** Options of a replay. */
export interface ReplayOptions {
	/** Whether abandoned waits are waits (waitTally.ts); default: when the log has left times. */
	abandonedWaits?: boolean;
	/** Each replayed leg with the log line of its row (read it during the call: the object is reused). */
	onLeg?: (leg: LegRecord, line: number) => void;
}

/** Replays a log's rows through `scenario`'s layout: one replication over the log's days on the real engine. */
export function replayLog(records: readonly LogRecord[], scenario: Scenario, options: ReplayOptions = {}): ReplayOutcome {
	const trace = buildTrace(records, scenario);
	const abandonedWaits = options.abandonedWaits ?? hasLeftTimes(records);
	const run = replayTrace(trace, scenario, abandonedWaits, options.onLeg);
	if (!run.ok) return run;
	const { tally, summary } = run;
	return { ok: true, result: replayResult(trace, tally, summary) };
}

/** A trace through a scenario: its tally (replayed legs) and run summary, or why it cannot run. */
export function replayTrace(
	trace: Trace,
	scenario: Scenario,
	abandonedWaits: boolean,
	onLeg?: (leg: LegRecord, line: number) => void
): { ok: true; tally: WaitTally; summary: RunSummary } | { ok: false; message: string } {
	const over = overLogDays(scenario, trace.days.map((d) => d.weekday));
	if (!over.ok) return over;
	const s = over.scenario;
	const feed = new TraceFeed(trace.days.map((d) => d.demand));
	const runner = new BatchRunner(s, s.run.seed, () => feed);
	const tally = new WaitTally(s, trace.days.length, { abandonedWaits });
	const result = runner.run(0, false, (leg) => {
		// Visitor v of day d is the day's (v − 1)-th by event time: its legs start at legStart[v − 1].
		tally.addLeg(leg, leg.day * 1_000_000 + leg.visitor);
		if (onLeg) {
			const day = trace.days[leg.day];
			onLeg(leg, day.lines[day.demand.legStart[leg.visitor - 1] + leg.leg]);
		}
	});
	return { ok: true, tally, summary: aggregate(s, [result.summary], s.run.seed) };
}

/** The replay's result from its tally and summary. */
function replayResult(trace: Trace, tally: WaitTally, summary: RunSummary): ReplayResult {
	const w: WaitSummary = tally.summary();
	const days = trace.days.map((d) => d.date);
	return {
		days,
		overall: w.overall,
		agencies: w.agencies,
		daily: days.map((date, i) => ({ date, meanWait: w.daily[i] })),
		hourlyWaiting: w.hourlyWaiting,
		summary,
		counts: trace.counts,
		unmatched: trace.unmatched
	};
}
