/**
 * Erlang A (Palm's M/M/n+M queue): Poisson arrivals λ, n servers with exponential service rate μ, and customers
 * who leave the queue after an exponential patience with rate θ (mean 1/θ). Rates in any consistent unit (the
 * project uses minutes).
 *
 * Formulas: A. Mandelbaum and S. Zeltyn, "The Palm/Erlang-A queue, with applications to call centers" (Technion
 * note, 2005, §3–4) and "The M/M/n+G queue: summary of performance measures" (2005, Erlang-A section); also
 * O. Garnett, A. Mandelbaum and M. Reiman, "Designing a call center with impatient customers", M&SOM 4 (2002).
 * With x = nμ/θ, y = λ/θ and E = Erlang B(n, λ/μ):
 *   A(x, y)   = x·e^y·y^(−x)·γ(x, y) = 1 + Σ_{j≥1} y^j / ((x+1)(x+2)…(x+j))     (γ: lower incomplete gamma)
 *   P{W > 0}  = A·E / (1 + (A − 1)·E)
 *   P{Ab}     = (1/(ρA) + 1 − 1/ρ) · P{W > 0},   ρ = λ/(nμ)
 *   P{V > t}  = P{W > 0} · γ(x, y·e^(−θt)) / γ(x, y)   (V: the offered wait, the wait of an infinitely patient customer)
 * and the identity P{Ab} = θ·E[W] (E[W] over all arrivals), which holds exactly for exponential patience.
 *
 * Stability of the numbers: the series of A is the birth–death chain's own ratios π_{n+j}/π_n, summed in log
 * space with a running maximum, so nothing overflows for y ≫ x (overload) or underflows for y ≪ x; the mean
 * waits are computed from that same state distribution (not from the P{Ab} formula), so the identity P{Ab} =
 * θE[W] is a real check in the tests.
 */
import { digamma, logGamma, logUpperIncompleteGamma } from '../stats/specialFunctions';
import { erlangB, erlangC } from './erlangC';

/** Erlang A performance measures; waits in the unit of the rates. */
export interface ErlangAResult {
	/** P{W > 0}: an arrival finds every server busy. */
	pWait: number;
	/** P{Ab}: an arrival abandons. */
	pAbandon: number;
	/** E[W] over all arrivals (served and abandoning; an abandoning one counts its wait until it leaves). */
	meanWaitAll: number;
	/** E[W | served]: the mean wait of those who are served. */
	meanWaitServed: number;
	/** Server utilisation: the served load λ(1 − P{Ab})/(nμ). */
	utilization: number;
}

// Sums stop once terms fall this far (in natural log) below the largest one: e^−40 ≈ 4e−18 of it.
const LOG_TAIL = 40;
// At most this many terms (the chain's mass sits around j ≈ y − x; beyond this the parameters are absurd).
const MAX_TERMS = 20_000_000;

function valid(n: number, lambda: number, mu: number, theta: number): boolean {
	return Number.isInteger(n) && n >= 1 && lambda >= 0 && mu > 0 && theta > 0 && Number.isFinite(lambda + mu + theta);
}

/**
 * log of the lower incomplete gamma function γ(a, z) = ∫₀^z t^(a−1) e^(−t) dt for a > 0, z ≥ 0, from the
 * series γ(a, z) = z^a e^(−z) Σ_{k≥0} z^k / (a(a+1)…(a+k)), summed in log space (−Infinity for z = 0).
 */
export function logLowerGamma(a: number, z: number): number {
	if (!(a > 0) || !(z >= 0)) return NaN;
	if (z === 0) return -Infinity;
	// Far above a the series needs about z terms (a patience of days at a busy hall: a million): there γ = Γ(a) − Γ(a, z)
	// with Γ(a, z) from its continued fraction. Past a + 4√a, Γ(a, z)/Γ(a) < 10⁻⁴, so the difference loses nothing.
	if (z > a + 1 + 4 * Math.sqrt(a)) {
		const lg = logGamma(a);
		return lg + Math.log1p(-Math.exp(logUpperIncompleteGamma(a, z) - lg));
	}
	const logZ = Math.log(z);
	let logTerm = -Math.log(a);
	let max = logTerm;
	let sum = 1;
	for (let k = 1; k < MAX_TERMS; k++) {
		logTerm += logZ - Math.log(a + k);
		if (logTerm > max) {
			sum = sum * Math.exp(max - logTerm) + 1;
			max = logTerm;
		} else {
			sum += Math.exp(logTerm - max);
			// Terms fall from here on once a + k > z; stop when they no longer matter.
			if (a + k > z && logTerm < max - LOG_TAIL) break;
		}
	}
	return a * logZ - z + max + Math.log(sum);
}

/** The state weights w_j = π_{n+j}/π_n = y^j / ((x+1)…(x+j)) in log space, with what the measures need summed. */
function chainSums(n: number, lambda: number, mu: number, theta: number) {
	const x = (n * mu) / theta;
	const y = lambda / theta;
	const logY = Math.log(y);
	// The weights rise to their peak near j = y − x and fall after it, log-concave with curvature about 1/y: ten
	// standard deviations (10√y) before the peak they are e^(−50) of it and fewer than y of them, so the sum starts
	// there, its weight and H in closed form, instead of stepping through up to millions of negligible states.
	const first = Math.max(0, Math.floor(y - x - 10 * Math.sqrt(y + 1)));
	// log w_first = first·log y − log((x+1)…(x+first)).
	let logW = first === 0 ? 0 : first * logY - (logGamma(x + first + 1) - logGamma(x + 1));
	// Running sums are scaled by e^(−max) to stay finite: Σw, Σw·P(ab | j), Σw·E[W | j], Σw·E[W; served | j].
	let max = logW;
	let sA = 0;
	let sAb = 0;
	let sW = 0;
	let sWs = 0;
	// H = Σ_{i=1}^{j+1} 1/(nμ + iθ): the mean wait of a served customer who found j others waiting; Σ_{i=1}^{first}
	// 1/(θ(x+i)) = (ψ(x+first+1) − ψ(x+1))/θ.
	let h = first === 0 ? 0 : (digamma(x + first + 1) - digamma(x + 1)) / theta;
	for (let j = first; j < first + MAX_TERMS; j++) {
		if (j > first) logW += logY - Math.log(x + j);
		const rate = n * mu + (j + 1) * theta;
		h += 1 / rate;
		// Found j waiting: served with probability nμ/(nμ+(j+1)θ) (the per-phase odds telescope), waits
		// (j+1)/(nμ+(j+1)θ) on average until served or gone, and nμ/(nμ+(j+1)θ)·H_j in total if served.
		const pServed = (n * mu) / rate;
		if (logW > max) {
			const f = Math.exp(max - logW);
			sA *= f;
			sAb *= f;
			sW *= f;
			sWs *= f;
			max = logW;
		}
		const w = Math.exp(logW - max);
		sA += w;
		sAb += w * (1 - pServed);
		sW += w * ((j + 1) / rate);
		sWs += w * pServed * h;
		if (x + j > lambda / theta && logW < max - LOG_TAIL) break;
	}
	return { logA: max + Math.log(sA), pAbGivenWait: sAb / sA, waitGivenWait: sW / sA, servedWaitGivenWait: sWs / sA };
}

/** P{W > 0} of Erlang A from A(x, y) and Erlang B, in a form that neither overflows nor divides 0 by 0. */
function delayProbability(n: number, lambda: number, mu: number, logA: number): number {
	const e = erlangB(n, lambda / mu);
	if (e === 0) return 0;
	// P = A·E/(1 + (A−1)·E) = 1 / (1 + (1/E − 1)/A).
	return 1 / (1 + Math.exp(Math.log1p(-e) - Math.log(e) - logA));
}

/** All Erlang A measures for n servers, arrival rate λ, service rate μ and patience rate θ > 0. */
export function erlangA(n: number, lambda: number, mu: number, theta: number): ErlangAResult {
	if (!valid(n, lambda, mu, theta)) return { pWait: NaN, pAbandon: NaN, meanWaitAll: NaN, meanWaitServed: NaN, utilization: NaN };
	if (lambda === 0) return { pWait: 0, pAbandon: 0, meanWaitAll: 0, meanWaitServed: 0, utilization: 0 };
	const sums = chainSums(n, lambda, mu, theta);
	const pWait = delayProbability(n, lambda, mu, sums.logA);
	const rho = lambda / (n * mu);
	// Mandelbaum & Zeltyn's closed form for P{Ab | W > 0}; clipped at 0 against rounding when it is tiny.
	const pAbGivenWait = Math.max(0, Math.exp(-Math.log(rho) - sums.logA) + 1 - 1 / rho);
	const pAbandon = pWait * pAbGivenWait;
	const meanWaitAll = pWait * sums.waitGivenWait;
	const pServed = 1 - pAbandon;
	const meanWaitServed = pServed > 0 ? (pWait * sums.servedWaitGivenWait) / pServed : NaN;
	return { pWait, pAbandon, meanWaitAll, meanWaitServed, utilization: Math.min(1, rho * pServed) };
}

/**
 * P(W ≤ t | served) for Erlang A: the wait distribution of the customers who are served (what the simulator's
 * wait percentiles measure). From P{V > t} above, P(0 < W ≤ t, served) = P{W>0}·[γ(x+1, y) − γ(x+1, y·e^(−θt))] / (y·γ(x, y)).
 */
export function erlangAServedWaitCdf(t: number, n: number, lambda: number, mu: number, theta: number): number {
	if (!valid(n, lambda, mu, theta) || Number.isNaN(t)) return NaN;
	return servedWaitCdf(n, lambda, mu, theta)(t);
}

/**
 * `erlangAServedWaitCdf` as a function of t for valid parameters: what does not depend on t (the chain sums and
 * two incomplete gammas) is computed once, so a search over t costs one incomplete gamma per step.
 */
function servedWaitCdf(n: number, lambda: number, mu: number, theta: number): (t: number) => number {
	if (lambda === 0) return (t) => (t < 0 ? 0 : 1);
	const r = erlangA(n, lambda, mu, theta);
	const x = (n * mu) / theta;
	const y = lambda / theta;
	const logGx = logLowerGamma(x, y);
	const logG1 = logLowerGamma(x + 1, y);
	const servedAfterWait = r.pWait * Math.exp(logG1 - Math.log(y) - logGx);
	const pServed = 1 - r.pAbandon;
	return (t) => {
		if (t < 0) return 0;
		// Share of the waiting customers' served mass reached by t: 1 − γ(x+1, y e^(−θt)) / γ(x+1, y).
		const logG1t = logLowerGamma(x + 1, y * Math.exp(-theta * t));
		const reached = -Math.expm1(logG1t - logG1);
		return Math.min(1, (1 - r.pWait + servedAfterWait * reached) / pServed);
	};
}

/** The p-quantile (e.g. 0.9) of the wait of served customers in Erlang A, by bisection on the CDF. */
export function erlangAServedWaitQuantile(p: number, n: number, lambda: number, mu: number, theta: number): number {
	if (!valid(n, lambda, mu, theta) || !(p > 0 && p < 1)) return NaN;
	const cdf = servedWaitCdf(n, lambda, mu, theta);
	if (cdf(0) >= p) return 0;
	let lo = 0;
	let hi = 1 / (n * mu + theta);
	while (cdf(hi) < p) {
		lo = hi;
		hi *= 2;
		if (hi > 1e12) return Infinity;
	}
	for (let i = 0; i < 60 && hi - lo > 1e-9 * hi; i++) {
		const mid = (lo + hi) / 2;
		if (cdf(mid) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/** The p-quantile of the queueing delay of an M/M/c queue (Erlang C, FIFO): 0 when P(wait) ≤ 1 − p. */
export function erlangCWaitQuantile(p: number, c: number, lambda: number, mu: number): number {
	if (!(p > 0 && p < 1) || !(lambda >= 0) || !(mu > 0)) return NaN;
	if (lambda >= c * mu) return Infinity;
	const pw = erlangC(c, lambda / mu);
	// P(W > t) = C·e^(−(cμ−λ)t) = 1 − p.
	return pw <= 1 - p ? 0 : Math.log(pw / (1 - p)) / (c * mu - lambda);
}
