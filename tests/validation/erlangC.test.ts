/**
 * The simulator against queueing theory: M/M/c halls that never close (continuous mode) must reproduce
 * Erlang C's mean wait and P(wait ≤ t). Seeds are fixed, so these never flake; each tolerance says why it is enough.
 */
import { describe, expect, it } from 'vitest';
import { erlangC, mmcMeanWait, mmcWaitCdf } from '../../src/lib/analytic/erlangC';
import { runInProcess } from '../../src/lib/sim/run';
import { tQuantile } from '../../src/lib/stats/studentT';
import { continuousScenario, mustParse } from '../fixtures/scenarios';

interface Case {
	c: number;
	rho: number;
	meanService: number;
}

const cases: Case[] = [
	{ c: 1, rho: 0.7, meanService: 5 },
	{ c: 3, rho: 0.8, meanService: 10 },
	{ c: 10, rho: 0.9, meanService: 10 }
];

describe.each(cases)('M/M/$c at load $rho', ({ c, rho, meanService }) => {
	const mu = 1 / meanService;
	const lambda = rho * c * mu;
	const replications = 10;
	const s = mustParse(continuousScenario(c, lambda * 60, meanService, { minutes: 60_000, warmupMinutes: 2_000, replications, seed: 20240611 + c }));
	const results = runInProcess(s, s.run.seed, replications, { keepLegs: true });

	it('matches Erlang C for the mean wait', () => {
		const theory = mmcMeanWait(lambda, mu, c);
		const means = results.map((r) => r.summary.overall.waitMean);
		const m = means.reduce((a, b) => a + b, 0) / means.length;
		const sd = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
		const half = tQuantile(0.9995, replications - 1) * (sd / Math.sqrt(replications));
		// 99.9% Student-t interval over independent replications: theory must fall inside it. Replication means
		// of 60 000-minute runs are close to normal, so the interval is honest; the fixed seed keeps it stable.
		expect(Math.abs(m - theory)).toBeLessThanOrEqual(half);
		// And the estimate is tight enough to mean something: within 10% of theory.
		expect(Math.abs(m - theory) / theory).toBeLessThan(0.1);
	});

	it('matches Erlang C for P(wait ≤ t) and P(wait > 0)', () => {
		const waits = results.flatMap((r) => r.legs!.filter((l) => l.measured && l.outcome === 'served').map((l) => l.wait));
		const n = waits.length;
		for (const t of [0, meanService / 2, meanService, 3 * meanService]) {
			const share = waits.filter((w) => w <= t + 1e-12).length / n;
			const theory = t === 0 ? 1 - erlangC(c, lambda / mu) : mmcWaitCdf(t, lambda, mu, c);
			// Waits are autocorrelated, so the binomial error √(p(1−p)/n) (< 0.002 here with n > 100 000) understates
			// the real one several-fold; 0.02 absolute is about 5× the replication-to-replication standard error.
			expect(Math.abs(share - theory)).toBeLessThan(0.02);
		}
	});
});
