/** A paired difference of per-replication values (common random numbers), JSON-ready. */
import { pairedDiffCI } from '../stats/interval';
import { finiteOrNull, type Num } from '../stats/runSummary';

/** A paired difference (scenario − baseline): mean, 95% interval, and whether the interval excludes zero. */
export interface Difference {
	mean: Num;
	ci95: [Num, Num];
	significant: boolean;
}

/** A paired difference of per-replication values b − a (a: baseline), as JSON. */
export function difference(baseline: ArrayLike<number>, other: ArrayLike<number>): Difference {
	const m = pairedDiffCI(other, baseline);
	const lo = finiteOrNull(m.ci95[0]);
	const hi = finiteOrNull(m.ci95[1]);
	return { mean: finiteOrNull(m.mean), ci95: [lo, hi], significant: lo !== null && hi !== null && (lo > 0 || hi < 0) };
}
