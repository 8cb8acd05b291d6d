/**
 * The gain/loss model of a comparison: per agency and overall, the figures a visitor feels — served per day,
 * abandonment and not-served shares, mean and P90 wait, share within the wait target — each with A, B, B − A
 * (paired, common random numbers) and whether B gains or loses on it. The CLI and the compare page both judge
 * with these rules, so one cannot call "better" what the other calls a loss.
 */
import { boundedMetric } from '../stats/boundedMetric';
import { meanCI } from '../stats/interval';
import type { ReplicationSummary } from '../stats/replicationSummary';
import { metricToJSON, type MetricJSON } from '../stats/runSummary';
import { difference, type Difference } from './pairedDifference';

/** The judged figures. Shares are 0–1 (their differences are percentage points ×100); waits are minutes. */
export const OUTCOME_KPIS = ['servedPerDay', 'abandonShare', 'notServedShare', 'waitMean', 'waitP90', 'withinTarget'] as const;
export type OutcomeKpi = (typeof OUTCOME_KPIS)[number];

/** Which way each figure gets better. */
export const BETTER: Record<OutcomeKpi, 'up' | 'down'> = {
	servedPerDay: 'up',
	abandonShare: 'down',
	notServedShare: 'down',
	waitMean: 'down',
	waitP90: 'down',
	withinTarget: 'up'
};

/** Figures that are shares (0–1): shown in %, their differences in percentage points. */
export const SHARE_KPIS: ReadonlySet<OutcomeKpi> = new Set<OutcomeKpi>(['abandonShare', 'notServedShare', 'withinTarget']);

export type Effect = 'gain' | 'loss' | 'none';

/** One figure of one row: A's and B's mean with 95% interval (clamped, see clampMetric), B − A, and its effect. */
export interface OutcomeFigure {
	a: MetricJSON;
	b: MetricJSON;
	diff: Difference;
	effect: Effect;
}

/** One agency (or the whole hall) judged: a loss if any figure is a loss, a gain if some gain and no loss. */
export interface OutcomeRow {
	scope: 'overall' | 'agency';
	id: string;
	name: string;
	/** Visitors came but nobody was served (undefined waits): in A, in B. */
	nobodyServed: { a: boolean; b: boolean };
	status: Effect;
	figures: Record<OutcomeKpi, OutcomeFigure>;
}

/** The per-replication counts and waits a row is judged on (an overall or an agency replication). */
export interface OutcomeTally {
	arrived: number;
	served: number;
	abandoned: number;
	notServedAtClose: number;
	waitMean: number;
	waitP90: number;
	serviceLevel: number;
}

/** One replication's tally of a row and the days it covers (undefined: the row is absent in that replication). */
export interface OutcomeReplication {
	days: number;
	tally: OutcomeTally | undefined;
}

/** One replication's judged figures; counts per day (the summary counts over the replication's days), NaN where undefined. */
function figuresOf(r: OutcomeReplication): Record<OutcomeKpi, number> {
	const t = r.tally;
	if (!t) return { servedPerDay: NaN, abandonShare: NaN, notServedShare: NaN, waitMean: NaN, waitP90: NaN, withinTarget: NaN };
	const share = (x: number) => (t.arrived > 0 ? x / t.arrived : NaN);
	return {
		servedPerDay: t.served / r.days,
		abandonShare: share(t.abandoned),
		notServedShare: share(t.notServedAtClose),
		waitMean: t.waitMean,
		waitP90: t.waitP90,
		withinTarget: t.serviceLevel
	};
}

/**
 * Mean and 95% interval of a non-negative figure, clamped to [0, ∞) — to [0, 1] for shares: the stats layer's
 * boundedMetric, shared with the run and size tables ("intervals clamped at 0" in every legend).
 */
export const clampMetric = boundedMetric;

/** Visitors came and nobody was served in any replication: the waits are undefined, which ranks worst. */
export function nobodyServed(reps: readonly OutcomeReplication[]): boolean {
	let arrived = 0;
	let served = 0;
	let waited = false;
	for (const r of reps) {
		arrived += r.tally?.arrived ?? 0;
		served += r.tally?.served ?? 0;
		if (r.tally && r.tally.waitMean === r.tally.waitMean) waited = true;
	}
	return arrived > 0 && (served === 0 || !waited);
}

/**
 * The smallest difference that counts as a gain or a loss: half a visitor a day, half a percentage point, half a
 * minute. On common random numbers even a tiny difference is often significant (moving Kota Bengkulu's L20 made
 * six agencies "lose" 0.04–0.08 visitors a day, second-service visitors who left at the bank): real, but nothing a
 * planner would act on, and flagging them buried the one loss that mattered.
 */
export const MATERIAL: Readonly<Record<OutcomeKpi, number>> = {
	servedPerDay: 0.5,
	abandonShare: 0.005,
	notServedShare: 0.005,
	waitMean: 0.5,
	waitP90: 0.5,
	withinTarget: 0.005
};

/** A significant difference at least MATERIAL in size is a gain or a loss by the figure's better direction; otherwise none. */
export function effectOf(kpi: OutcomeKpi, d: Difference): Effect {
	if (!d.significant || d.mean === null || Math.abs(d.mean) < MATERIAL[kpi]) return 'none';
	return (d.mean > 0) === (BETTER[kpi] === 'up') ? 'gain' : 'loss';
}

/**
 * Judges one row from its paired replications (a[i] and b[i] are the same replication). Rules: nobody served in
 * B (and somebody in A) is a loss whatever the waits do, and its undefined waits count as losses; otherwise a
 * significant and material (MATERIAL) fall in served per day or within-target share, or rise in abandonment,
 * not-served share or wait, is a loss, and the opposite a gain. Any loss makes the row a loss.
 */
export function outcomeRow(scope: OutcomeRow['scope'], id: string, name: string, a: readonly OutcomeReplication[], b: readonly OutcomeReplication[]): OutcomeRow {
	const fa = a.map(figuresOf);
	const fb = b.map(figuresOf);
	const none = { a: nobodyServed(a), b: nobodyServed(b) };
	const lost = none.b && !none.a;
	const figures = {} as Record<OutcomeKpi, OutcomeFigure>;
	for (const kpi of OUTCOME_KPIS) {
		const share = SHARE_KPIS.has(kpi);
		const va = fa.map((f) => f[kpi]);
		const vb = fb.map((f) => f[kpi]);
		const diff = difference(va, vb);
		const undefinedWait = lost && (kpi === 'waitMean' || kpi === 'waitP90' || kpi === 'withinTarget');
		figures[kpi] = {
			a: clampMetric(metricToJSON(meanCI(va)), share),
			b: clampMetric(metricToJSON(meanCI(vb)), share),
			diff,
			effect: undefinedWait ? 'loss' : effectOf(kpi, diff)
		};
	}
	if (lost) figures.servedPerDay.effect = 'loss';
	const effects = OUTCOME_KPIS.map((k) => figures[k].effect);
	const status: Effect = effects.includes('loss') ? 'loss' : effects.includes('gain') ? 'gain' : 'none';
	return { scope, id, name, nobodyServed: none, status, figures };
}

/** The overall row and one row per agency present in both scenarios (matched by id, in B's order). */
export function outcomeRows(base: readonly ReplicationSummary[], other: readonly ReplicationSummary[]): OutcomeRow[] {
	const rows = [outcomeRow('overall', 'overall', 'overall', base.map((s) => ({ days: s.days, tally: s.overall })), other.map((s) => ({ days: s.days, tally: s.overall })))];
	const agencies = other[0]?.agencies ?? [];
	for (const ag of agencies) {
		if (!base[0]?.agencies.some((x) => x.id === ag.id)) continue;
		const pick = (list: readonly ReplicationSummary[]) => list.map((s) => ({ days: s.days, tally: s.agencies.find((x) => x.id === ag.id) }));
		rows.push(outcomeRow('agency', ag.id, ag.name, pick(base), pick(other)));
	}
	return rows;
}

const RANK: Record<Effect, number> = { loss: 0, gain: 1, none: 2 };

/** Rows for display: losses first (nobody served first of all), then gains, then the rest, each in input order. */
export function rankRows(rows: readonly OutcomeRow[]): OutcomeRow[] {
	return rows
		.map((r, i) => ({ r, i }))
		.sort((x, y) => RANK[x.r.status] - RANK[y.r.status] || Number(y.r.nobodyServed.b) - Number(x.r.nobodyServed.b) || x.i - y.i)
		.map((x) => x.r);
}
