/** An agency where nobody was served: said, and ranked worst by every wait column and the within-target share. */
import { describe, expect, it } from 'vitest';
import { nobodyServed, waitSortValue, withinTargetSortValue } from '../../../src/lib/components/results/nobodyServed';
import { sortRows, worstIndices } from '../../../src/lib/components/results/sort';
import type { AgencyRun, MetricJSON } from '../../../src/lib/stats/runSummary';

const m = (mean: number | null): MetricJSON => ({ mean, ci95: [mean, mean] });
function agency(id: string, arrived: number, served: number, wait: number | null, within: number | null): AgencyRun {
	return {
		id,
		name: id,
		arrived: m(arrived),
		served: m(served),
		abandoned: m(0),
		noShow: m(0),
		notServedAtClose: m(0),
		waitMean: m(wait),
		waitP50: m(wait),
		waitP90: m(wait),
		waitP95: m(wait),
		waitMax: m(wait),
		serviceLevel: m(within),
		abandonRate: m(0)
	};
}
const rows = [agency('slow', 100, 95, 40, 0.4), agency('bank', 75, 0, null, null), agency('quick', 50, 50, 2, 1), agency('closed', 0, 0, null, null)];

describe('nobody served', () => {
	it('is an agency with visitors and no one served, not one nobody came to', () => {
		expect(rows.map(nobodyServed)).toEqual([false, true, false, false]);
	});

	it('ranks worst: first by longest wait, first by lowest share within target, among the highlighted worst', () => {
		expect(sortRows(rows, (a) => waitSortValue(a, a.waitP90), 'desc').map((a) => a.id)).toEqual(['bank', 'slow', 'quick', 'closed']);
		expect(sortRows(rows, withinTargetSortValue, 'asc').map((a) => a.id)).toEqual(['bank', 'slow', 'quick', 'closed']);
		expect([...worstIndices(rows, (a) => waitSortValue(a, a.waitMean), 1)]).toEqual([1]);
	});
});
