// What the calibrate page's charts draw (calibratePage/chartData.ts) and how it reads a log's header
// (calibratePage/logHeader.ts). Samples are fixed-seed (seedrandom), so every figure below is reproducible.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { cdfPoints, cdfRange, curve, densityBins, qqPoints, shareAtMost, sortedFinite, sortedQuantile } from '../../src/lib/calibratePage/chartData';
import { HEAD_BYTES, logHead, sniffHeader } from '../../src/lib/calibratePage/logHeader';

/** n exponential durations with the given mean, from a fixed seed. */
function exponential(n: number, mean: number, seed = 'charts'): Float64Array {
	const rng = seedrandom(seed);
	return Float64Array.from({ length: n }, () => -mean * Math.log(1 - rng()));
}

describe('densityBins', () => {
	it('bar areas add up to the share of values shown (up to the 99th percentile), whatever the sample', () => {
		for (const n of [1, 5, 200, 5000]) {
			const values = exponential(n, 10, `n${n}`);
			const bins = densityBins(values);
			expect(bins.length).toBeGreaterThanOrEqual(8);
			expect(bins.length).toBeLessThanOrEqual(40);
			const area = bins.reduce((a, b) => a + b.density * (b.to - b.from), 0);
			const shown = bins.reduce((a, b) => a + b.count, 0) / n;
			expect(area).toBeCloseTo(shown, 10);
			// At most 1% lie beyond the 99th percentile (plus one value for the interpolated cut).
			expect(shown).toBeGreaterThanOrEqual(0.99 - 1 / n);
		}
	});

	it('bins touch: each starts where the one before ended, from 0', () => {
		const bins = densityBins(exponential(300, 5));
		expect(bins[0].from).toBe(0);
		for (let i = 1; i < bins.length; i++) expect(bins[i].from).toBeCloseTo(bins[i - 1].to, 12);
	});

	it('ignores values that are not finite, and gives nothing for nothing', () => {
		expect(densityBins([])).toEqual([]);
		expect(densityBins([NaN, Infinity])).toEqual([]);
		expect(densityBins([3, NaN]).reduce((a, b) => a + b.count, 0)).toBe(1);
	});
});

describe('qqPoints', () => {
	it('at most `max` points, observed quantiles in order, and on the diagonal for the true distribution (tolerance: 10% at n = 20,000)', () => {
		const values = exponential(20_000, 8);
		const points = qqPoints(values, (p) => -8 * Math.log(1 - p), 100);
		expect(points).toHaveLength(100);
		for (let i = 1; i < points.length; i++) expect(points[i][1]).toBeGreaterThanOrEqual(points[i - 1][1]);
		// Away from the extremes (whose order statistics vary most), the sample's quantile is within 10% of the truth.
		for (const [fitted, observed] of points.slice(5, 95)) expect(Math.abs(observed - fitted)).toBeLessThanOrEqual(0.1 * fitted + 0.15);
	});

	it('a small sample gives one point per value; a quantile that is not finite is left out', () => {
		expect(qqPoints([3, 1, 2], (p) => p)).toHaveLength(3);
		expect(qqPoints([1, 2], (p) => (p > 0.5 ? NaN : p))).toHaveLength(1);
	});
});

describe('cumulative curves', () => {
	it('shareAtMost counts values ≤ x exactly', () => {
		const sorted = sortedFinite([5, 1, 3, 3, NaN, 9]);
		expect([...sorted]).toEqual([1, 3, 3, 5, 9]);
		expect(shareAtMost(sorted, 0)).toBe(0);
		expect(shareAtMost(sorted, 3)).toBe(3 / 5);
		expect(shareAtMost(sorted, 9)).toBe(1);
		expect(shareAtMost(new Float64Array(0), 1)).toBeNaN();
	});

	it('cdfPoints rise from the share at 0 to the share at the end, never falling', () => {
		const sorted = sortedFinite(exponential(1000, 10));
		const points = cdfPoints(sorted, 60, 50);
		expect(points).toHaveLength(51);
		expect(points[0]).toEqual([0, 0]);
		for (let i = 1; i < points.length; i++) expect(points[i][1]).toBeGreaterThanOrEqual(points[i - 1][1]);
		expect(points[50][1]).toBe(shareAtMost(sorted, 60));
		expect(cdfPoints([], 10)).toEqual([]);
	});

	it('cdfRange covers the slowest source to its 99th percentile, in steps of 5 minutes, at least the minimum', () => {
		const slow = sortedFinite(exponential(1000, 20));
		const range = cdfRange([sortedFinite(exponential(1000, 2)), slow, new Float64Array(0)], 15);
		expect(range % 5).toBe(0);
		expect(range).toBeGreaterThanOrEqual(sortedQuantile(slow, 0.99));
		expect(range).toBeLessThan(sortedQuantile(slow, 0.99) + 5);
		expect(cdfRange([], 15)).toBe(15);
	});

	it('curve leaves out points where the function is not finite', () => {
		expect(curve((x) => (x === 0 ? Infinity : 1 / x), 0, 2, 2)).toEqual([
			[1, 1],
			[2, 0.5]
		]);
	});
});

describe('a log header', () => {
	it('finds ";", "," and tab as the delimiter, drops a BOM and trims names', () => {
		expect(sniffHeader('\uFEFFtanggal;no_antrian; jam_ambil \n2026-03-02;A-001;08:00')).toEqual({ header: ['tanggal', 'no_antrian', 'jam_ambil'], delimiter: ';' });
		expect(sniffHeader('date,service,issued\r\n1,2,3')).toEqual({ header: ['date', 'service', 'issued'], delimiter: ',' });
		expect(sniffHeader('date\tservice\tissued\n1\t2\t3')).toEqual({ header: ['date', 'service', 'issued'], delimiter: '\t' });
		expect(sniffHeader('"jenis, layanan",created_at\nx,y').header).toEqual(['jenis, layanan', 'created_at']);
	});

	it('an empty file has an empty header (the mapping then has nothing to offer)', () => {
		expect(sniffHeader('').header).toEqual([]);
		expect(sniffHeader('\n\nx').header).toEqual([]);
	});

	it('reads only the head of a large log', async () => {
		const big = 'a,b\n' + '1,2\n'.repeat(HEAD_BYTES);
		expect((await logHead(big)).length).toBe(HEAD_BYTES);
		expect((await logHead(new Blob([big]))).length).toBe(HEAD_BYTES);
	});
});

describe('a log day in words', () => {
	it('a date in the reader’s language, a day key of visits.csv as it is, a dash for none', async () => {
		const { logDateText } = await import('../../src/lib/components/calibrate/logDate');
		const { setLang } = await import('../../src/lib/i18n');
		setLang('en');
		expect(logDateText('2026-03-02')).toBe('2 Mar 2026');
		setLang('id');
		expect(logDateText('2026-03-02')).toMatch(/^2 Mar 2026$/);
		expect(logDateText('2026-08-17')).toBe('17 Agu 2026');
		expect(logDateText('r1-d3')).toBe('r1-d3');
		expect(logDateText(null)).toBe('—');
	});
});
