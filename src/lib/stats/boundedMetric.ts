import type { MetricJSON } from './runSummary';

/**
 * A metric with its 95% interval kept within what the quantity can be: at least 0 (counts, waits, shares), and at
 * most 1 for a share. A Student-t interval on a mean near a bound reaches past it ("−0.2 – 0.6" for an abandonment
 * share); clamping at the bound keeps its coverage (the true value lies within the bounds) and reads as it should.
 */
export function boundedMetric(m: MetricJSON, share: boolean): MetricJSON {
	const [lo, hi] = m.ci95;
	return { mean: m.mean, ci95: [lo === null ? null : Math.max(0, lo), hi === null ? null : share ? Math.min(1, hi) : hi] };
}
