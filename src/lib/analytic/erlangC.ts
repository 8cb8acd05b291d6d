/**
 * Erlang B / Erlang C and the M/M/c queue: cross-checks for the simulator and starting points for sizing.
 * Rates and times in any consistent unit (the project uses minutes): λ arrivals and μ services per minute.
 */

/** Erlang B blocking probability for c servers and offered load a (Erlangs), by the stable recursion B(k) = aB(k−1)/(k + aB(k−1)). */
export function erlangB(c: number, a: number): number {
	if (!Number.isInteger(c) || c < 0 || !(a >= 0)) return NaN;
	// The recursion never forms a^c or c!, so it neither overflows nor loses precision for c in the thousands.
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
	return b;
}

/** Erlang C: probability that an arrival waits, for c servers and offered load a = λ/μ (1 when a ≥ c). */
export function erlangC(c: number, a: number): number {
	if (!Number.isInteger(c) || c < 1 || !(a >= 0)) return NaN;
	// At or beyond full load the queue grows without bound: everyone waits.
	if (a >= c) return 1;
	const b = erlangB(c, a);
	return (c * b) / (c - a * (1 - b));
}

/** Mean wait in queue Wq = C / (cμ − λ) of an M/M/c queue (Infinity when unstable). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
	if (!(lambda >= 0) || !(mu > 0)) return NaN;
	if (lambda >= c * mu) return Infinity;
	return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** P(W ≤ t) = 1 − C·e^{−(cμ−λ)t} for the queueing delay W of an M/M/c queue (FIFO). */
export function mmcWaitCdf(t: number, lambda: number, mu: number, c: number): number {
	if (!(lambda >= 0) || !(mu > 0) || Number.isNaN(t)) return NaN;
	if (t < 0) return 0;
	if (lambda >= c * mu) return 0;
	return 1 - erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
}

/** Share of arrivals that wait at most `withinMinutes` (the service level) in an M/M/c queue. */
export function mmcServiceLevel(lambda: number, mu: number, c: number, withinMinutes: number): number {
	return mmcWaitCdf(withinMinutes, lambda, mu, c);
}

/** What a sizing must achieve; every given criterion must hold. */
export interface SizingTarget {
	/** Largest acceptable mean wait in queue. */
	maxMeanWait?: number;
	/** Smallest acceptable share waiting at most `withinMinutes`. */
	serviceLevel?: { share: number; withinMinutes: number };
	/** Largest acceptable probability of waiting at all. */
	maxProbWait?: number;
}

// Beyond this many servers above the load every criterion short of perfection is met: stop looking.
const SEARCH_SLACK = 10_000;

/** Fewest servers c with a stable M/M/c queue meeting every criterion of `target` (Infinity if none within reach). */
export function minServersFor(lambda: number, mu: number, target: SizingTarget): number {
	if (!(lambda >= 0) || !(mu > 0)) return NaN;
	const a = lambda / mu;
	// Erlang B is built up one server at a time, so the whole search costs O(c), not O(c²).
	let b = 1;
	const limit = Math.floor(a) + SEARCH_SLACK;
	for (let c = 1; c <= limit; c++) {
		b = (a * b) / (c + a * b);
		if (a >= c) continue;
		const pWait = (c * b) / (c - a * (1 - b));
		const rate = c * mu - lambda;
		if (target.maxProbWait !== undefined && pWait > target.maxProbWait) continue;
		if (target.maxMeanWait !== undefined && pWait / rate > target.maxMeanWait) continue;
		if (target.serviceLevel !== undefined) {
			const sl = 1 - pWait * Math.exp(-rate * target.serviceLevel.withinMinutes);
			if (sl < target.serviceLevel.share) continue;
		}
		return c;
	}
	return Infinity;
}
