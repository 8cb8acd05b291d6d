/** Comparison on common random numbers: exact zeros for a scenario against itself, and a real effect detected. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compareInProcess, compareScenarios, difference, type Comparison, type Difference } from '../../src/lib/planning/compare';
import { COMPARE_HEADER, compareCsv } from '../../src/lib/planning/compareCsv';
import { removeCounters } from '../../src/lib/planning/variants';
import { runInProcess } from '../../src/lib/sim/run';
import { mustParse, smallScenario } from '../fixtures/scenarios';
import { morningHall } from './fixtures';

function allDifferences(c: Comparison): Difference[] {
	return c.differences.flatMap((d) => [...Object.values(d.overall), ...d.agencies.flatMap((a) => [a.waitMean, a.waitP90, a.serviceLevel, a.abandonRate])]);
}

describe('compareScenarios', () => {
	it('gives exactly zero differences, with [0, 0] intervals and no significance, for a scenario against itself', () => {
		const s = mustParse(smallScenario());
		const c = compareInProcess([s, s, s], 11, 6);
		expect(c.differences).toHaveLength(2);
		const diffs = allDifferences(c);
		expect(diffs.length).toBe(2 * (12 + 2 * 4));
		for (const d of diffs) {
			// null only where the metric is undefined in every replication; otherwise exactly zero.
			if (d.mean === null) expect(d.ci95).toEqual([null, null]);
			else {
				expect(d.mean).toBe(0);
				expect(d.ci95).toEqual([0, 0]);
			}
			expect(d.significant).toBe(false);
		}
		expect(c.scenarios[1].summary).toEqual(c.scenarios[0].summary);
		// The gain/loss model sees nothing either.
		for (const d of c.differences) {
			expect(d.outcomes.map((r) => r.status)).toEqual(['none', 'none', 'none']);
			expect(d.verdict).toEqual({ losses: [], gains: [], overall: { loss: null, gain: null } });
		}
		// JSON-ready: no NaN anywhere.
		expect(JSON.stringify(c)).not.toMatch(/NaN/);
	});

	it('finds a significantly longer Dukcapil wait with one Dukcapil counter fewer', () => {
		const base = mustParse(morningHall({ counters: { dukcapil: 3 } }));
		const fewer = removeCounters(base, 'dukcapil');
		const c = compareInProcess([base, fewer], 20240611, 10);
		const duk = c.differences[0].agencies.find((a) => a.id === 'dukcapil')!;
		expect(duk.waitMean.significant).toBe(true);
		expect(duk.waitMean.ci95[0]!).toBeGreaterThan(0);
		expect(duk.waitP90.significant).toBe(true);
		expect(duk.serviceLevel.ci95[1]!).toBeLessThan(0);
		// The gain/loss model calls it a loss, and Dukcapil is the verdict's loss.
		expect(c.differences[0].outcomes.find((r) => r.id === 'dukcapil')!.status).toBe('loss');
		expect(c.differences[0].verdict.losses.map((i) => i.id)).toContain('dukcapil');
		// The other agencies keep their own counters: their waits do not move at all (same visitors, same counters).
		const pln = c.differences[0].agencies.find((a) => a.id === 'pln')!;
		expect(pln.waitMean.mean).toBe(0);
		expect(pln.waitMean.significant).toBe(false);
		// Same visitors: the arrivals are identical in every replication.
		expect(c.differences[0].overall.arrived).toEqual({ mean: 0, ci95: [0, 0], significant: false });
	});

	it('matches agencies by id and leaves out those the baseline lacks', () => {
		const base = mustParse(morningHall());
		const other = structuredClone(base);
		other.agencies = [other.agencies[2], other.agencies[0], other.agencies[1]];
		const c = compareInProcess([base, other], 3, 4);
		expect(c.differences[0].agencies.map((a) => a.id)).toEqual(['pln', 'dukcapil', 'bapenda']);
		// Every agency is found in the baseline despite the new order.
		expect(c.differences[0].agencies.every((a) => a.waitMean.mean !== null)).toBe(true);
	});

	it('refuses unpaired runs and the wrong number of scenarios', () => {
		const s = mustParse(morningHall());
		const a = runInProcess(s, 1, 4).map((r) => r.summary);
		const b = runInProcess(s, 1, 4, { first: 1 }).map((r) => r.summary);
		expect(() => compareScenarios([{ scenario: s, summaries: a }, { scenario: s, summaries: b }], 1)).toThrow(/same replications/);
		expect(() => compareScenarios([{ scenario: s, summaries: a }], 1)).toThrow(/2 to 4/);
		expect(() => compareScenarios(Array(5).fill({ scenario: s, summaries: a }), 1)).toThrow(/2 to 4/);
	});

	it('marks significance only when the paired interval excludes zero', () => {
		expect(difference([1, 2, 3], [2, 3, 4])).toEqual({ mean: 1, ci95: [1, 1], significant: true });
		expect(difference([1, 2, 3], [1, 2.5, 2.5]).significant).toBe(false);
		expect(difference([NaN, NaN], [NaN, NaN])).toEqual({ mean: null, ci95: [null, null], significant: false });
	});
});

describe('compareCsv', () => {
	it('writes one row per scenario, scope, id and metric, with differences after the baseline', () => {
		const s = mustParse(morningHall());
		const c = compareInProcess([s, removeCounters(s, 'dukcapil')], 5, 4);
		const parsed = Papa.parse<Record<string, string>>(compareCsv(c), { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...COMPARE_HEADER]);
		// The summary's metrics, then the model's servedPerDay and notServedShare, overall and for 3 agencies.
		expect(parsed.data).toHaveLength(2 * (12 + 2 + 3 * (4 + 2)));
		const base = parsed.data.filter((r) => r.scenario_index === '1');
		expect(base.every((r) => r.diff_mean === '' && r.significant === '' && r.effect === '')).toBe(true);
		const row = parsed.data.find((r) => r.scenario_index === '2' && r.scope === 'agency' && r.id === 'dukcapil' && r.metric === 'waitMean')!;
		expect(Number(row.diff_mean)).toBeGreaterThan(0);
		expect(row.effect).toBe(row.significant === '1' ? 'loss' : 'none');
		// Counts per day: the model's served per day is the summary's served per replication over its days.
		const perDay = parsed.data.find((r) => r.scenario_index === '1' && r.scope === 'overall' && r.metric === 'servedPerDay')!;
		const perRep = parsed.data.find((r) => r.scenario_index === '1' && r.scope === 'overall' && r.metric === 'served')!;
		expect(Number(perDay.mean)).toBeCloseTo(Number(perRep.mean) / c.scenarios[0].summary.days, 3);
		// Not judged: utilisation has no effect.
		expect(parsed.data.find((r) => r.scenario_index === '2' && r.metric === 'utilization')!.effect).toBe('');
	});
});
