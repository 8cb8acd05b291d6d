/** The gain/loss model, one rule a test, on hand-made paired replications (exact, no simulation). */
import { describe, expect, it } from 'vitest';
import { clampMetric, MATERIAL, nobodyServed, outcomeRow, rankRows, type OutcomeReplication, type OutcomeTally } from '../../src/lib/planning/compareOutcome';

// Replication i's tally: a base with a small per-replication wobble, so intervals have a width.
function reps(base: Partial<OutcomeTally>, days = 5, n = 6): OutcomeReplication[] {
	return Array.from({ length: n }, (_, i) => {
		const w = i % 3; // 0, 1, 2: the wobble
		const t: OutcomeTally = { arrived: 100, served: 90, abandoned: 5, notServedAtClose: 5, waitMean: 10, waitP90: 20, serviceLevel: 0.8, ...base };
		return {
			days,
			tally: { ...t, served: t.served + w, arrived: t.arrived + w, waitMean: t.waitMean + w / 2, waitP90: t.waitP90 + w, serviceLevel: t.serviceLevel }
		};
	});
}
const A = reps({});

describe('outcomeRow', () => {
	it('counts per day: 90 served in a 5-day replication is 18 a day', () => {
		const r = outcomeRow('agency', 'x', 'X', A, A);
		expect(r.figures.servedPerDay.a.mean).toBeCloseTo((90 + 91 + 92) / 3 / 5, 12);
		expect(r.figures.abandonShare.a.mean).toBeCloseTo((5 / 100 + 5 / 101 + 5 / 102) / 3, 12);
		// The same replications on both sides: no effect anywhere.
		expect(r.status).toBe('none');
		expect(Object.values(r.figures).every((f) => f.effect === 'none' && f.diff.mean === 0)).toBe(true);
	});

	it('calls nobody served in B a loss whatever its waits do, and its undefined waits losses too', () => {
		// Nobody served: nobody abandons either (they all wait to close), so only the served count and waits say it.
		const B = reps({ served: 0, abandoned: 5, notServedAtClose: 5, waitMean: NaN, waitP90: NaN, serviceLevel: NaN }).map((r) => ({
			...r,
			tally: { ...r.tally!, served: 0 }
		}));
		const r = outcomeRow('agency', 'bank', 'Bank', A, B);
		expect(r.nobodyServed).toEqual({ a: false, b: true });
		expect(r.status).toBe('loss');
		expect(r.figures.waitP90.diff.mean).toBeNull();
		expect(r.figures.waitP90.effect).toBe('loss');
		expect(r.figures.servedPerDay.b.mean).toBe(0);
	});

	it('calls waits undefined in every replication "nobody served" even when a count says otherwise', () => {
		const B = reps({ waitMean: NaN, waitP90: NaN, serviceLevel: NaN });
		expect(nobodyServed(B)).toBe(true);
		expect(outcomeRow('agency', 'x', 'X', A, B).status).toBe('loss');
		// Nobody came at all is not "nobody served".
		expect(nobodyServed(reps({ arrived: 0, served: 0, waitMean: NaN }).map((r) => ({ ...r, tally: { ...r.tally!, arrived: 0, served: 0 } })))).toBe(false);
	});

	it('calls a significant fall in served per day a loss even when the wait falls significantly', () => {
		const r = outcomeRow('agency', 'x', 'X', A, reps({ served: 70, waitMean: 5, waitP90: 10 }));
		expect(r.figures.servedPerDay.effect).toBe('loss');
		expect(r.figures.waitP90.effect).toBe('gain');
		expect(r.status).toBe('loss');
	});

	it.each([
		['abandonShare', { abandoned: 15 }],
		['notServedShare', { notServedAtClose: 15 }]
	] as const)('calls a significant rise in %s a loss', (kpi, change) => {
		const r = outcomeRow('agency', 'x', 'X', A, reps({ ...change, waitMean: 5 }));
		expect(r.figures[kpi].diff.significant).toBe(true);
		expect(r.figures[kpi].effect).toBe('loss');
		expect(r.status).toBe('loss');
	});

	it('calls a significant fall in wait a gain, and a rise a loss', () => {
		const shorter = outcomeRow('agency', 'x', 'X', A, reps({ waitMean: 7, waitP90: 12 }));
		expect(shorter.figures.waitMean.effect).toBe('gain');
		expect(shorter.figures.waitP90.diff.mean).toBe(-8);
		expect(shorter.status).toBe('gain');
		expect(outcomeRow('agency', 'x', 'X', A, reps({ waitP90: 30 })).status).toBe('loss');
	});

	it('sees no effect in a significant difference too small to act on (below MATERIAL)', () => {
		// One visitor fewer in a 5-day replication, in every replication alike: significant (no spread at all), but
		// 0.2 a day, under the half a visitor a day that counts; a wait 0.3 minutes longer likewise.
		const r = outcomeRow('agency', 'x', 'X', A, reps({ served: 89, waitMean: 10.3 }));
		expect(r.figures.servedPerDay.diff.significant).toBe(true);
		expect(r.figures.servedPerDay.effect).toBe('none');
		expect(r.figures.waitMean.effect).toBe('none');
		expect(r.status).toBe('none');
		expect(MATERIAL.servedPerDay).toBe(0.5);
	});

	it('sees no effect where the paired interval includes zero', () => {
		// B's P90 moves +1, −1, 0 against A's in turn: mean 0, interval around it.
		const B = A.map((r, i) => ({ ...r, tally: { ...r.tally!, waitP90: r.tally!.waitP90 + [1, -1, 0][i % 3] } }));
		const r = outcomeRow('agency', 'x', 'X', A, B);
		expect(r.figures.waitP90.diff.significant).toBe(false);
		expect(r.figures.waitP90.effect).toBe('none');
		expect(r.status).toBe('none');
	});
});

describe('clampMetric', () => {
	it('never shows an interval below zero, nor a share above one', () => {
		expect(clampMetric({ mean: 0.2, ci95: [-0.2, 0.6] }, false)).toEqual({ mean: 0.2, ci95: [0, 0.6] });
		expect(clampMetric({ mean: 0.99, ci95: [0.97, 1.01] }, true)).toEqual({ mean: 0.99, ci95: [0.97, 1] });
		expect(clampMetric({ mean: null, ci95: [null, null] }, true)).toEqual({ mean: null, ci95: [null, null] });
	});

	it('is applied to A and B in a row: a wait of 0, 0, 0, 0, 0, 1 has no negative bound', () => {
		const waits = A.map((r, i) => ({ ...r, tally: { ...r.tally!, waitP90: i === 5 ? 1 : 0 } }));
		const f = outcomeRow('agency', 'x', 'X', waits, waits).figures.waitP90;
		expect(f.a.ci95[0]).toBe(0);
		expect(f.a.ci95[1]!).toBeGreaterThan(0);
	});
});

describe('rankRows', () => {
	it('puts losses first, nobody served first of all (undefined waits rank worst), then gains', () => {
		const nobody = reps({ served: 0, waitMean: NaN, waitP90: NaN, serviceLevel: NaN }).map((r) => ({ ...r, tally: { ...r.tally!, served: 0 } }));
		const rows = [
			outcomeRow('agency', 'same', 'Same', A, A),
			outcomeRow('agency', 'faster', 'Faster', A, reps({ waitMean: 5 })),
			outcomeRow('agency', 'slower', 'Slower', A, reps({ waitP90: 30 })),
			outcomeRow('agency', 'nobody', 'Nobody', A, nobody)
		];
		expect(rankRows(rows).map((r) => r.id)).toEqual(['nobody', 'slower', 'faster', 'same']);
	});
});
