/** The run page marks agencies against the scenario's target, never "the 3 worst" whatever they wait. */
import { describe, expect, it } from 'vitest';
import { overTarget } from '../../../src/lib/components/results/overTarget';
import type { AgencyRun } from '../../../src/lib/stats/runSummary';

function agency(id: string, p90: number | null, served = 10): AgencyRun {
	const m = (x: number | null) => ({ mean: x, ci95: [x, x] as [number | null, number | null] });
	return { id, name: id, arrived: m(12), served: m(served), waitMean: m(p90 === null ? null : p90 / 2), waitP90: m(p90) } as unknown as AgencyRun;
}

describe('overTarget', () => {
	it('marks none when every agency meets the target, however they rank', () => {
		expect(overTarget([agency('a', 1), agency('b', 2), agency('c', 3), agency('d', 14)], 15).size).toBe(0);
	});

	it('marks every agency whose P90 wait is above the target, not just three', () => {
		expect([...overTarget([agency('a', 16), agency('b', 40), agency('c', 15), agency('d', 30), agency('e', 20)], 15)]).toEqual(['a', 'b', 'd', 'e']);
	});

	it('marks an agency where nobody was served', () => {
		expect([...overTarget([agency('a', null, 0), agency('b', 3)], 15)]).toEqual(['a']);
	});
});
