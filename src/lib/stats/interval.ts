/** Means and Student-t confidence intervals across independent replications. */
import { tCritical } from './studentT';

/** A mean across replications with its 95% confidence interval (NaN when undefined in every replication). */
export type Metric = { mean: number; ci95: [number, number] };

// meanCI runs for every metric of every aggregate; the critical value depends only on the degrees of freedom.
const criticalCache = new Map<number, number>();
function t975(df: number): number {
	let t = criticalCache.get(df);
	if (t === undefined) {
		t = tCritical(0.95, df);
		criticalCache.set(df, t);
	}
	return t;
}

/** Mean of the values that are not NaN; NaN when there are none. */
export function nanMean(values: ArrayLike<number>): number {
	let sum = 0;
	let n = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === v) {
			sum += v;
			n++;
		}
	}
	return n === 0 ? NaN : sum / n;
}

/**
 * Mean and 95% Student-t interval of one value per replication. NaN values (a metric undefined in that
 * replication, e.g. a wait mean with nobody served) are left out; one value gives [mean, mean], none gives NaN.
 */
export function meanCI(values: ArrayLike<number>): Metric {
	let n = 0;
	let sum = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === v) {
			sum += v;
			n++;
		}
	}
	if (n === 0) return { mean: NaN, ci95: [NaN, NaN] };
	const mean = sum / n;
	if (n === 1) return { mean, ci95: [mean, mean] };
	// Two-pass variance: the one-pass Σx² − n·mean² form cancels badly for large, nearly equal values.
	let ss = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === v) ss += (v - mean) * (v - mean);
	}
	const half = (t975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
	return { mean, ci95: [mean - half, mean + half] };
}

/** Mean and 95% interval of the paired differences a[i] − b[i] (pairs with a NaN on either side are left out). */
export function pairedDiffCI(a: ArrayLike<number>, b: ArrayLike<number>): Metric {
	if (a.length !== b.length) throw new RangeError(`pairedDiffCI: ${a.length} values against ${b.length}`);
	const diff = new Float64Array(a.length);
	for (let i = 0; i < a.length; i++) diff[i] = a[i] - b[i];
	return meanCI(diff);
}
