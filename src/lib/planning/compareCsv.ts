/**
 * compare.csv: a comparison in long format, one row per (scenario, scope, id, metric) with the metric's mean and
 * 95% interval and — for scenarios after the baseline — the paired difference against the baseline and its effect
 * in the gain/loss model (gain, loss or none; empty for metrics the model does not judge). The model's own
 * figures come after each scope's metrics: servedPerDay (counts ÷ days) and notServedShare, their intervals
 * clamped at 0 (and 1) as everywhere the model's figures are shown.
 */
import Papa from 'papaparse';
import { fixed, textCell } from '../export/cells';
import { METRIC_DECIMALS } from '../export/csv';
import type { MetricJSON } from '../stats/runSummary';
import { AGENCY_KPIS, OVERALL_KPIS, type Comparison, type Difference, type ScenarioDifferences } from './compare';
import type { OutcomeKpi, OutcomeRow } from './compareOutcome';

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
	'significant',
	'effect'
] as const;

// The run summary's metric each judged figure is (abandonRate is the abandonment share, serviceLevel the share within target).
const JUDGED: Record<string, OutcomeKpi> = { waitMean: 'waitMean', waitP90: 'waitP90', serviceLevel: 'withinTarget', abandonRate: 'abandonShare' };
const EXTRA: OutcomeKpi[] = ['servedPerDay', 'notServedShare'];

function row(index: number, scenario: string, scope: string, id: string, metric: string, m: MetricJSON, d: Difference | undefined, effect = ''): string[] {
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
		d ? (d.significant ? '1' : '0') : '',
		d ? effect : ''
	];
}

/** The model's row for (scope, id) as scenario k sees it: B of its own differences, A (the baseline) of the first that has it. */
function outcomeOf(c: Comparison, k: number, id: string, scope: OutcomeRow['scope']): { row: OutcomeRow; side: 'a' | 'b' } | undefined {
	const find = (d: ScenarioDifferences | undefined) => d?.outcomes.find((r) => r.scope === scope && r.id === (scope === 'overall' ? 'overall' : id));
	if (k > 0) {
		const row = find(c.differences.find((d) => d.index === k));
		return row && { row, side: 'b' };
	}
	for (const d of c.differences) {
		const row = find(d);
		if (row) return { row, side: 'a' };
	}
	return undefined;
}

/** One scope's rows: the summary's metrics (with the model's effect where it judges them), then the model's own figures. */
function scopeRows(k: number, scenario: string, scope: OutcomeRow['scope'], id: string, metrics: Array<[string, MetricJSON, Difference | undefined]>, o: ReturnType<typeof outcomeOf>): string[][] {
	const rows = metrics.map(([metric, m, d]) => row(k, scenario, scope, id, metric, m, d, o && JUDGED[metric] ? o.row.figures[JUDGED[metric]].effect : ''));
	if (o) {
		for (const kpi of EXTRA) {
			const f = o.row.figures[kpi];
			rows.push(row(k, scenario, scope, id, kpi, f[o.side], o.side === 'b' ? f.diff : undefined, f.effect));
		}
	}
	return rows;
}

/** The comparison as CSV text ("\n" line ends, trailing newline); the baseline's difference cells are empty. */
export function compareCsv(c: Comparison): string {
	const rows: string[][] = [];
	c.scenarios.forEach((s, k) => {
		const diff = k === 0 ? undefined : c.differences.find((d) => d.index === k);
		const overall = OVERALL_KPIS.map((kpi) => [kpi, s.summary.overall[kpi], diff?.overall[kpi]] as [string, MetricJSON, Difference | undefined]);
		rows.push(...scopeRows(k, s.id, 'overall', s.id, overall, outcomeOf(c, k, s.id, 'overall')));
		for (const a of s.summary.agencies) {
			const da = diff?.agencies.find((x) => x.id === a.id);
			const metrics = AGENCY_KPIS.map((kpi) => [kpi, a[kpi], da?.[kpi]] as [string, MetricJSON, Difference | undefined]);
			rows.push(...scopeRows(k, s.id, 'agency', a.id, metrics, outcomeOf(c, k, a.id, 'agency')));
		}
	});
	return `${Papa.unparse({ fields: [...COMPARE_HEADER], data: rows }, { newline: '\n' })}\n`;
}
