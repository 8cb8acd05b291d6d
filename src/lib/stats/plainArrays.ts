/** Small numeric helpers the per-replication summaries share. */

/** num / den, or NaN when there is nothing to divide by (an undefined figure, not zero). */
export const ratio = (num: number, den: number): number => (den > 0 ? num / den : NaN);

/** [f(0), …, f(n - 1)]: a plain loop (Array.from over a typed array goes through its iterator, a few times slower). */
export function listOf(n: number, f: (i: number) => number): number[] {
	const out = new Array<number>(n);
	for (let i = 0; i < n; i++) out[i] = f(i);
	return out;
}
