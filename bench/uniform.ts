/** A cheap deterministic uniform in (0, 1) (a 31-bit LCG), so a bare-calendar baseline's handlers stay trivial. */
export function cheapUniform(seed: number): () => number {
	let x = seed;
	return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) + 0.5) / 0x80000000;
}
