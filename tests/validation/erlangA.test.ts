/**
 * The simulator against Erlang A: an M/M/3+M hall that never closes, at a load where abandonment matters
 * (λ = 3μ, mean patience twice the mean service), must reproduce the share who abandon, the mean wait and the
 * P90 wait of those served. The seed is fixed, so this never flakes; tolerances say why they are enough.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangAServedWaitQuantile } from '../../src/lib/analytic/erlangA';
import { runInProcess } from '../../src/lib/sim/run';
import { tQuantile } from '../../src/lib/stats/studentT';
import { continuousScenario, mustParse } from '../fixtures/scenarios';

describe('M/M/3+M at offered load 3 (ρ = 1)', () => {
	const c = 3;
	const meanService = 5;
	const lambda = 0.6;
	const patience = 10;
	const replications = 6;
	const input = continuousScenario(c, lambda * 60, meanService, { minutes: 40_000, warmupMinutes: 1_000, replications, seed: 77 });
	input.demand.patience = { dist: 'exponential', mean: patience };
	const s = mustParse(input);
	const runs = runInProcess(s, 77, replications).map((r) => r.summary.overall);
	const theory = erlangA(c, lambda, 1 / meanService, 1 / patience);

	const check = (values: number[], expected: number) => {
		const m = values.reduce((a, b) => a + b, 0) / values.length;
		const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
		// 99.9% Student-t interval over independent 40 000-minute replications (each ~24 000 arrivals, so their
		// means are close to normal): theory must fall inside it, and the estimate must be within 5% of theory.
		const half = tQuantile(0.9995, values.length - 1) * (sd / Math.sqrt(values.length));
		expect(Math.abs(m - expected)).toBeLessThanOrEqual(half);
		expect(Math.abs(m - expected) / expected).toBeLessThan(0.05);
	};

	it('matches P{Ab}', () => check(runs.map((r) => r.abandonRate), theory.pAbandon));
	it('matches E[W | served]', () => check(runs.map((r) => r.waitMean), theory.meanWaitServed));
	it('matches the P90 wait of those served', () => check(runs.map((r) => r.waitP90), erlangAServedWaitQuantile(0.9, c, lambda, 1 / meanService, 1 / patience)));
});
