/**
 * compare.csv: a comparison in long format, one row per (scenario, scope, id, metric) with the metric's mean and
 * 95% interval and — for scenarios after the baseline — the paired difference against the baseline.
 */
import Papa from 'papaparse';
import { fixed, textCell } from '../export/cells';
import { METRIC_DECIMALS } from '../export/csv';
import type { MetricJSON } from '../stats/runSummary';
import { AGENCY_KPIS, OVERALL_KPIS, type Comparison, type Difference } from './compare';

export const COMPARE_HEADER = [
	'scenario_index',
	'scenario',
	'scope',
	'id',
	'metric',
	'mean',
	'ci95_low',
	'ci95_high',
	'diff_mean',
	'diff_ci95_low',
	'diff_ci95_high',
	'significant'
] as const;

function row(index: number, scenario: string, scope: string, id: string, metric: string, m: MetricJSON, d: Difference | undefined): string[] {
	const n = (x: number | null) => fixed(x, METRIC_DECIMALS);
	return [
		String(index + 1),
		textCell(scenario),
		textCell(scope),
		textCell(id),
		textCell(metric),
		n(m.mean),
		n(m.ci95[0]),
		n(m.ci95[1]),
		d ? n(d.mean) : '',
		d ? n(d.ci95[0]) : '',
		d ? n(d.ci95[1]) : '',
		d ? (d.significant ? '1' : '0') : ''
	];
}

/** The comparison as CSV text ("\n" line ends, trailing newline); the baseline's difference cells are empty. */
export function compareCsv(c: Comparison): string {
	const rows: string[][] = [];
	c.scenarios.forEach((s, k) => {
		const diff = k === 0 ? undefined : c.differences.find((d) => d.index === k);
		for (const kpi of OVERALL_KPIS) rows.push(row(k, s.id, 'overall', s.id, kpi, s.summary.overall[kpi], diff?.overall[kpi]));
		for (const a of s.summary.agencies) {
			const da = diff?.agencies.find((x) => x.id === a.id);
			for (const kpi of AGENCY_KPIS) rows.push(row(k, s.id, 'agency', a.id, kpi, a[kpi], da?.[kpi]));
		}
	});
	return `${Papa.unparse({ fields: [...COMPARE_HEADER], data: rows }, { newline: '\n' })}\n`;
}
