/** The compare page's wording of the gain/loss model's figures, in the reader's language. */
import { fixed, fixedPercent, signedFixed } from '$lib/i18n/format';
import { SHARE_KPIS, type OutcomeKpi } from '$lib/planning/compareOutcome';
import { diffDigits, type VerdictItem } from '$lib/planning/compareVerdict';
import type { Num } from '$lib/stats/runSummary';

/**
 * The page's `$_`, passed in rather than read here, so a template that calls these functions re-renders when the
 * language changes.
 */
export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** A figure's value with its unit: "14,3/hari", "92,6%", "37,5 menit"; undefined means nobody was served. */
export function outcomeValue(tr: Translate, kpi: OutcomeKpi, x: Num): string {
	const t = (key: string, values?: Record<string, string | number>) => tr(key, { values });
	if (x === null) return t('compareVerdict.nobody');
	// One decimal always: "106,2/hari menjadi 112,0/hari", never "… menjadi 112/hari".
	if (SHARE_KPIS.has(kpi)) return fixedPercent(x, 1);
	return t(kpi === 'servedPerDay' ? 'compareVerdict.perDay' : 'compareVerdict.minutes', { x: fixed(x, 1) });
}

/** B − A with its interval and unit: "−14,3/hari [−15,8 – −13,5]", "+90,9 pp [+88,7 – +93,2]". */
export function outcomeDiff(tr: Translate, kpi: OutcomeKpi, d: Num, ci: readonly [Num, Num]): string {
	const share = SHARE_KPIS.has(kpi);
	const scaled = (x: Num) => (x === null ? null : share ? x * 100 : x);
	const digits = diffDigits([scaled(ci[0]), scaled(ci[1])]);
	const s = (x: Num) => (x === null ? '—' : signedFixed(scaled(x)!, digits));
	const unit = share ? 'compareVerdict.pp' : kpi === 'servedPerDay' ? 'compareVerdict.perDay' : 'compareVerdict.minutes';
	return `${tr(unit, { values: { x: s(d) } })} [${s(ci[0])} – ${s(ci[1])}]`;
}

/** One verdict item as a sentence; `b` is the compared scenario's letter. */
export function verdictItemText(tr: Translate, i: VerdictItem, b: string): string {
	const t = (key: string, values?: Record<string, string | number>) => tr(key, { values });
	const name = i.scope === 'overall' ? t('compareVerdict.hallName') : i.name;
	if (i.code === 'nobodyServed') return t('compareVerdict.nobodyServed', { name, b, a: outcomeValue(tr, 'servedPerDay', i.a) });
	return t(`compareVerdict.${i.code}`, {
		name,
		kpi: t(`compareVerdict.kpi.${i.kpi}`),
		a: outcomeValue(tr, i.kpi, i.a),
		b: outcomeValue(tr, i.kpi, i.b),
		diff: outcomeDiff(tr, i.kpi, i.diff, i.ci95)
	});
}
