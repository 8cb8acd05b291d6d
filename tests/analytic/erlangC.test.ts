import { describe, expect, it } from 'vitest';
import {
	erlangB,
	erlangC,
	minServersFor,
	mmcMeanWait,
	mmcServiceLevel,
	mmcWaitCdf
} from '../../src/lib/analytic/erlangC';

/**
 * Erlang C straight from its textbook definition (e.g. Kleinrock, Queueing Systems vol. 1, eq. 3.40; Wikipedia
 * "Erlang (unit)", Erlang C formula): (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c−a)), in log space so it
 * also works for large c. An independent check of the Erlang-B recursion used by the module.
 */
function erlangCDirect(c: number, a: number): number {
	const logTerm = (k: number) => {
		let lf = 0;
		for (let i = 2; i <= k; i++) lf += Math.log(i);
		return k * Math.log(a) - lf;
	};
	const top = logTerm(c) + Math.log(c / (c - a));
	let max = top;
	for (let k = 0; k < c; k++) max = Math.max(max, logTerm(k));
	let sum = 0;
	for (let k = 0; k < c; k++) sum += Math.exp(logTerm(k) - max);
	const t = Math.exp(top - max);
	return t / (sum + t);
}

describe('erlangC', () => {
	it('equals ρ for one server (M/M/1: P(wait) = ρ)', () => {
		for (const a of [0, 0.1, 0.5, 0.9, 0.999]) expect(erlangC(1, a)).toBeCloseTo(a, 14);
	});

	it('matches small cases worked by hand', () => {
		// c = 2, a = 1: Σ_{k<2} = 1 + 1 = 2; a²/2!·2/(2−1) = 1 → C = 1/3.
		expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
		// c = 3, a = 2: Σ_{k<3} = 1 + 2 + 2 = 5; 8/6·3/1 = 4 → C = 4/9 = 0.4444 (the usual textbook example).
		expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 14);
		expect(erlangC(3, 2)).toBeCloseTo(0.4444, 4);
		// Erlang B by hand: B(1, 1) = 1/2, B(2, 1) = (1/2)/(2 + 1/2) = 1/5.
		expect(erlangB(1, 1)).toBe(0.5);
		expect(erlangB(2, 1)).toBeCloseTo(0.2, 14);
	});

	it('matches published Erlang C table values', () => {
		// 10 Erlangs offered to 11 servers: P(wait) = 0.6821, as listed in standard Erlang C tables (and reproduced
		// by erlangCDirect below). 6 Erlangs on 10 servers (120 customers/h, 3-minute service, 10 assistants): the
		// textbook exercise reads "about 0.10" off the Erlang C curve; the formula gives 0.1013.
		expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4);
		expect(erlangC(10, 6)).toBeCloseTo(0.1013, 4);
	});

	it('agrees with the direct formula, without overflow up to 500 servers', () => {
		for (const [c, a] of [[1, 0.5], [5, 3.7], [11, 10], [24, 20], [120, 110], [500, 480], [500, 499.5]] as const) {
			const got = erlangC(c, a);
			expect(Number.isFinite(got)).toBe(true);
			expect(got).toBeGreaterThan(0);
			expect(got).toBeLessThanOrEqual(1);
			// Relative 1e-9: both are double-precision evaluations of the same quantity by different routes.
			expect(Math.abs(got - erlangCDirect(c, a)) / got).toBeLessThan(1e-9);
		}
	});

	it('says everyone waits when the load reaches the servers, and rejects bad input', () => {
		expect(erlangC(3, 3)).toBe(1);
		expect(erlangC(3, 5)).toBe(1);
		expect(erlangC(0, 1)).toBeNaN();
		expect(erlangC(2.5, 1)).toBeNaN();
		expect(erlangC(2, -1)).toBeNaN();
	});
});

describe('M/M/c waits', () => {
	it('gives the M/M/1 mean wait ρ/(μ − λ) and waiting-time distribution', () => {
		// λ = 0.5/min, μ = 1/min: Wq = 0.5 / 0.5 = 1 minute; P(W ≤ t) = 1 − ½e^{−t/2}.
		expect(mmcMeanWait(0.5, 1, 1)).toBeCloseTo(1, 14);
		expect(mmcWaitCdf(0, 0.5, 1, 1)).toBeCloseTo(0.5, 14);
		expect(mmcWaitCdf(2, 0.5, 1, 1)).toBeCloseTo(1 - 0.5 * Math.exp(-1), 14);
		expect(mmcWaitCdf(-1, 0.5, 1, 1)).toBe(0);
		expect(mmcServiceLevel(0.5, 1, 1, 2)).toBe(mmcWaitCdf(2, 0.5, 1, 1));
	});

	it('gives Wq = C/(cμ − λ) for several servers', () => {
		// c = 3, λ = 2, μ = 1: C = 4/9, Wq = (4/9)/1.
		expect(mmcMeanWait(2, 1, 3)).toBeCloseTo(4 / 9, 14);
		expect(mmcWaitCdf(1, 2, 1, 3)).toBeCloseTo(1 - (4 / 9) * Math.exp(-1), 14);
	});

	it('is unstable at or beyond full load', () => {
		expect(mmcMeanWait(3, 1, 3)).toBe(Infinity);
		expect(mmcWaitCdf(10, 3, 1, 3)).toBe(0);
	});
});

describe('minServersFor', () => {
	it('finds the fewest servers that meet the target, and one fewer does not', () => {
		// 30 arrivals per hour, 5-minute mean service: a = 2.5 Erlangs; at most 10% may wait at all.
		const c = minServersFor(0.5, 0.2, { maxProbWait: 0.1 });
		expect(c).toBe(6);
		expect(erlangC(c, 2.5)).toBeLessThanOrEqual(0.1);
		expect(erlangC(c - 1, 2.5)).toBeGreaterThan(0.1);
	});

	it('honours service level and mean wait targets together', () => {
		const target = { serviceLevel: { share: 0.8, withinMinutes: 15 }, maxMeanWait: 5 };
		// 400 visitors over 7 hours, 9-minute service.
		const lambda = 400 / 420;
		const mu = 1 / 9;
		const c = minServersFor(lambda, mu, target);
		expect(c).toBeGreaterThan(lambda / mu);
		expect(mmcServiceLevel(lambda, mu, c, 15)).toBeGreaterThanOrEqual(0.8);
		expect(mmcMeanWait(lambda, mu, c)).toBeLessThanOrEqual(5);
		const fewer = c - 1;
		expect(mmcServiceLevel(lambda, mu, fewer, 15) < 0.8 || mmcMeanWait(lambda, mu, fewer) > 5).toBe(true);
		// With no criterion, the fewest servers that keep the queue stable.
		expect(minServersFor(lambda, mu, {})).toBe(Math.floor(lambda / mu) + 1);
	});
});
