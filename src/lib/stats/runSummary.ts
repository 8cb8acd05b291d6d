/**
 * The run's results across replications: the CLI's `--json` output and the web dashboard's data.
 * JSON-ready: undefined numbers come out as null, never NaN (which JSON cannot hold and structured clone would
 * keep). A null mean means the metric was undefined in every replication (e.g. the wait mean of an agency that
 * nobody was served by); its interval bounds are then null too. Replications where a metric is undefined are
 * left out of its mean and interval.
 */
import type { Metric } from './interval';

/** A number, or null where it is undefined (NaN and ±Infinity do not survive JSON). */
export type Num = number | null;
/** A Metric as serialised: mean and 95% interval, null where undefined. */
export interface MetricJSON {
	mean: Num;
	ci95: [Num, Num];
}
/** 10th, 50th and 90th percentiles across replications. */
export interface Band {
	p10: Num;
	p50: Num;
	p90: Num;
}

export interface OverallRun {
	arrived: MetricJSON;
	served: MetricJSON;
	abandoned: MetricJSON;
	noShow: MetricJSON;
	notServedAtClose: MetricJSON;
	tickets: MetricJSON;
	waitMean: MetricJSON;
	waitP50: MetricJSON;
	waitP90: MetricJSON;
	waitP95: MetricJSON;
	waitMax: MetricJSON;
	serviceLevel: MetricJSON;
	utilization: MetricJSON;
	timeInHall: MetricJSON;
	overtime: MetricJSON;
	abandonRate: MetricJSON;
	/** Mean over days of the day's peak number of tickets waiting at once. */
	peakWaiting: MetricJSON;
}

/** The day's peak number of tickets waiting, across every day of every replication (what a waiting room must seat). */
export interface DailyPeakWaiting {
	/** Days observed: replications × days per replication. */
	days: number;
	p50: Num;
	p95: Num;
	max: Num;
}

export interface AgencyRun {
	id: string;
	name: string;
	arrived: MetricJSON;
	served: MetricJSON;
	abandoned: MetricJSON;
	noShow: MetricJSON;
	notServedAtClose: MetricJSON;
	waitMean: MetricJSON;
	waitP50: MetricJSON;
	waitP90: MetricJSON;
	waitP95: MetricJSON;
	waitMax: MetricJSON;
	serviceLevel: MetricJSON;
	abandonRate: MetricJSON;
}

export interface ServiceRun {
	agency: string;
	service: string;
	name: string;
	arrived: MetricJSON;
	served: MetricJSON;
	waitMean: MetricJSON;
	waitP90: MetricJSON;
}

export interface CounterRun {
	id: string;
	name: string;
	served: MetricJSON;
	utilization: MetricJSON;
	staffed: MetricJSON;
	busy: MetricJSON;
	overtime: MetricJSON;
}

export interface HourRun {
	hour: number;
	arrivals: MetricJSON;
	waitMean: MetricJSON;
	waiting: MetricJSON;
	busy: MetricJSON;
	staffed: MetricJSON;
	utilization: MetricJSON;
}

export interface TraceBin {
	/** Bin start, minutes after midnight. */
	t: number;
	waiting: Band;
	busy: Band;
	/** Mean staffed counters (staffing rarely varies between replications). */
	staffed: Num;
}

/** Results of a run; key order is part of the format (byte-identical JSON for equal runs). */
export interface RunSummary {
	scenario: string;
	name: string;
	seed: number;
	replications: number;
	/** Simulated days per replication; counts are summed over them. */
	days: number;
	serviceLevelMinutes: number;
	overall: OverallRun;
	agencies: AgencyRun[];
	services: ServiceRun[];
	counters: CounterRun[];
	/** Only hours with staffed time or arrivals in some replication. */
	hourly: HourRun[];
	trace: { binMinutes: number; from: number; bins: TraceBin[] };
	/** Mean utilisation per counter (rows, scenario order) and hour (columns, as in `hours`). */
	heatmap: { counters: string[]; hours: number[]; utilization: Num[][] };
	waitHistogram: { binMinutes: 1; counts: number[] };
	dailyPeakWaiting: DailyPeakWaiting;
}

/** x, or null when x is NaN or infinite. */
export function finiteOrNull(x: number): Num {
	return Number.isFinite(x) ? x : null;
}

/** A Metric with NaN replaced by null, for JSON. */
export function metricToJSON(m: Metric): MetricJSON {
	return { mean: finiteOrNull(m.mean), ci95: [finiteOrNull(m.ci95[0]), finiteOrNull(m.ci95[1])] };
}

/**
 * Summaries in replication order, so results never depend on the order workers delivered them. Two summaries
 * for one replication would make them depend on it after all: a caller bug, reported naming `who`.
 */
export function byReplication<T extends { replication: number }>(list: readonly T[], who: string): T[] {
	const sorted = [...list].sort((a, b) => a.replication - b.replication);
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i].replication === sorted[i - 1].replication) {
			throw new RangeError(`${who}: replication ${sorted[i].replication} summarised twice`);
		}
	}
	return sorted;
}
