/**
 * Validation, observed against modelled: a log's days beside (a) their trace replay through the scenario and (b)
 * the scenario's stochastic model over replications of the same days (calendar.days = the log's weekdays in date
 * order, so one replication spans what the log spans). Per agency and overall: the waitTally.ts figures, their
 * differences (replay − observed, model − observed), a paired t interval over days of the daily mean-wait
 * differences, and a verdict against the analyst's accuracy. Pure (no Node APIs): it runs in a Web Worker too.
 * Memory is bounded by the log: the model's legs are tallied as they stream out, none is kept.
 */
import type { LogRecord } from '../calibrate/logRecord';
import type { Scenario } from '../model/scenario';
import { BatchRunner } from '../sim/batch';
import { tCritical } from '../stats/studentT';
import { overLogDays } from './logDays';
import { replayTrace } from './replay';
import { buildTrace, type Trace, type TraceCounts } from './trace';
import { WaitTally, hasLeftTimes, observedTally, type WaitStats, type WaitSummary } from './waitTally';

/** How a validation runs: the model's replications and seed, and the accuracy a verdict asks for. */
export interface ValidationOptions {
	replications: number;
	seed: number;
	/** A mean wait agrees when |modelled − observed| ≤ max(relative × observed, minutes). */
	accuracy: { relative: number; minutes: number };
}

/** The default accuracy: mean wait within 10% or 2 minutes of the observed. */
export const DEFAULT_ACCURACY = { relative: 0.1, minutes: 2 } as const;

/**
 * Fewer observed served tickets than this and a row's verdict is 'too-few': waits in a queue have a coefficient of
 * variation near 1, so the observed mean's standard error is about mean / √n, and below n = 100 that exceeds the
 * default 10%: the observation itself is not known to the accuracy asked. (Waits within a day are correlated, so
 * the real uncertainty is larger still; the paired interval over days shows it.)
 */
export const MIN_OBSERVED_WAITS = 100;

export type Verdict = 'agrees' | 'differs' | 'too-few';

/** WaitStats without the waits. */
export type Figures = Omit<WaitStats, 'waits'>;

/** Mean and 95% Student-t interval of per-day differences, over the days where both sides have a mean wait. */
export interface PairedInterval {
	days: number;
	mean: number;
	low: number;
	high: number;
}

/** One agency (or the whole hall): observed, replayed and modelled, their differences, paired intervals and verdicts. */
export interface ValidationRow {
	/** Agency id; "" for the whole hall. */
	id: string;
	name: string;
	/** Observed waits the row rests on (served tickets, and abandoned ones with a left time when those count). */
	observedWaits: number;
	observed: Figures;
	replay: Figures;
	model: Figures;
	/** replay − observed and model − observed, figure by figure. */
	difference: { replay: Figures; model: Figures };
	/** Over days: daily mean wait of replay (model) minus observed. */
	paired: { replay: PairedInterval; model: PairedInterval };
	verdict: { replay: Verdict; model: Verdict };
	/** Sorted waits of each source, for CDF overlays. */
	waits: { observed: Float64Array; replay: Float64Array; model: Float64Array };
}

/** A validation's findings. */
export interface ValidationResult {
	ok: true;
	/** The log's dates, in order (day i of the replay and of every model replication). */
	days: string[];
	replications: number;
	seed: number;
	accuracy: { relative: number; minutes: number };
	/** Whether abandoned waits count as waits (the log has left times). */
	abandonedWaits: boolean;
	overall: ValidationRow;
	agencies: ValidationRow[];
	/**
	 * The model's verdict on the whole hall (the overall row's). Agency rows have their own: over a few weeks they are
	 * noisy (an agency's daily mean waits vary a lot from day to day), so read them with their paired intervals.
	 */
	verdict: Verdict;
	/** Per clock hour with any waiting, mean over days of the time-weighted tickets waiting. */
	hourly: Array<{ hour: number; observed: number; replay: number; model: number }>;
	/** Per day and clock hour, the time-weighted tickets waiting (the model's: mean over replications). */
	hourlyByDay: { observed: number[][]; replay: number[][]; model: number[][] };
	counts: TraceCounts;
	unmatched: Trace['unmatched'];
}

/** A validation, or why the log cannot be compared with the scenario. */
export type ValidationReport = ValidationResult | { ok: false; message: string };

/** Compares a scenario with a log: observed vs its trace replay vs the stochastic model over replications. */
export function validateModel(records: readonly LogRecord[], scenario: Scenario, options: Partial<ValidationOptions> = {}, onProgress?: (done: number, total: number) => void): ValidationReport {
	const R = options.replications ?? scenario.run.replications;
	if (!(Number.isInteger(R) && R >= 1)) return { ok: false, message: `replications must be a whole number of at least 1, got ${R}` };
	const seed = options.seed ?? scenario.run.seed;
	const accuracy = options.accuracy ?? { ...DEFAULT_ACCURACY };
	const trace = buildTrace(records, scenario);
	const over = overLogDays(scenario, trace.days.map((d) => d.weekday));
	if (!over.ok) return over;
	const days = trace.days.map((d) => d.date);
	const abandonedWaits = hasLeftTimes(records);
	onProgress?.(0, R + 1);
	const replay = replayTrace(trace, scenario, abandonedWaits);
	if (!replay.ok) return replay;
	onProgress?.(1, R + 1);
	const model = new WaitTally(over.scenario, days.length, { abandonedWaits, runs: R });
	const runner = new BatchRunner(over.scenario, seed);
	for (let r = 0; r < R; r++) {
		const base = r * days.length;
		runner.run(r, false, (leg) => model.addLeg(leg, (base + leg.day) * 1_000_000 + leg.visitor));
		onProgress?.(r + 2, R + 1);
	}
	const observed = observedTally(records, scenario, days, { abandonedWaits }).summary();
	return report(scenario, { observed, replay: replay.tally.summary(), model: model.summary() }, { days, R, seed, accuracy, abandonedWaits, trace });
}

/** The three summaries as the report. */
function report(
	scenario: Scenario,
	s: { observed: WaitSummary; replay: WaitSummary; model: WaitSummary },
	c: { days: string[]; R: number; seed: number; accuracy: ValidationOptions['accuracy']; abandonedWaits: boolean; trace: Trace }
): ValidationResult {
	const rowOf = (id: string, name: string, pick: (w: WaitSummary) => { stats: WaitStats; daily: Float64Array }): ValidationRow =>
		validationRow(id, name, pick(s.observed), pick(s.replay), pick(s.model), c.accuracy);
	const overall = rowOf('', scenario.name, (w) => ({ stats: w.overall, daily: w.daily }));
	const agencies = scenario.agencies.map((ag, a) => rowOf(ag.id, ag.name, (w) => ({ stats: w.agencies[a].stats, daily: w.dailyByAgency[a] })));
	return {
		ok: true,
		days: c.days,
		replications: c.R,
		seed: c.seed,
		accuracy: c.accuracy,
		abandonedWaits: c.abandonedWaits,
		overall,
		agencies,
		verdict: overall.verdict.model,
		hourly: hourlyMeans(s.observed.hourlyWaiting, s.replay.hourlyWaiting, s.model.hourlyWaiting),
		hourlyByDay: { observed: s.observed.hourlyWaiting, replay: s.replay.hourlyWaiting, model: s.model.hourlyWaiting },
		counts: c.trace.counts,
		unmatched: c.trace.unmatched
	};
}

type Source = { stats: WaitStats; daily: Float64Array };

/** One row of the report. */
function validationRow(id: string, name: string, o: Source, p: Source, m: Source, accuracy: ValidationOptions['accuracy']): ValidationRow {
	const n = o.stats.waits.length;
	return {
		id,
		name,
		observedWaits: n,
		observed: figures(o.stats),
		replay: figures(p.stats),
		model: figures(m.stats),
		difference: { replay: difference(p.stats, o.stats), model: difference(m.stats, o.stats) },
		paired: { replay: pairedInterval(p.daily, o.daily), model: pairedInterval(m.daily, o.daily) },
		verdict: { replay: verdictOf(o.stats.waitMean, p.stats.waitMean, n, accuracy), model: verdictOf(o.stats.waitMean, m.stats.waitMean, n, accuracy) },
		waits: { observed: o.stats.waits, replay: p.stats.waits, model: m.stats.waits }
	};
}

const FIGURES = ['visitors', 'servedPerDay', 'abandonShare', 'waitMean', 'waitP50', 'waitP90', 'withinTarget'] as const;

function figures(w: WaitStats): Figures {
	const { waits: _, ...rest } = w;
	return rest;
}

function difference(a: WaitStats, b: WaitStats): Figures {
	const out = {} as Figures;
	for (const k of FIGURES) out[k] = a[k] - b[k];
	return out;
}

/** Whether a mean wait agrees with the observed one: |other − observed| ≤ max(relative × observed, minutes). */
export function verdictOf(observed: number, other: number, observedWaits: number, accuracy: ValidationOptions['accuracy']): Verdict {
	if (observedWaits < MIN_OBSERVED_WAITS || !(observed === observed)) return 'too-few';
	if (!(other === other)) return 'differs';
	return Math.abs(other - observed) <= Math.max(accuracy.relative * observed, accuracy.minutes) ? 'agrees' : 'differs';
}

/**
 * The paired 95% t interval of other[d] − observed[d] over days d where both are defined: mean ± t(0.975, n − 1) ×
 * sd / √n. Fewer than 2 such days: the mean alone (interval bounds NaN).
 */
export function pairedInterval(other: ArrayLike<number>, observed: ArrayLike<number>): PairedInterval {
	const diffs: number[] = [];
	for (let d = 0; d < Math.min(other.length, observed.length); d++) {
		const x = other[d] - observed[d];
		if (x === x) diffs.push(x);
	}
	const n = diffs.length;
	if (n === 0) return { days: 0, mean: NaN, low: NaN, high: NaN };
	const mean = diffs.reduce((s, x) => s + x, 0) / n;
	if (n < 2) return { days: n, mean, low: NaN, high: NaN };
	const sd = Math.sqrt(diffs.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (n - 1));
	const half = (tCritical(0.95, n - 1) * sd) / Math.sqrt(n);
	return { days: n, mean, low: mean - half, high: mean + half };
}

/** Per clock hour, the mean over days of each source's waiting (hours where all three are 0 left out). */
function hourlyMeans(o: number[][], p: number[][], m: number[][]): ValidationResult['hourly'] {
	const mean = (rows: number[][], h: number) => (rows.length ? rows.reduce((s, r) => s + r[h], 0) / rows.length : NaN);
	const out: ValidationResult['hourly'] = [];
	for (let h = 0; h < 24; h++) {
		const row = { hour: h, observed: mean(o, h), replay: mean(p, h), model: mean(m, h) };
		if (row.observed > 0 || row.replay > 0 || row.model > 0) out.push(row);
	}
	return out;
}
