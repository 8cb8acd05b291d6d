/** A calibration's report files (`mpp calibrate --report DIR`): the fits as JSON and as CSV. */
import type { Distribution } from '../model/distribution';
import type { CalibrationResult } from './calibrationParts';
import { FAMILIES } from './serviceTimeFit';

/** The fits and estimates as plain JSON (samples as arrays, NaN as null): the report's calibration.json. */
export function calibrationJson(result: CalibrationResult): object {
	const clean = (x: number) => (Number.isFinite(x) ? x : null);
	return {
		scenario: { id: result.scenario.id, name: result.scenario.name },
		file: result.report.file,
		dates: { first: result.report.firstDate, last: result.report.lastDate, days: result.report.days },
		rows: { read: result.report.rowsRead, used: result.report.rowsUsed, rejected: result.report.rejected.map((r) => ({ reason: r.reason, count: r.count })) },
		demand: result.demand,
		behaviour: result.behaviour,
		counters: result.counters,
		ids: result.ids,
		fits: result.fits.map((f) => ({
			agency: f.agency,
			service: f.service,
			name: f.name,
			n: f.n,
			pooled: f.pooled,
			mean: clean(f.fit.mean),
			chosen: f.fit.chosen.family,
			distribution: f.fit.chosen.distribution,
			ks: clean(f.fit.ks),
			pValue: f.fit.pValue,
			bootstrapReplicates: f.fit.bootstrapReplicates,
			bootstrapSample: f.fit.bootstrapSample,
			candidates: f.fit.candidates.map((c) => ({
				family: c.family,
				distribution: c.distribution,
				logLikelihood: clean(c.logLikelihood),
				parameters: c.parameters,
				aic: clean(c.aic),
				ks: clean(c.ks)
			})),
			// Durations come in whole seconds: four decimals of a minute keep them, at a third of the text.
			sample: Array.from(f.sample, (x) => Math.round(x * 1e4) / 1e4)
		}))
	};
}

/** A distribution's parameters as "mean=9.1;cv=0.5" (an empirical one as its number of values). */
export function parametersText(d: Distribution): string {
	if (d.dist === 'empirical') return `values=${d.values.length}`;
	return Object.entries(d)
		.filter(([k]) => k !== 'dist')
		.map(([k, v]) => `${k}=${v}`)
		.join(';');
}

/** One row per service: agency, service, n, pooled, family, parameters, aic, ks, p_value and each family's AIC. */
export function fitsCsv(result: CalibrationResult): string {
	const header = ['agency', 'service', 'name', 'n', 'pooled', 'family', 'parameters', 'mean', 'aic', 'ks', 'p_value', ...FAMILIES.map((f) => `aic_${f}`)];
	const rows = result.fits.map((f) => {
		const aic = (family: string) => f.fit.candidates.find((c) => c.family === family)?.aic;
		return [
			f.agency,
			f.service,
			f.name,
			f.n,
			f.pooled,
			f.fit.chosen.family,
			parametersText(f.fit.chosen.distribution),
			f.fit.mean,
			f.fit.chosen.aic,
			f.fit.ks,
			f.fit.pValue,
			...FAMILIES.map(aic)
		].map(cell);
	});
	return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** Papaparse's quoting rule, as the project's other CSVs follow it (export/cells.ts, which calibrate/ may not import). */
const NEEDS_QUOTES = /[\r\n"\ufeff,]|^ | $/;

/** A CSV cell: numbers as written (empty when missing or not finite), text quoted as papaparse would. */
function cell(v: string | number | null | undefined): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
