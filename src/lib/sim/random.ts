import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * A named random stream derived from (seed, replication, name). Every random quantity in a run comes from
 * one, so two runs that share a seed share every stream — the basis of common random numbers.
 * Alea is used for speed; its quality is ample for simulation input.
 */
export function stream(seed: number, replication: number, name: string): Rng {
	return seedrandom.alea(`mpp|${seed}|${replication}|${name}`);
}
