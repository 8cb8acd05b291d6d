/**
 * Erlang A against published calculator output, exact special cases, limits and its own identities. Rates are per
 * minute throughout.
 */
import { describe, expect, it } from 'vitest';
import {
	erlangA,
	erlangAServedWaitCdf,
	erlangAServedWaitQuantile,
	erlangCWaitQuantile,
	logLowerGamma
} from '../../src/lib/analytic/erlangA';
import { erlangC, mmcMeanWait, mmcWaitCdf } from '../../src/lib/analytic/erlangC';

describe('published values', () => {
	it('matches the pyworkforce Erlang A guide example (13 positions)', () => {
		// pyworkforce documentation, "Erlang A (abandonment)" guide (https://pyworkforce.rodrigo-arenas.com/stable/guide/erlanga):
		// 100 transactions in a 30-minute interval, AHT 3 min, patience 5 min → with 13 raw positions it prints
		// waiting_probability 0.226…, abandonment_probability 0.025…, average_speed_of_answer 0.125… (minutes, over all
		// arrivals), occupancy 0.750… and service_level 0.858… (share of arrivals served within asa = 20 s). pyworkforce
		// computes these from the birth–death chain directly, so this is an independent implementation. The guide
		// truncates to three decimals, hence the tolerance of half a unit in the third decimal.
		const n = 13;
		const lambda = 100 / 30;
		const mu = 1 / 3;
		const theta = 1 / 5;
		const r = erlangA(n, lambda, mu, theta);
		expect(r.pWait).toBeCloseTo(0.226, 3);
		expect(r.pAbandon).toBeCloseTo(0.025, 3);
		expect(r.meanWaitAll).toBeCloseTo(0.125, 3);
		expect(r.utilization).toBeCloseTo(0.75, 3);
		const servedWithin20s = erlangAServedWaitCdf(20 / 60, n, lambda, mu, theta) * (1 - r.pAbandon);
		expect(servedWithin20s).toBeCloseTo(0.858, 3);
	});
});

describe('exact special cases and limits', () => {
	it('reduces to M/M/∞ when patience and service rates are equal (θ = μ: every customer leaves at rate μ)', () => {
		// With θ = μ every one of the k customers in the system leaves at rate μ, served or not: the death rates are
		// kμ, those of M/M/∞, so N is Poisson(λ/μ), P{W > 0} = P(N ≥ n) and P{Ab} = θ·E[(N − n)⁺]/λ (Little on the queue).
		for (const [n, lambda, mu] of [
			[1, 0.5, 1],
			[5, 4.5, 1],
			[20, 25, 2]
		]) {
			const a = lambda / mu;
			let p = Math.exp(-a);
			let tail = 0;
			let excess = 0;
			for (let k = 0; k < 400; k++) {
				if (k >= n) {
					tail += p;
					excess += (k - n) * p;
				}
				p *= a / (k + 1);
			}
			const r = erlangA(n, lambda, mu, mu);
			expect(r.pWait).toBeCloseTo(tail, 12);
			expect(r.pAbandon).toBeCloseTo(excess / a, 12);
		}
	});

	it('tends to Erlang C as patience grows (θ → 0)', () => {
		for (const [n, lambda, mu] of [
			[1, 0.7, 1],
			[3, 2, 1],
			[10, 0.85, 0.1]
		]) {
			const theta = 1e-7 * mu;
			const r = erlangA(n, lambda, mu, theta);
			expect(r.pWait).toBeCloseTo(erlangC(n, lambda / mu), 5);
			expect(r.pAbandon).toBeLessThan(1e-5);
			expect(r.meanWaitServed / mmcMeanWait(lambda, mu, n)).toBeCloseTo(1, 4);
			expect(erlangAServedWaitQuantile(0.9, n, lambda, mu, theta) / erlangCWaitQuantile(0.9, n, lambda, mu)).toBeCloseTo(1, 4);
			expect(erlangAServedWaitCdf(5, n, lambda, mu, theta)).toBeCloseTo(mmcWaitCdf(5, lambda, mu, n), 5);
		}
	});

	it('holds P{Ab} = θ·E[W] exactly (E[W] from the state distribution, P{Ab} from the closed form)', () => {
		for (const [n, lambda, mu, theta] of [
			[1, 0.5, 1, 2],
			[3, 2.5, 1, 0.5],
			[10, 12, 1, 0.2],
			[50, 48, 1, 0.5],
			[4, 0.5, 1 / 12, 1 / 120]
		]) {
			const r = erlangA(n, lambda, mu, theta);
			expect(r.pAbandon).toBeGreaterThan(0);
			expect(theta * r.meanWaitAll).toBeCloseTo(r.pAbandon, 12);
		}
	});

	it('has a served-wait distribution whose mean is E[W | served] (two independent derivations)', () => {
		for (const [n, lambda, mu, theta] of [
			[3, 2.5, 1, 0.5],
			[1, 0.5, 1, 2],
			[10, 12, 1, 0.2]
		]) {
			const r = erlangA(n, lambda, mu, theta);
			// ∫ (1 − F) dt by the midpoint rule on a fine grid, until the tail vanishes.
			let integral = 0;
			const dt = 0.002;
			for (let t = 0; t < 500; t += dt) {
				const tail = 1 - erlangAServedWaitCdf(t + dt / 2, n, lambda, mu, theta);
				integral += tail * dt;
				if (tail < 1e-12) break;
			}
			expect(integral / r.meanWaitServed).toBeCloseTo(1, 4);
		}
	});
});

/** log γ(a, z) by its series, every term summed (the reference for the continued fraction far above a). */
function logLowerGammaBySeries(a: number, z: number): number {
	let logTerm = -Math.log(a);
	let max = logTerm;
	let sum = 1;
	for (let k = 1; k < 10 * z + 1000; k++) {
		logTerm += Math.log(z) - Math.log(a + k);
		if (logTerm > max) {
			sum = sum * Math.exp(max - logTerm) + 1;
			max = logTerm;
		} else sum += Math.exp(logTerm - max);
	}
	return a * Math.log(z) - z + max + Math.log(sum);
}

/** A, P{Ab} and E[W] of Erlang A from the birth–death chain, every state summed from 0 (the reference for the sum started near its peak). */
function erlangAByFullChain(n: number, lambda: number, mu: number, theta: number): { logA: number; meanWaitOverA: number; servedWaitOverA: number } {
	const x = (n * mu) / theta;
	const y = lambda / theta;
	let logW = 0;
	let max = 0;
	let sA = 0;
	let sW = 0;
	let sWs = 0;
	let h = 0;
	for (let j = 0; j < 50 * y; j++) {
		if (j > 0) logW += Math.log(y) - Math.log(x + j);
		const rate = n * mu + (j + 1) * theta;
		h += 1 / rate;
		if (logW > max) {
			const f = Math.exp(max - logW);
			sA *= f;
			sW *= f;
			sWs *= f;
			max = logW;
		}
		const w = Math.exp(logW - max);
		sA += w;
		sW += w * ((j + 1) / rate);
		sWs += w * ((n * mu) / rate) * h;
	}
	return { logA: max + Math.log(sA), meanWaitOverA: sW / sA, servedWaitOverA: sWs / sA };
}

describe('long patience at heavy load: cost in √y, not y', () => {
	it('log γ(a, z) far above a, from the continued fraction, equals the full series', () => {
		for (const [a, z] of [
			[5, 400],
			[60.5, 2000],
			[1000, 1200],
			[3.2, 50]
		]) {
			expect(logLowerGamma(a, z)).toBeCloseTo(logLowerGammaBySeries(a, z), 9);
		}
	});

	it('Erlang A summed from near the chain\'s peak agrees with the chain summed from 0', () => {
		// Overload (λ > nμ) with a patience of days: y − x is tens of thousands of states before the peak.
		for (const [n, lambda, mu, theta] of [
			[10, 20, 1, 1 / 5000],
			[3, 4, 0.5, 1 / 20_000],
			[40, 30, 1, 1 / 3000]
		]) {
			const ref = erlangAByFullChain(n, lambda, mu, theta);
			const r = erlangA(n, lambda, mu, theta);
			// P{Ab} = θ E[W] holds exactly; E[W | W > 0] is the chain's mean, computed either way.
			expect(r.pAbandon).toBeCloseTo(theta * r.meanWaitAll, 9);
			expect(r.meanWaitAll / r.pWait).toBeCloseTo(ref.meanWaitOverA, 6);
			expect((r.meanWaitServed * (1 - r.pAbandon)) / r.pWait).toBeCloseTo(ref.servedWaitOverA, 6);
		}
	});
});

describe('numerical behaviour', () => {
	it('gives a served-wait CDF that starts at P(no wait | served), rises and reaches 1, with a consistent quantile', () => {
		const [n, lambda, mu, theta] = [3, 2.5, 1, 0.5];
		const r = erlangA(n, lambda, mu, theta);
		expect(erlangAServedWaitCdf(0, n, lambda, mu, theta)).toBeCloseTo((1 - r.pWait) / (1 - r.pAbandon), 12);
		let last = 0;
		for (let t = 0; t <= 20; t += 0.25) {
			const f = erlangAServedWaitCdf(t, n, lambda, mu, theta);
			expect(f).toBeGreaterThanOrEqual(last - 1e-15);
			last = f;
		}
		expect(last).toBeCloseTo(1, 9);
		const q = erlangAServedWaitQuantile(0.9, n, lambda, mu, theta);
		expect(erlangAServedWaitCdf(q, n, lambda, mu, theta)).toBeCloseTo(0.9, 8);
		expect(erlangAServedWaitQuantile(0.1, n, lambda, mu, theta)).toBe(0);
	});

	it('stays finite for many servers and for heavy overload', () => {
		const big = erlangA(300, 320, 1, 0.01);
		expect(big.pWait).toBeCloseTo(1, 6);
		// Overloaded by 20 servers' worth: the excess leaves, P{Ab} ≈ (λ − nμ)/λ = 0.0625 (fluid limit).
		expect(big.pAbandon).toBeCloseTo(0.0625, 2);
		const light = erlangA(200, 20, 1, 1);
		expect(light.pWait).toBeLessThan(1e-50);
		expect(light.pAbandon).toBeGreaterThanOrEqual(0);
		for (const v of Object.values(big)) expect(Number.isFinite(v)).toBe(true);
	});

	it('rejects invalid parameters with NaN', () => {
		expect(erlangA(0, 1, 1, 1).pWait).toBeNaN();
		expect(erlangA(2, 1, 1, 0).pWait).toBeNaN();
		expect(erlangA(2, -1, 1, 1).pWait).toBeNaN();
		expect(erlangAServedWaitQuantile(1, 2, 1, 1, 1)).toBeNaN();
	});

	it('computes the lower incomplete gamma function in log space', () => {
		// γ(1, z) = 1 − e^−z and γ(a+1, z) = a·γ(a, z) − z^a e^−z.
		for (const z of [0.001, 0.5, 3, 40]) expect(Math.exp(logLowerGamma(1, z))).toBeCloseTo(-Math.expm1(-z), 12);
		for (const [a, z] of [
			[2.5, 1.7],
			[30, 12],
			[12, 60]
		]) {
			const lhs = Math.exp(logLowerGamma(a + 1, z));
			const rhs = a * Math.exp(logLowerGamma(a, z)) - Math.exp(a * Math.log(z) - z);
			expect(lhs / rhs).toBeCloseTo(1, 10);
		}
		// Far beyond the double range of γ itself: the log stays finite.
		expect(Number.isFinite(logLowerGamma(5000, 100))).toBe(true);
		expect(logLowerGamma(2, 0)).toBe(-Infinity);
	});
});

describe('erlangCWaitQuantile', () => {
	it('inverts the Erlang C wait CDF and is 0 when few wait', () => {
		const q = erlangCWaitQuantile(0.9, 3, 2, 1);
		expect(mmcWaitCdf(q, 2, 1, 3)).toBeCloseTo(0.9, 12);
		expect(erlangCWaitQuantile(0.9, 10, 1, 1)).toBe(0);
		expect(erlangCWaitQuantile(0.9, 2, 3, 1)).toBe(Infinity);
	});
});
