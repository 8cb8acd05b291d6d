/**
 * CSV exports (papaparse). Files use "\n" line ends and end with a newline, so chunks written one after another
 * (e.g. one replication at a time, header only on the first) concatenate into one valid file. Numbers have
 * fixed decimals so equal inputs give byte-identical files.
 */
import Papa from 'papaparse';
import { formatClock } from '../model/clock';
import type { LegRecord } from '../records/legRecord';
import type { MetricJSON, RunSummary } from '../stats/runSummary';
import { fixed, textCell } from './cells';
import { VisitsRows } from './visitsRows';

/** Decimals of metric cells (means and interval bounds). */
export const METRIC_DECIMALS = 4;

export const VISITS_HEADER = [
	'replication',
	'day',
	'weekday',
	'visitor',
	'ticket',
	'agency',
	'service',
	'channel',
	'priority',
	'arrival',
	'ticket_time',
	'call',
	'start',
	'end',
	'counter',
	'wait_min',
	'outcome'
] as const;

export const SUMMARY_HEADER = ['scope', 'id', 'metric', 'mean', 'ci95_low', 'ci95_high'] as const;

const HOURLY_METRICS = [
	['arrivals', 'arrivals'],
	['wait_mean', 'waitMean'],
	['waiting', 'waiting'],
	['busy', 'busy'],
	['staffed', 'staffed'],
	['utilization', 'utilization']
] as const;

export const HOURLY_HEADER: readonly string[] = [
	'hour',
	...HOURLY_METRICS.flatMap(([name]) => [name, `${name}_ci_low`, `${name}_ci_high`])
];

/** Rows of string cells to CSV text with a trailing newline ("" for no rows and no header). */
function toCsv(header: readonly string[] | null, rows: string[][]): string {
	if (header === null && rows.length === 0) return '';
	const text = header
		? Papa.unparse({ fields: [...header], data: rows }, { newline: '\n' })
		: Papa.unparse(rows, { newline: '\n' });
	// Papaparse ends a header with no rows with its own newline: the file is the header line alone.
	return text.endsWith('\n') ? text : `${text}\n`;
}

/** One row per visit leg (docs/design.md §4): 1-based replication and day, times "HH:MM:SS", wait in minutes. */
export function visitsCsv(legs: readonly LegRecord[], options: { header?: boolean } = {}): string {
	const rows = new VisitsRows();
	for (let i = 0; i < legs.length; i++) rows.add(legs[i]);
	return (options.header === false ? '' : VISITS_HEADER.join(',') + '\n') + new TextDecoder().decode(rows.bytes());
}

function metricRow(scope: string, id: string, metric: string, m: MetricJSON): string[] {
	return [
		textCell(scope),
		textCell(id),
		textCell(metric),
		fixed(m.mean, METRIC_DECIMALS),
		fixed(m.ci95[0], METRIC_DECIMALS),
		fixed(m.ci95[1], METRIC_DECIMALS)
	];
}

function isMetric(v: unknown): v is MetricJSON {
	return typeof v === 'object' && v !== null && 'mean' in v && 'ci95' in v;
}

/** Every metric field of `obj`, in its key order, as rows of one scope. */
function metricRows(rows: string[][], scope: string, id: string, obj: object): void {
	for (const [key, value] of Object.entries(obj)) {
		if (isMetric(value)) rows.push(metricRow(scope, id, key, value));
	}
}

/** Long format: one row per (scope, id, metric) for the overall figures, each agency, service and counter. */
export function summaryCsv(run: RunSummary): string {
	const rows: string[][] = [];
	metricRows(rows, 'overall', run.scenario, run.overall);
	for (const a of run.agencies) metricRows(rows, 'agency', a.id, a);
	for (const s of run.services) metricRows(rows, 'service', `${s.agency}/${s.service}`, s);
	for (const c of run.counters) metricRows(rows, 'counter', c.id, c);
	return toCsv(SUMMARY_HEADER, rows);
}

/** One row per hour of day ("HH:MM"), each metric with its 95% interval. */
export function hourlyCsv(run: RunSummary): string {
	const rows = run.hourly.map((h) => {
		const row = [formatClock(h.hour * 60)];
		for (const [, key] of HOURLY_METRICS) {
			const m = h[key];
			row.push(fixed(m.mean, METRIC_DECIMALS), fixed(m.ci95[0], METRIC_DECIMALS), fixed(m.ci95[1], METRIC_DECIMALS));
		}
		return row;
	});
	return toCsv(HOURLY_HEADER, rows);
}
