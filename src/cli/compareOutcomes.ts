/** `mpp compare`'s verdict and per-agency gain/loss table, in English, from the comparison's outcome model. */
import type { ScenarioDifferences } from '../lib/planning/compare';
import { rankRows, SHARE_KPIS, type OutcomeFigure, type OutcomeKpi, type OutcomeRow } from '../lib/planning/compareOutcome';
import { diffDigits, largest, verdictText } from '../lib/planning/compareVerdict';
import { table } from './format';

/** A scenario's letter: A (the baseline), B, C, D. */
export const label = (k: number): string => String.fromCharCode(65 + k);

/** The verdict lines of each scenario against the baseline: what the reader sees first. */
export function verdictLines(differences: readonly ScenarioDifferences[]): string[] {
	const lines: string[] = [];
	for (const d of differences) lines.push(`Verdict, ${label(d.index)} (${d.id}) against A (${d.baseline}):`, ...verdictText(d.verdict), '');
	return lines;
}

const num = (x: number, digits: number) => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;
// Signed by the rounded value, so a tiny negative shows as "+0.0", never "−0.0".
const signed = (x: number | null, digits: number) => (x === null ? '—' : `${Number(x.toFixed(digits)) >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`);

/** A or B's mean: "18.2", "3.5%"; an undefined wait means nobody was served, never a blank. */
function value(kpi: OutcomeKpi, f: OutcomeFigure, side: 'a' | 'b'): string {
	const m = f[side].mean;
	if (m === null) return 'nobody served';
	return SHARE_KPIS.has(kpi) ? `${num(m * 100, 1)}%` : num(m, 1);
}

/** B − A with its paired interval, starred when significant; pp for shares; "nobody served" when undefined. */
function change(kpi: OutcomeKpi, f: OutcomeFigure, row: OutcomeRow): string {
	if (f.diff.mean === null) return row.nobodyServed.b ? 'nobody served in B' : '—';
	const s = SHARE_KPIS.has(kpi) ? 100 : 1;
	const lo = f.diff.ci95[0] === null ? null : f.diff.ci95[0] * s;
	const hi = f.diff.ci95[1] === null ? null : f.diff.ci95[1] * s;
	const digits = diffDigits([lo, hi]);
	return `${signed(f.diff.mean * s, digits)}${SHARE_KPIS.has(kpi) ? ' pp' : ''} [${signed(lo, digits)}, ${signed(hi, digits)}]${f.diff.significant ? ' *' : ''}`;
}

const SHOWN: Array<[OutcomeKpi, string]> = [
	['servedPerDay', 'served/day'],
	['abandonShare', 'abandoned'],
	['waitP90', 'P90 wait (min)']
];
const KPI_NAMES: Record<OutcomeKpi, string> = {
	servedPerDay: 'served/day',
	abandonShare: 'abandoned',
	notServedShare: 'not served',
	waitMean: 'mean wait',
	waitP90: 'P90 wait',
	withinTarget: 'within target'
};

/** "LOSS: nobody served", "LOSS: not served", "gain: P90 wait": the row's status and the figure that leads it. */
function flag(r: OutcomeRow): string {
	if (r.status === 'none') return '';
	const i = largest(r, r.status);
	const why = i === null ? '' : i.code === 'nobodyServed' ? 'nobody served' : KPI_NAMES[i.kpi];
	return `${r.status === 'loss' ? 'LOSS' : 'gain'}: ${why}`;
}

/** One scenario's agency table: losses first (nobody served first of all), each shown figure as A → B and B − A. */
export function outcomeTable(d: ScenarioDifferences): string[] {
	const b = label(d.index);
	const head = [`agency (${b} against A)`, ...SHOWN.flatMap(([, name]) => [`${name} A → ${b}`, `${b} − A [95%]`]), 'verdict'];
	const rows = [head];
	for (const r of rankRows(d.outcomes)) {
		if (r.scope !== 'agency') continue;
		const cells = SHOWN.flatMap(([kpi]) => [`${value(kpi, r.figures[kpi], 'a')} → ${value(kpi, r.figures[kpi], 'b')}`, change(kpi, r.figures[kpi], r)]);
		rows.push([r.id, ...cells, flag(r)]);
	}
	return table(rows);
}

/** What the tables' marks and units mean. */
export const OUTCOME_LEGEND = [
	'  Counts are per day (a replication\'s counts ÷ its days); shares in %, their differences in percentage points (pp).',
	'  * the paired 95% interval of B − A excludes zero. Intervals of A and B are clamped at 0 (shares also at 100%): a count,',
	'    wait or share cannot be negative, and the t interval of a small, skewed figure can cross zero.',
	'  LOSS: nobody served in B, or served/day or the share within target fell, or abandonment, not-served share or a wait',
	'    rose, significantly — whatever else improved; the figure named leads. gain: a significant improvement and no loss.',
	'    Not-served share, mean wait and share within target: --json or --out (compare.csv).'
];
