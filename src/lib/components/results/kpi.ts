/**
 * The KPI cards' figures. Counts in a RunSummary are summed over the days of a replication; the cards show them
 * per day (mean and interval divided by the days), which planners compare with the visitors a day they know.
 */
import { boundedMetric } from '../../stats/boundedMetric';
import type { MetricJSON, RunSummary } from '../../stats/runSummary';

export type KpiName = 'arrived' | 'served' | 'abandoned' | 'notServedAtClose' | 'waitMean' | 'waitP90' | 'serviceLevel' | 'utilization';
export type KpiKind = 'count' | 'minutes' | 'share';

export const KPIS: ReadonlyArray<{ name: KpiName; kind: KpiKind }> = [
	{ name: 'arrived', kind: 'count' },
	{ name: 'served', kind: 'count' },
	{ name: 'abandoned', kind: 'count' },
	{ name: 'notServedAtClose', kind: 'count' },
	{ name: 'waitMean', kind: 'minutes' },
	{ name: 'waitP90', kind: 'minutes' },
	{ name: 'serviceLevel', kind: 'share' },
	{ name: 'utilization', kind: 'share' }
];

/** A metric divided by a positive factor (null stays null). */
export function scaleMetric(m: MetricJSON, divisor: number): MetricJSON {
	const d = divisor > 0 ? divisor : 1;
	const f = (x: number | null) => (x === null ? null : x / d);
	return { mean: f(m.mean), ci95: [f(m.ci95[0]), f(m.ci95[1])] };
}

/** The figure a KPI card shows: counts per day, the rest as they are; its interval never below 0 (nor a share's above 1). */
export function kpiMetric(summary: RunSummary, name: KpiName): MetricJSON {
	const m = summary.overall[name];
	const kind = KPIS.find((k) => k.name === name)?.kind;
	return boundedMetric(kind === 'count' ? scaleMetric(m, summary.days) : m, kind === 'share');
}

/** Decimals to show for a count: one below 100 (so 2.4 a day is not shown as 2), none above. */
export function countDigits(x: number | null): number {
	return x !== null && Math.abs(x) < 100 ? 1 : 0;
}
