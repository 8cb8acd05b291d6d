/** Plain-text number formatting for the CLI's human-readable reports (JSON output never goes through here). */
import { boundedMetric } from '../lib/stats/boundedMetric';
import type { MetricJSON, Num } from '../lib/stats/runSummary';

/** A number scaled and fixed to `digits`, or "—" when undefined. */
export const fmt = (x: Num, digits: number, scale = 1): string => (x === null ? '—' : (x * scale).toFixed(digits));

/**
 * "12.3 [11.8, 12.9]": a metric with its 95% interval, kept within what it can be (boundedMetric: at least 0; a
 * share, printed ×100, at most 1). Every figure printed through here is a count, a wait or a share, never a difference.
 */
export function metricText(m: MetricJSON, digits = 1, scale = 1): string {
	if (m.mean !== null && m.ci95[0] === null && m.ci95[1] === null) return `${fmt(m.mean, digits, scale)} [no interval]`;
	const b = boundedMetric(m, scale === 100);
	return `${fmt(b.mean, digits, scale)} [${fmt(b.ci95[0], digits, scale)}, ${fmt(b.ci95[1], digits, scale)}]`;
}

/** Rows as aligned text lines: the first column left-aligned, the others right-aligned. */
export function table(rows: string[][]): string[] {
	const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
	return rows.map((r) => '  ' + r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('   '));
}
