/** `mpp compare`: 2–4 scenarios on the same seed and replications, with paired differences against the first. */
import { summaryCsv } from '../lib/export/csv';
import type { Scenario } from '../lib/model/scenario';
import { compareScenarios, OVERALL_KPIS, type Comparison, type Difference, type OverallKpi } from '../lib/planning/compare';
import { compareCsv } from '../lib/planning/compareCsv';
import { clampMetric } from '../lib/planning/compareOutcome';
import type { Num } from '../lib/stats/runSummary';
import { CliError } from './cliError';
import { label, OUTCOME_LEGEND, outcomeTable, verdictLines } from './compareOutcomes';
import { withEvaluator } from './evaluator';
import { metricText as metric, table } from './format';
import { OutFiles } from './outFiles';
import { printable } from './terminalText';
import { prepareOut } from './outDir';
import { loadScenario } from './scenarioFile';

/** Options of `mpp compare`. */
export interface CompareOptions {
	replications?: number;
	seed?: number;
	json?: boolean;
	out?: string;
	workers?: number;
}

/** Runs `mpp compare` on scenario files; writes the report (or JSON) to stdout and progress to stderr. */
export async function compareCommand(files: string[], opts: CompareOptions): Promise<void> {
	if (files.length < 2 || files.length > 4) throw new CliError(`compare takes 2 to 4 scenario files, got ${files.length}`, 2);
	const loaded = files.map((f) => loadScenario(f));
	for (const l of loaded) for (const w of l.warnings) process.stderr.write(w + '\n');
	const scenarios = loaded.map((l) => l.scenario);
	// The baseline's run settings decide, so every scenario runs on the same seed and replication indices.
	const seed = opts.seed ?? scenarios[0].run.seed;
	const replications = opts.replications ?? scenarios[0].run.replications;
	if (opts.out !== undefined) prepareOut(opts.out);
	const started = Date.now();
	const comparison: Comparison = await withEvaluator(opts.workers, replications, async (evaluate) => {
		const inputs = [];
		for (const [k, scenario] of scenarios.entries()) {
			process.stderr.write(`compare: ${label(k)} = ${scenario.id} (${replications} replications, seed ${seed})\n`);
			inputs.push({ scenario, summaries: await evaluate(scenario, seed, replications) });
		}
		return compareScenarios(inputs, seed);
	});
	process.stderr.write(`compare: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	if (opts.out !== undefined) writeOut(opts.out, comparison, scenarios);
	process.stdout.write(opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : printable(formatComparison(comparison)));
}

/** compare.csv and each scenario's summary, all or nothing (OutFiles): a failure leaves the folder as it was. */
function writeOut(dir: string, c: Comparison, scenarios: Scenario[]): void {
	const names = OutFiles.all(dir, (out) => {
		out.write('compare.csv', compareCsv(c));
		const used = new Set<string>();
		for (const s of c.scenarios) {
			// A scenario compared with itself would overwrite its own summary: number the repeats.
			let name = `summary-${s.id}.csv`;
			for (let k = 2; used.has(name); k++) name = `summary-${s.id}-${k}.csv`;
			used.add(name);
			out.write(name, summaryCsv(s.summary));
		}
	});
	process.stderr.write(`wrote ${names.join(', ')} to ${dir} (${scenarios.length} scenarios)
`);
}

const signed = (x: Num, digits: number, scale = 1) => (x === null ? '—' : `${x * scale >= 0 ? '+' : ''}${(x * scale).toFixed(digits)}`);

/** "+1.2 [0.8, 1.6] *": a paired difference, starred when its interval excludes zero. */
function diff(d: Difference, digits: number, scale: number, unit = ''): string {
	return `${signed(d.mean, digits, scale)}${unit} [${signed(d.ci95[0], digits, scale)}, ${signed(d.ci95[1], digits, scale)}]${d.significant ? ' *' : ''}`;
}

// Visitor counts: shown per day, as the run page shows them.
const COUNTS = new Set<OverallKpi>(['arrived', 'served', 'abandoned', 'notServedAtClose']);

const KPI_LABELS: Record<OverallKpi, [string, number, number]> = {
	arrived: ['visitors arrived', 1, 1],
	served: ['fully served', 1, 1],
	abandoned: ['abandoned', 1, 1],
	notServedAtClose: ['not served at close', 1, 1],
	waitMean: ['wait mean (min)', 1, 1],
	waitP50: ['wait P50 (min)', 1, 1],
	waitP90: ['wait P90 (min)', 1, 1],
	waitP95: ['wait P95 (min)', 1, 1],
	serviceLevel: ['within target (%)', 1, 100],
	utilization: ['utilisation (%)', 1, 100],
	timeInHall: ['time in hall (min)', 1, 1],
	abandonRate: ['abandon rate (%)', 2, 100]
};

/** The human-readable comparison: the verdict first, every KPI per scenario with its interval, then the agencies' gains and losses. */
export function formatComparison(c: Comparison): string {
	const lines = [
		`Comparison — seed ${c.seed}, ${c.replications} replications; every scenario sees the same visitors (common random numbers)`,
		...c.scenarios.map((s, k) => `  ${label(k)} = ${s.id}: ${s.name}${k === 0 ? ' (baseline)' : ''}`),
		'',
		...verdictLines(c.differences)
	];
	const days = c.scenarios[0].summary.days;
	const head = ['KPI (mean [95% CI]; counts per day)', ...c.scenarios.map((_, k) => label(k)), ...c.differences.map((d) => `${label(d.index)} − A`)];
	const rows = [head];
	for (const kpi of OVERALL_KPIS) {
		const [name, digits, scale] = KPI_LABELS[kpi];
		const share = scale === 100;
		const per = (n: number) => (COUNTS.has(kpi) ? scale / n : scale);
		rows.push([
			name,
			...c.scenarios.map((s) => metric(clampMetric(s.summary.overall[kpi], share), digits, per(s.summary.days))),
			...c.differences.map((d) => diff(d.overall[kpi], digits, per(days), share ? ' pp' : ''))
		]);
	}
	lines.push(...table(rows), '');
	for (const d of c.differences) lines.push(...outcomeTable(d), '');
	lines.push(...OUTCOME_LEGEND);
	return lines.join('\n') + '\n';
}
