/** How the planning pages write an estimate with its 95% interval: "12,3 [10,1 – 14,6]". */
import type { Num } from '$lib/stats/runSummary';

/**
 * An estimate and its interval in the format `f`. With `bounds`, the interval's ends are kept within them: a
 * Student-t interval may reach past what a KPI can be (a wait below 0, a share above 1); the display does not.
 */
export function intervalText(m: { mean: Num; ci95: readonly [Num, Num] }, f: (x: Num) => string, bounds?: readonly [number, number]): string {
	const c = (x: Num) => (x === null || bounds === undefined ? x : Math.min(bounds[1], Math.max(bounds[0], x)));
	return `${f(m.mean)} [${f(c(m.ci95[0]))} – ${f(c(m.ci95[1]))}]`;
}
