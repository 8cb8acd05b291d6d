/**
 * The plain-language verdict of a comparison: the largest significant losses and gains, agency by agency and
 * overall, as structured data (codes and values) a page words in its reader's language, and in English for the
 * CLI. Losses come first and are never netted against gains: one agency left unserved is not made good by a
 * shorter wait elsewhere.
 */
import type { Num } from '../stats/runSummary';
import { OUTCOME_KPIS, SHARE_KPIS, type Effect, type OutcomeKpi, type OutcomeRow } from './compareOutcome';

/** What happened: nobody served in B, or the figure rose or fell significantly. */
export type VerdictCode = 'nobodyServed' | 'rose' | 'fell';

/** One row's largest significant loss or gain, with the figure's A, B, B − A and interval (shares 0–1). */
export interface VerdictItem {
	scope: OutcomeRow['scope'];
	id: string;
	name: string;
	code: VerdictCode;
	kpi: OutcomeKpi;
	a: Num;
	b: Num;
	diff: Num;
	ci95: [Num, Num];
}

/** Every losing and every gaining agency, worst/best first, and the hall's own largest loss and gain. */
export interface Verdict {
	losses: VerdictItem[];
	gains: VerdictItem[];
	overall: { loss: VerdictItem | null; gain: VerdictItem | null };
}

// Which figure speaks for a row when several moved: visitors lost before how long the rest waited.
const ORDER: Record<OutcomeKpi, number> = { servedPerDay: 0, notServedShare: 1, abandonShare: 2, waitP90: 3, waitMean: 4, withinTarget: 5 };

/** |B − A| relative to A: compares moves of different sizes within one kind of figure. */
function relative(i: VerdictItem): number {
	const d = Math.abs(i.diff ?? 0);
	return d / Math.max(Math.abs(i.a ?? 0), 1e-9);
}

function item(row: OutcomeRow, kpi: OutcomeKpi, code: VerdictCode): VerdictItem {
	const f = row.figures[kpi];
	return { scope: row.scope, id: row.id, name: row.name, code, kpi, a: f.a.mean, b: f.b.mean, diff: f.diff.mean, ci95: f.diff.ci95 };
}

/** The row's largest item of one effect: nobody served first, then by figure order, then relative size. */
export function largest(row: OutcomeRow, effect: Exclude<Effect, 'none'>): VerdictItem | null {
	if (effect === 'loss' && row.nobodyServed.b && !row.nobodyServed.a) return item(row, 'servedPerDay', 'nobodyServed');
	const items = OUTCOME_KPIS.filter((k) => row.figures[k].effect === effect && row.figures[k].diff.mean !== null).map((k) =>
		item(row, k, (row.figures[k].diff.mean ?? 0) > 0 ? 'rose' : 'fell')
	);
	items.sort(byWeight);
	return items[0] ?? null;
}

function byWeight(x: VerdictItem, y: VerdictItem): number {
	const nobody = Number(y.code === 'nobodyServed') - Number(x.code === 'nobodyServed');
	if (nobody !== 0) return nobody;
	// Among agencies left unserved, the one that served most in A loses most.
	if (x.code === 'nobodyServed') return (y.a ?? 0) - (x.a ?? 0);
	return ORDER[x.kpi] - ORDER[y.kpi] || relative(y) - relative(x);
}

/** The verdict of one scenario's rows against the baseline (rows from outcomeRows). */
export function verdictOf(rows: readonly OutcomeRow[]): Verdict {
	const agencies = rows.filter((r) => r.scope === 'agency');
	const overall = rows.find((r) => r.scope === 'overall');
	const losses = agencies.filter((r) => r.status === 'loss').map((r) => largest(r, 'loss')!);
	const gains = agencies.filter((r) => r.status === 'gain').map((r) => largest(r, 'gain')!);
	return {
		losses: losses.sort(byWeight),
		gains: gains.sort(byWeight),
		overall: { loss: overall ? largest(overall, 'loss') : null, gain: overall ? largest(overall, 'gain') : null }
	};
}

const KPI_TEXT: Record<OutcomeKpi, string> = {
	servedPerDay: 'served per day',
	abandonShare: 'abandonment',
	notServedShare: 'not served at close',
	waitMean: 'mean wait',
	waitP90: 'P90 wait',
	withinTarget: 'within the wait target'
};

const num = (x: Num, digits = 1) => (x === null ? '—' : x.toFixed(digits));
// Signed by the rounded value, so a tiny negative shows as "+0.0", never "−0.0".
const signed = (x: Num, digits = 1) => (x === null ? '—' : `${Number(x.toFixed(digits)) >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`);

/**
 * Decimals for a difference's interval as displayed (already scaled): 1, or up to 3 while the interval excludes
 * zero but a bound would round to 0 — "−0.1 [−0.1, +0.0]" reads as not significant when it is.
 */
export function diffDigits(ci: readonly [Num, Num]): number {
	const [lo, hi] = ci;
	const excludesZero = lo !== null && hi !== null && (lo > 0 || hi < 0);
	let digits = 1;
	const zero = (x: Num, d: number) => x !== null && Number(x.toFixed(d)) === 0;
	while (excludesZero && digits < 3 && (zero(lo, digits) || zero(hi, digits))) digits++;
	return digits;
}

/** A figure's value in English: "14.3 a day", "12.0%", "37.5 min". */
export function valueText(kpi: OutcomeKpi, x: Num): string {
	if (x === null) return 'nobody served';
	if (SHARE_KPIS.has(kpi)) return `${num(x * 100)}%`;
	return kpi === 'servedPerDay' ? `${num(x)} a day` : `${num(x)} min`;
}

/** A difference in English with its unit: "−37.5 min [−45.0, −30.0]", "+80.1 pp […]". */
export function diffText(kpi: OutcomeKpi, d: Num, ci: [Num, Num]): string {
	const scale = SHARE_KPIS.has(kpi) ? 100 : 1;
	const unit = SHARE_KPIS.has(kpi) ? ' pp' : kpi === 'servedPerDay' ? ' a day' : ' min';
	const digits = diffDigits([ci[0] === null ? null : ci[0] * scale, ci[1] === null ? null : ci[1] * scale]);
	const s = (x: Num) => (x === null ? '—' : signed(x * scale, digits));
	return `${s(d)}${unit} [${s(ci[0])}, ${s(ci[1])}]`;
}

/** One item in English: "bank-bengkulu (Bank Bengkulu): nobody served in B (A: 14.3 a day)". */
export function itemText(i: VerdictItem): string {
	const who = i.scope === 'overall' ? 'overall' : `${i.id} (${i.name})`;
	if (i.code === 'nobodyServed') return `${who}: nobody served in B (A: ${valueText('servedPerDay', i.a)})`;
	return `${who}: ${KPI_TEXT[i.kpi]} ${i.code} ${valueText(i.kpi, i.a)} → ${valueText(i.kpi, i.b)}, ${diffText(i.kpi, i.diff, i.ci95)}`;
}

/** The verdict in English, a few lines: the largest losses first (at most `top` each), then gains, then overall. */
export function verdictText(v: Verdict, top = 3): string[] {
	const list = (items: VerdictItem[]) => [
		...items.slice(0, top).map((i) => `    ${itemText(i)}`),
		...(items.length > top ? [`    … and ${items.length - top} more (see the agency table)`] : [])
	];
	const agencies = (n: number) => `${n} ${n === 1 ? 'agency' : 'agencies'}`;
	const lines = [v.losses.length ? `  LOSS for ${agencies(v.losses.length)}:` : '  No agency loses significantly.', ...list(v.losses)];
	lines.push(v.gains.length ? `  Gain for ${agencies(v.gains.length)}:` : '  No agency gains significantly.', ...list(v.gains));
	const { loss, gain } = v.overall;
	lines.push(`  Overall: ${[loss && `loss — ${itemText(loss)}`, gain && `gain — ${itemText(gain)}`].filter(Boolean).join('; ') || 'no significant change'}`);
	return lines;
}
