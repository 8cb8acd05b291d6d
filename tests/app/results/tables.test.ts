import { describe, expect, it } from 'vitest';
import { fileStem } from '../../../src/lib/components/results/download';
import { countDigits, kpiMetric, KPIS, scaleMetric } from '../../../src/lib/components/results/kpi';
import { agencyShortName } from '../../../src/lib/components/results/names';
import { compareValues, nextSort, sortRows, worstIndices } from '../../../src/lib/components/results/sort';
import type { RunSummary } from '../../../src/lib/stats/runSummary';

describe('table sorting', () => {
	const rows = [
		{ id: 'a', w: 5 },
		{ id: 'b', w: null },
		{ id: 'c', w: 12 },
		{ id: 'd', w: NaN },
		{ id: 'e', w: 5 }
	];

	it('sorts numbers both ways, missing values always last, ties in the original order', () => {
		expect(sortRows(rows, (r) => r.w, 'desc').map((r) => r.id)).toEqual(['c', 'a', 'e', 'b', 'd']);
		expect(sortRows(rows, (r) => r.w, 'asc').map((r) => r.id)).toEqual(['a', 'e', 'c', 'b', 'd']);
	});

	it('sorts text naturally (L2 before L10) and case-insensitively', () => {
		const names = ['L10', 'l2', 'L1'].map((id) => ({ id }));
		expect(sortRows(names, (r) => r.id, 'asc').map((r) => r.id)).toEqual(['L1', 'l2', 'L10']);
		expect(compareValues('a', 'B', 'asc')).toBeLessThan(0);
	});

	it('flips the direction on the same column and starts a new column in its own direction', () => {
		expect(nextSort({ col: 'wait', dir: 'desc' }, 'wait', 'desc')).toEqual({ col: 'wait', dir: 'asc' });
		expect(nextSort({ col: 'wait', dir: 'asc' }, 'name', 'asc')).toEqual({ col: 'name', dir: 'asc' });
	});

	it('marks the worst rows by badness, ignoring missing values and values at the floor', () => {
		expect([...worstIndices(rows, (r) => r.w, 2)]).toEqual([2, 0]);
		expect(worstIndices([{ w: 0 }, { w: null }], (r) => r.w).size).toBe(0);
	});
});

describe('KPI figures', () => {
	const m = (mean: number) => ({ mean, ci95: [mean - 1, mean + 1] as [number, number] });
	const summary = {
		days: 5,
		overall: { arrived: m(2000), served: m(1900), abandoned: m(90), notServedAtClose: m(2), waitMean: m(16), waitP90: m(50), serviceLevel: m(0.6), utilization: m(0.5) }
	} as unknown as RunSummary;

	it('shows counts per day and the rest as they are', () => {
		expect(kpiMetric(summary, 'arrived')).toEqual({ mean: 400, ci95: [399.8, 400.2] });
		expect(kpiMetric(summary, 'waitMean')).toEqual(m(16));
		expect(KPIS.map((k) => k.name)).toEqual(['arrived', 'served', 'abandoned', 'notServedAtClose', 'waitMean', 'waitP90', 'serviceLevel', 'utilization']);
	});

	it('keeps null figures null when scaling, and never divides by zero days', () => {
		expect(scaleMetric({ mean: null, ci95: [null, null] }, 5)).toEqual({ mean: null, ci95: [null, null] });
		expect(scaleMetric(m(10), 0)).toEqual(m(10));
	});

	it('shows one decimal for small counts only', () => {
		expect(countDigits(2.4)).toBe(1);
		expect(countDigits(411)).toBe(0);
		expect(countDigits(null)).toBe(0);
	});
});

describe('names', () => {
	it('shortens long agency names for narrow cells', () => {
		expect(agencyShortName('Kantor Pertanahan Kota Bengkulu (BPN)', 'bpn')).toBe('BPN');
		expect(agencyShortName('PT PLN (Persero) UP3 Bengkulu', 'pln')).toBe('PLN');
		expect(agencyShortName('Dinas Kependudukan dan Pencatatan Sipil Kota Bengkulu', 'dukcapil')).toBe('Dukcapil');
		expect(agencyShortName('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Bengkulu', 'dpmptsp')).toBe('DPMPTSP');
		expect(agencyShortName('BPJS Kesehatan', 'bpjs-kes')).toBe('BPJS Kesehatan');
	});

	it('makes safe file names', () => {
		expect(fileStem('kota-bengkulu')).toBe('kota-bengkulu');
		expect(fileStem('MPP Kota Bengkulu (salinan)')).toBe('mpp-kota-bengkulu-salinan');
		expect(fileStem('Pelayanan Terpadu – Éditée')).toBe('pelayanan-terpadu-editee');
		expect(fileStem('///')).toBe('mpp');
	});
});
