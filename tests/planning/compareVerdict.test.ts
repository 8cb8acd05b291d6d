/** The verdict: losses before gains, nobody served worst, one item per agency, and English text with units. */
import { describe, expect, it } from 'vitest';
import { outcomeRow, type OutcomeReplication, type OutcomeTally } from '../../src/lib/planning/compareOutcome';
import { diffDigits, diffText, verdictOf, verdictText } from '../../src/lib/planning/compareVerdict';

function reps(base: Partial<OutcomeTally>, n = 6): OutcomeReplication[] {
	return Array.from({ length: n }, (_, i) => {
		const t: OutcomeTally = { arrived: 100, served: 90, abandoned: 5, notServedAtClose: 5, waitMean: 10, waitP90: 20, serviceLevel: 0.8, ...base };
		return { days: 5, tally: { ...t, served: t.served + (i % 3), waitMean: t.waitMean + (i % 3) / 2, waitP90: t.waitP90 + (i % 3) } };
	});
}
const A = reps({});
const nobody = reps({ waitMean: NaN, waitP90: NaN, serviceLevel: NaN }).map((r) => ({ ...r, tally: { ...r.tally!, served: 0 } }));

describe('verdictOf', () => {
	const rows = [
		outcomeRow('overall', 'overall', 'overall', A, reps({ waitP90: 15 })),
		outcomeRow('agency', 'dukcapil', 'Dukcapil', A, reps({ waitP90: 5, waitMean: 6 })),
		outcomeRow('agency', 'pln', 'PLN', A, reps({ waitP90: 18 })),
		outcomeRow('agency', 'samsat', 'Samsat', A, reps({ waitP90: 25 })),
		outcomeRow('agency', 'bank', 'Bank', A, nobody)
	];
	const v = verdictOf(rows);

	it('lists every losing agency, nobody served first, with its served-per-day figures', () => {
		expect(v.losses.map((i) => [i.id, i.code, i.kpi])).toEqual([
			['bank', 'nobodyServed', 'servedPerDay'],
			['samsat', 'rose', 'waitP90']
		]);
		expect(v.losses[0].a).toBeCloseTo(91 / 5, 12);
		expect(v.losses[0].b).toBe(0);
	});

	it('lists gains by size within a figure (Dukcapil −15 min before PLN −2 min) and never nets them against losses', () => {
		expect(v.gains.map((i) => [i.id, i.kpi, i.diff])).toEqual([
			['dukcapil', 'waitP90', -15],
			['pln', 'waitP90', -2]
		]);
		expect(v.overall.gain).toMatchObject({ scope: 'overall', kpi: 'waitP90', code: 'fell', diff: -5 });
		expect(v.overall.loss).toBeNull();
	});

	it('has no loss and no gain for a scenario against itself', () => {
		const same = verdictOf([outcomeRow('overall', 'overall', 'overall', A, A), outcomeRow('agency', 'x', 'X', A, A)]);
		expect(same).toEqual({ losses: [], gains: [], overall: { loss: null, gain: null } });
		expect(verdictText(same)).toEqual(['  No agency loses significantly.', '  No agency gains significantly.', '  Overall: no significant change']);
	});
});

describe('verdictText', () => {
	it('names the unserved agency first, in English with units, and cuts long lists', () => {
		const rows = [outcomeRow('agency', 'bank', 'Bank', A, nobody), ...['a', 'b', 'c', 'd'].map((id) => outcomeRow('agency', id, id, A, reps({ waitP90: 30 })))];
		const text = verdictText(verdictOf(rows), 3);
		expect(text[0]).toBe('  LOSS for 5 agencies:');
		expect(text[1]).toBe('    bank (Bank): nobody served in B (A: 18.2 a day)');
		expect(text[2]).toMatch(/^ {4}a \(a\): P90 wait rose 21\.0 min → 31\.0 min, \+10\.0 min \[\+10\.0, \+10\.0\]$/);
		expect(text[4]).toBe('    … and 2 more (see the agency table)');
	});

	it('gives share differences in percentage points', () => {
		expect(diffText('abandonShare', 0.801, [0.75, 0.85])).toBe('+80.1 pp [+75.0, +85.0]');
		expect(diffText('servedPerDay', -14.3, [-15.1, -13.5])).toBe('−14.3 a day [−15.1, −13.5]');
	});
});

describe('diffText signs', () => {
	it('never writes "−0.0": what rounds to zero takes a plus', () => {
		expect(diffText('waitP90', -0.01, [-0.04, 0.02])).toBe('+0.0 min [+0.0, +0.0]');
		expect(diffText('waitP90', -0.06, [-0.2, 0.1])).toBe('−0.1 min [−0.2, +0.1]');
	});
});

describe('diffDigits', () => {
	it('adds decimals only while an interval that excludes zero would show a bound of 0', () => {
		expect(diffDigits([-0.14, -0.02])).toBe(2);
		expect(diffDigits([-0.14, -0.004])).toBe(3);
		expect(diffDigits([-0.14, -0.0001])).toBe(3);
		expect(diffDigits([-0.14, 0.02])).toBe(1);
		expect(diffDigits([-15.2, -13.6])).toBe(1);
		expect(diffDigits([null, null])).toBe(1);
		expect(diffText('servedPerDay', -0.08, [-0.14, -0.02])).toBe('−0.08 a day [−0.14, −0.02]');
	});
});
