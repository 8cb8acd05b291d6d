/** A service fit in words, for chart captions and the services table: family, its parameters, n, KS and p. */
import type { ServiceFitReport } from '$lib/calibrate/calibration';
import type { Distribution } from '$lib/model/distribution';
import { formatMinutes, formatNumber } from '$lib/i18n/format';

type T = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** A fitted distribution's parameters: "mean 12.3 mins, cv 0.45"; an empirical one by its number of values. */
export function distributionText(d: Distribution, t: T): string {
	switch (d.dist) {
		case 'exponential':
			return t('calibrate.fits.paramsMean', { values: { mean: formatMinutes(d.mean) } });
		case 'lognormal':
		case 'gamma':
			return t('calibrate.fits.paramsMeanCv', { values: { mean: formatMinutes(d.mean), cv: formatNumber(d.cv, 2) } });
		case 'empirical':
			return t('calibrate.fits.paramsEmpirical', { values: { n: formatNumber(d.values.length) } });
		default:
			return d.dist;
	}
}

/** The p-value in words: "p 0.42", or that it was not computed. */
function pValueText(p: number | null, t: T): string {
	return p === null || !Number.isFinite(p) ? t('calibrate.fits.noP') : `p ${formatNumber(p, 3)}`;
}

/** "lognormal (mean 12.3 mins, cv 0.45); n 523; KS 0.031; p 0.42". */
export function fitText(f: ServiceFitReport, t: T): string {
	const family = t(`calibrate.families.${f.fit.chosen.family}`);
	return t('calibrate.fits.summary', {
		values: { family, params: distributionText(f.fit.chosen.distribution, t), n: formatNumber(f.n), ks: formatNumber(f.fit.ks, 3), p: pValueText(f.fit.pValue, t) }
	});
}
