/**
 * The run's results across replications: the CLI's `--json` output and the web dashboard's data.
 * JSON-ready: undefined numbers come out as null, never NaN (which JSON cannot hold and structured clone would
 * keep). A null mean means the metric was undefined in every replication (e.g. the wait mean of an agency that
 * nobody was served by); its interval bounds are then null too. Replications where a metric is undefined are
 * left out of its mean and interval.
 */
import type { Scenario } from '../model/scenario';
import { meanCI, nanMean, type Metric } from './interval';
import { quantile, sortedWithoutNaN } from './quantile';
import { HOURS_PER_DAY, WAIT_HISTOGRAM_BINS, type ReplicationSummary } from './replicationSummary';

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
}

/** x, or null when x is NaN or infinite. */
export function finiteOrNull(x: number): Num {
	return Number.isFinite(x) ? x : null;
}

/** A Metric with NaN replaced by null, for JSON. */
export function metricToJSON(m: Metric): MetricJSON {
	return { mean: finiteOrNull(m.mean), ci95: [finiteOrNull(m.ci95[0]), finiteOrNull(m.ci95[1])] };
}

/** 10–50–90% band of the values (NaN left out). */
function band(values: number[]): Band {
	const sorted = sortedWithoutNaN(values);
	return {
		p10: finiteOrNull(quantile(sorted, 0.1)),
		p50: finiteOrNull(quantile(sorted, 0.5)),
		p90: finiteOrNull(quantile(sorted, 0.9))
	};
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

// Which per-replication figures become run metrics, in the order they appear in the summary JSON and CSV.
const OVERALL_KEYS = ['arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'tickets', 'waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitMax', 'serviceLevel', 'utilization', 'timeInHall', 'overtime', 'abandonRate'] as const;
const AGENCY_KEYS = ['arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitMax', 'serviceLevel', 'abandonRate'] as const;
const SERVICE_KEYS = ['arrived', 'served', 'waitMean', 'waitP90'] as const;
const COUNTER_KEYS = ['served', 'utilization', 'staffed', 'busy', 'overtime'] as const;

/** The mean and 95% interval across replications of one figure of each summary. */
function metricOver(reps: ReplicationSummary[], f: (s: ReplicationSummary) => number): MetricJSON {
	return metricToJSON(meanCI(reps.map(f)));
}

/** Each key's mean and 95% interval across replications, read off one row of every summary (NaN where a replication has none). */
function metricsOf<K extends string>(
	reps: ReplicationSummary[],
	row: (s: ReplicationSummary) => Record<K, number> | undefined,
	keys: readonly K[]
): Record<K, MetricJSON> {
	const out = {} as Record<K, MetricJSON>;
	for (const key of keys) out[key] = metricOver(reps, (s) => row(s)?.[key] ?? NaN);
	return out;
}

/**
 * Aggregates per-replication summaries into the run's results. Summaries are put in replication order first,
 * so the result is the same whatever order the workers delivered them in.
 */
export function aggregate(scenario: Scenario, summaries: ReplicationSummary[], seed: number): RunSummary {
	const reps = byReplication(summaries, 'aggregate');
	const metric = (f: (s: ReplicationSummary) => number): MetricJSON => metricOver(reps, f);
	const nan = NaN;

	const overall: OverallRun = metricsOf(reps, (s) => s.overall, OVERALL_KEYS);
	// Summaries list agencies, services and counters in scenario order, so position identifies them.
	const agencies: AgencyRun[] = scenario.agencies.map((ag, a) => ({
		id: ag.id,
		name: ag.name,
		...metricsOf(reps, (s) => s.agencies[a], AGENCY_KEYS)
	}));
	const services: ServiceRun[] = [];
	for (const ag of scenario.agencies) {
		for (const sv of ag.services) {
			const k = services.length;
			services.push({ agency: ag.id, service: sv.id, name: sv.name, ...metricsOf(reps, (s) => s.services[k], SERVICE_KEYS) });
		}
	}
	const counters: CounterRun[] = scenario.counters.map((c, k) => ({
		id: c.id,
		name: c.name ?? c.id,
		...metricsOf(reps, (s) => s.counters[k], COUNTER_KEYS)
	}));

	const hours: number[] = [];
	for (let h = 0; h < HOURS_PER_DAY; h++) {
		if (reps.some((s) => (s.hourly.staffedMinutes[h] ?? 0) > 0 || (s.hourly.arrivals[h] ?? 0) > 0)) hours.push(h);
	}
	const hourly: HourRun[] = hours.map((h) => {
		const m = (f: (x: ReplicationSummary['hourly']) => number[]) => metric((s) => f(s.hourly)[h] ?? nan);
		return {
			hour: h,
			arrivals: m((x) => x.arrivals),
			waitMean: m((x) => x.waitMean),
			waiting: m((x) => x.waiting),
			busy: m((x) => x.busy),
			staffed: m((x) => x.staffed),
			utilization: m((x) => x.utilization)
		};
	});

	const first = reps[0];
	const binMinutes = first ? first.trace.binMinutes : 0;
	const from = first ? first.trace.from : 0;
	let nBins = 0;
	for (const s of reps) nBins = Math.max(nBins, s.trace.waiting.length);
	const bins: TraceBin[] = [];
	for (let i = 0; i < nBins; i++) {
		bins.push({
			t: from + i * binMinutes,
			waiting: band(reps.map((s) => s.trace.waiting[i] ?? nan)),
			busy: band(reps.map((s) => s.trace.busy[i] ?? nan)),
			staffed: finiteOrNull(nanMean(reps.map((s) => s.trace.staffed[i] ?? nan)))
		});
	}

	const heatmap = {
		counters: scenario.counters.map((c) => c.id),
		hours,
		utilization: scenario.counters.map((_, k) =>
			hours.map((h) => finiteOrNull(nanMean(reps.map((s) => s.counters[k]?.utilizationByHour[h] ?? nan))))
		)
	};

	const counts = new Array<number>(WAIT_HISTOGRAM_BINS).fill(0);
	for (const s of reps) {
		for (let b = 0; b < WAIT_HISTOGRAM_BINS; b++) counts[b] += s.waitHistogram[b] ?? 0;
	}

	return {
		scenario: scenario.id,
		name: scenario.name,
		seed,
		replications: reps.length,
		days: first ? first.days : 0,
		serviceLevelMinutes: scenario.policy.serviceLevelMinutes,
		overall,
		agencies,
		services,
		counters,
		hourly,
		trace: { binMinutes, from, bins },
		heatmap,
		waitHistogram: { binMinutes: 1, counts }
	};
}
