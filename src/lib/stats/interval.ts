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
 * Streaming mean and variance of one value per replication, added in replication order: the mean is the plain
 * sum over n (the same bits as summing an array), the variance Welford's update (as stable as two passes, and it
 * needs no second look at the values, so a run's memory does not grow with its replications).
 */
export class MeanVariance {
	n = 0;
	sum = 0;
	private runningMean = 0;
	private m2 = 0;

	/** Adds one value; NaN (undefined in that replication) is left out. */
	add(v: number): void {
		if (v !== v) return;
		this.n++;
		this.sum += v;
		const d = v - this.runningMean;
		this.runningMean += d / this.n;
		this.m2 += d * (v - this.runningMean);
	}

	/**
	 * The mean and 95% Student-t interval; none gives NaN. One value gives no interval either (NaN bounds, null in
	 * JSON): a zero-width interval would claim a certainty one replication cannot give.
	 */
	metric(): Metric {
		const n = this.n;
		if (n === 0) return { mean: NaN, ci95: [NaN, NaN] };
		const mean = this.sum / n;
		if (n === 1) return { mean, ci95: [NaN, NaN] };
		const half = (t975(n - 1) * Math.sqrt(this.m2 / (n - 1))) / Math.sqrt(n);
		return { mean, ci95: [mean - half, mean + half] };
	}
}

/**
 * Mean and 95% Student-t interval of one value per replication. NaN values (a metric undefined in that
 * replication, e.g. a wait mean with nobody served) are left out; one value gives [mean, mean], none gives NaN.
 */
export function meanCI(values: ArrayLike<number>): Metric {
	const acc = new MeanVariance();
	for (let i = 0; i < values.length; i++) acc.add(values[i]);
	return acc.metric();
}

/** Mean and 95% interval of the paired differences a[i] − b[i] (pairs with a NaN on either side are left out). */
export function pairedDiffCI(a: ArrayLike<number>, b: ArrayLike<number>): Metric {
	if (a.length !== b.length) throw new RangeError(`pairedDiffCI: ${a.length} values against ${b.length}`);
	const diff = new Float64Array(a.length);
	for (let i = 0; i < a.length; i++) diff[i] = a[i] - b[i];
	return meanCI(diff);
}
