/**
 * The run's results, built as replications arrive: each replication's summary is folded in (in replication
 * order) and dropped, so memory holds one mean-and-variance per figure, not every replication's figures. Only
 * the over-the-day bands (10–50–90% across replications) keep one value per replication and trace bin: exact
 * quantiles need them, and they are a few hundred bytes a replication.
 */
import type { Scenario } from '../model/scenario';
import { MeanVariance } from './interval';
import { quantile, sortedWithoutNaN } from './quantile';
import { HOURS_PER_DAY, WAIT_HISTOGRAM_BINS } from './replicationTally';
import type { ReplicationSummary } from './replicationSummary';
import { byReplication, finiteOrNull, type AgencyRun, type Band, type CounterRun, type HourRun, type MetricJSON, type OverallRun, type RunSummary, type ServiceRun, type TraceBin } from './runSummary';
import { AGENCY_KEYS, COUNTER_KEYS, HOURLY_KEYS, OVERALL_KEYS, SERVICE_KEYS, packSummary, packedLength, packedPeaksAt, packedReplication, packedTraceLength, summaryLayout, type SummaryLayout } from './summaryCodec';

/** 10–50–90% band of the values (NaN left out). */
function band(values: ArrayLike<number>): Band {
	const sorted = sortedWithoutNaN(values);
	return { p10: finiteOrNull(quantile(sorted, 0.1)), p50: finiteOrNull(quantile(sorted, 0.5)), p90: finiteOrNull(quantile(sorted, 0.9)) };
}

/**
 * Doubles appended one at a time and read back once, 8 bytes each: a plain array grows by half again when it
 * fills, and 100,000 replications × 96 trace bins × 2 series are 150 MB exactly, or up to half as much again.
 */
class DoubleColumn {
	private static readonly BLOCK = 4096;
	private readonly blocks: Float64Array[] = [];
	length = 0;

	push(v: number): void {
		const at = this.length % DoubleColumn.BLOCK;
		if (at === 0) this.blocks.push(new Float64Array(DoubleColumn.BLOCK));
		this.blocks[this.blocks.length - 1][at] = v;
		this.length++;
	}

	/** The values in one array. */
	values(): Float64Array {
		const out = new Float64Array(this.length);
		this.blocks.forEach((b, k) => out.set(k === this.blocks.length - 1 ? b.subarray(0, this.length - k * DoubleColumn.BLOCK) : b, k * DoubleColumn.BLOCK));
		return out;
	}
}

const HOUR_ARRIVALS = HOURLY_KEYS.indexOf('arrivals');
const HOUR_STAFFED_MINUTES = HOURLY_KEYS.indexOf('staffedMinutes');

/** Folds replication summaries, in replication order, into the run's RunSummary. */
export class RunAccumulator {
	private readonly layout: SummaryLayout;
	/** One accumulator per position of the packed summary's fixed part (the header's positions unused). */
	private readonly cells: MeanVariance[];
	private readonly histogram = new Array<number>(WAIT_HISTOGRAM_BINS).fill(0);
	/** Hours with staffed time or arrivals in some replication: the hourly table's rows. */
	private readonly hourUsed = new Uint8Array(HOURS_PER_DAY);
	private readonly traceWaiting: DoubleColumn[] = [];
	private readonly traceBusy: DoubleColumn[] = [];
	private readonly traceStaffed: MeanVariance[] = [];
	/** Every day's peak number waiting, of every replication: its P95 is exact (8 bytes a day). */
	private readonly dayPeaks = new DoubleColumn();
	private first: { days: number; binMinutes: number; from: number } | null = null;
	private last = -Infinity;
	/** Replications folded in so far. */
	count = 0;

	constructor(
		readonly scenario: Scenario,
		readonly seed: number
	) {
		this.layout = summaryLayout(scenario);
		this.cells = Array.from({ length: this.layout.fixed }, () => new MeanVariance());
	}

	/** Folds in one replication's summary; replications must come in increasing order, each once. */
	add(summary: ReplicationSummary): void {
		this.addPacked(packSummary(summary, this.layout));
	}

	/** `add` for a packed summary (summaryCodec), as worker threads and partial results deliver them. */
	addPacked(p: Float64Array): void {
		const r = packedReplication(p);
		if (!(r > this.last)) throw new RangeError(`replication ${r} ${r === this.last ? 'summarised twice' : 'out of order'}`);
		if (p.length !== packedLength(p, this.layout)) throw new RangeError(`replication ${r}: a summary of another scenario`);
		this.last = r;
		this.count++;
		this.first ??= { days: p[1], binMinutes: p[2], from: p[3] };
		const L = this.layout;
		for (let i = L.overall; i < L.histogram; i++) this.cells[i].add(p[i]);
		for (let b = 0; b < WAIT_HISTOGRAM_BINS; b++) this.histogram[b] += p[L.histogram + b];
		for (let h = 0; h < HOURS_PER_DAY; h++) {
			if (p[L.hourly + HOUR_STAFFED_MINUTES * HOURS_PER_DAY + h] > 0 || p[L.hourly + HOUR_ARRIVALS * HOURS_PER_DAY + h] > 0) this.hourUsed[h] = 1;
		}
		const T = packedTraceLength(p);
		for (let i = 0; i < T; i++) {
			if (i === this.traceWaiting.length) {
				this.traceWaiting.push(new DoubleColumn());
				this.traceBusy.push(new DoubleColumn());
				this.traceStaffed.push(new MeanVariance());
			}
			this.traceWaiting[i].push(p[L.fixed + i]);
			this.traceBusy[i].push(p[L.fixed + T + i]);
			this.traceStaffed[i].add(p[L.fixed + 2 * T + i]);
		}
		const peaks = packedPeaksAt(p, L);
		for (let d = 0; d < p[1]; d++) this.dayPeaks.push(p[peaks + d]);
	}

	private metric(i: number): MetricJSON {
		const m = this.cells[i].metric();
		return { mean: finiteOrNull(m.mean), ci95: [finiteOrNull(m.ci95[0]), finiteOrNull(m.ci95[1])] };
	}

	private row<K extends string>(at: number, keys: readonly K[]): Record<K, MetricJSON> {
		const out = {} as Record<K, MetricJSON>;
		keys.forEach((key, j) => (out[key] = this.metric(at + j)));
		return out;
	}

	/** The run's results over every replication folded in so far. */
	summary(): RunSummary {
		const { scenario, layout: L } = this;
		const agencies: AgencyRun[] = scenario.agencies.map((ag, a) => ({ id: ag.id, name: ag.name, ...this.row(L.agency + a * AGENCY_KEYS.length, AGENCY_KEYS) }));
		const services: ServiceRun[] = [];
		for (const ag of scenario.agencies) {
			for (const sv of ag.services) services.push({ agency: ag.id, service: sv.id, name: sv.name, ...this.row(L.service + services.length * SERVICE_KEYS.length, SERVICE_KEYS) });
		}
		const counters: CounterRun[] = scenario.counters.map((c, k) => ({ id: c.id, name: c.name ?? c.id, ...this.row(L.counter + k * COUNTER_KEYS.length, COUNTER_KEYS) }));
		const hours: number[] = [];
		for (let h = 0; h < HOURS_PER_DAY; h++) if (this.hourUsed[h]) hours.push(h);
		const at = (key: (typeof HOURLY_KEYS)[number], h: number) => L.hourly + HOURLY_KEYS.indexOf(key) * HOURS_PER_DAY + h;
		const hourly: HourRun[] = hours.map((h) => ({
			hour: h,
			arrivals: this.metric(at('arrivals', h)),
			waitMean: this.metric(at('waitMean', h)),
			waiting: this.metric(at('waiting', h)),
			busy: this.metric(at('busy', h)),
			staffed: this.metric(at('staffed', h)),
			utilization: this.metric(at('utilization', h))
		}));
		const { binMinutes, from, days } = this.first ?? { binMinutes: 0, from: 0, days: 0 };
		const bins: TraceBin[] = this.traceWaiting.map((waiting, i) => ({
			t: from + i * binMinutes,
			waiting: band(waiting.values()),
			busy: band(this.traceBusy[i].values()),
			staffed: finiteOrNull(this.traceStaffed[i].metric().mean)
		}));
		const heatmap = {
			counters: scenario.counters.map((c) => c.id),
			hours,
			utilization: scenario.counters.map((_, k) => hours.map((h) => finiteOrNull(this.cells[L.counterHours + k * HOURS_PER_DAY + h].metric().mean)))
		};
		return {
			scenario: scenario.id,
			name: scenario.name,
			seed: this.seed,
			replications: this.count,
			days,
			serviceLevelMinutes: scenario.policy.serviceLevelMinutes,
			overall: this.row(L.overall, OVERALL_KEYS) as OverallRun,
			agencies,
			services,
			counters,
			hourly,
			trace: { binMinutes, from, bins },
			heatmap,
			waitHistogram: { binMinutes: 1, counts: [...this.histogram] },
			dailyPeakWaiting: this.dailyPeakWaiting()
		};
	}

	/** The day's peak number waiting over every day folded in: median, P95 (exact, interpolated) and maximum. */
	private dailyPeakWaiting(): RunSummary['dailyPeakWaiting'] {
		const sorted = sortedWithoutNaN(this.dayPeaks.values());
		const max = sorted.length ? sorted[sorted.length - 1] : NaN;
		return { days: sorted.length, p50: finiteOrNull(quantile(sorted, 0.5)), p95: finiteOrNull(quantile(sorted, 0.95)), max: finiteOrNull(max) };
	}
}

/**
 * Aggregates per-replication summaries into the run's results. Summaries are put in replication order first,
 * so the result is the same whatever order the workers delivered them in.
 */
export function aggregate(scenario: Scenario, summaries: ReplicationSummary[], seed: number): RunSummary {
	const acc = new RunAccumulator(scenario, seed);
	for (const s of byReplication(summaries, 'aggregate')) acc.add(s);
	return acc.summary();
}
