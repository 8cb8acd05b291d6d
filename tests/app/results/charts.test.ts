import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { integerTicks, labelStride, tickDigits, tickNumber } from '../../../src/lib/components/charts/axis';
import { heatColor, luminance, textOn } from '../../../src/lib/components/charts/color';
import { quantileMinute, shareWithin, waitBins } from '../../../src/lib/components/charts/histogram';
import { activeRange, bandSeries, dayWindow, hourTicks, peak, staffedSteps } from '../../../src/lib/components/charts/overDay';
import { wrapText } from '../../../src/lib/components/charts/svgExport';
import type { TraceBin } from '../../../src/lib/stats/runSummary';

/** 241 one-minute bins (the last open-ended) with the given counts at the front. */
function hist(front: number[], last = 0): number[] {
	const counts = new Array<number>(241).fill(0);
	front.forEach((c, i) => (counts[i] = c));
	counts[240] = last;
	return counts;
}

describe('wait histogram bins', () => {
	it('finds the minute that covers a share of the waits', () => {
		const counts = hist([50, 30, 10, 10]);
		expect(quantileMinute(counts, 0.5)).toBe(1);
		expect(quantileMinute(counts, 0.8)).toBe(2);
		expect(quantileMinute(counts, 0.99)).toBe(4);
		expect(quantileMinute(hist([]), 0.99)).toBe(0);
	});

	it('keeps 1-minute bars for short waits and conserves every count', () => {
		const counts = hist([5, 4, 3, 2, 1]);
		const { width, bins } = waitBins(counts);
		expect(width).toBe(1);
		expect(bins.map((b) => b.count)).toEqual([5, 4, 3, 2, 1]);
		expect(bins.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 12);
	});

	it('widens bars to a round width so at most maxBars fit, and puts the rare long waits in one open bar', () => {
		const front: number[] = new Array<number>(200).fill(0).map((_, m) => (m < 100 ? 10 : 0));
		front[150] = 1; // one very long wait, beyond the 99th percentile
		const counts = hist(front, 2);
		const { width, bins } = waitBins(counts, 36);
		expect(width).toBe(5); // 100 minutes / 36 bars → 5-minute bars
		expect(bins.length).toBe(21); // 20 bars up to 100 minutes, then ≥ 100
		const open = bins[bins.length - 1];
		expect(open).toMatchObject({ from: 100, to: null, count: 3 });
		expect(bins.reduce((a, b) => a + b.count, 0)).toBe(1003);
	});

	it('has no open bar when nothing is left beyond the cut-off, and handles an empty histogram', () => {
		expect(waitBins(hist([1, 1])).bins.every((b) => b.to !== null)).toBe(true);
		const empty = waitBins(hist([]));
		expect(empty.bins.every((b) => b.share === 0)).toBe(true);
	});

	it('computes the share within the target over whole minutes', () => {
		expect(shareWithin(hist([6, 2, 2]), 1)).toBeCloseTo(0.6, 12);
		expect(shareWithin(hist([6, 2, 2]), 15)).toBe(1);
		expect(shareWithin(hist([1], 1), 300)).toBe(0.5); // the open bin is never within a target
		expect(shareWithin(hist([]), 15)).toBeNull();
	});
});

function bin(t: number, waiting: number, busy: number, staffed: number): TraceBin {
	return {
		t,
		waiting: { p10: waiting / 2, p50: waiting, p90: waiting * 2 },
		busy: { p10: busy, p50: busy, p90: busy },
		staffed
	};
}

describe('over-the-day series', () => {
	const bins = [bin(0, 0, 0, 0), bin(480, 1, 2, 3), bin(495, 4, 3, 3), bin(510, 2, 1, 3), bin(525, 0, 0, 0)];

	it('cuts the day to the bins where something happens, widened to whole hours', () => {
		expect(activeRange(bins)).toEqual([1, 3]);
		expect(dayWindow(bins, 15)).toEqual([480, 540]);
		expect(activeRange([bin(0, 0, 0, 0)])).toBeNull();
		expect(dayWindow([bin(0, 0, 0, 0)], 15)).toBeNull();
	});

	it('places band points at bin middles and keeps the percentiles', () => {
		const pts = bandSeries(bins, 15, (b) => b.waiting);
		expect(pts.map((p) => p.t)).toEqual([487.5, 502.5, 517.5]);
		expect(pts[1]).toEqual({ t: 502.5, lo: 2, mid: 4, hi: 8 });
		expect(peak(pts)?.t).toBe(502.5);
		expect(peak([])).toBeNull();
	});

	it('ends the staffed step line at the end of the last bin', () => {
		expect(staffedSteps(bins, 15)).toEqual([
			[480, 3],
			[495, 3],
			[510, 3],
			[525, 3]
		]);
	});

	it('puts hour ticks on whole hours, thinning them on narrow charts', () => {
		expect(hourTicks([480, 960])).toEqual([480, 540, 600, 660, 720, 780, 840, 900, 960]);
		expect(hourTicks([480, 960], 4)).toEqual([480, 600, 720, 840, 960]); // every 2 hours
		expect(hourTicks([480, 960], 3)).toEqual([480, 660, 840]); // every 3 hours
	});
});

describe('colours', () => {
	it('computes WCAG luminance and picks the readable text colour', () => {
		expect(luminance('#ffffff')).toBeCloseTo(1, 6);
		expect(luminance('#000000')).toBe(0);
		expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1, 6);
		expect(textOn('#ffffff')).toBe('#111827');
		expect(textOn('#081d58')).toBe('#ffffff');
	});

	it('shades the heatmap from light (idle) to dark (busy), grey when closed', () => {
		expect(luminance(heatColor(0))).toBeGreaterThan(luminance(heatColor(0.5)));
		expect(luminance(heatColor(0.5))).toBeGreaterThan(luminance(heatColor(1)));
		expect(heatColor(null)).toBe('#f3f4f6');
		expect(heatColor(2)).toBe(heatColor(1));
	});
});

describe('svg export', () => {
	it('wraps a caption at spaces within the line length', () => {
		const lines = wrapText('satu dua tiga empat lima enam tujuh', 10);
		expect(lines).toEqual(['satu dua', 'tiga empat', 'lima enam', 'tujuh']);
		expect(lines.every((l) => l.length <= 10)).toBe(true);
		expect(wrapText('', 10)).toEqual([]);
	});
});

describe('count axes', () => {
	it('tick only whole numbers, so a short range never shows one label twice', () => {
		// d3 ticks [22, 25] at halves; rounded to whole counters they read 22, 23, 23, 24, 24, 25, 25.
		expect(scaleLinear().domain([22, 25]).ticks(5)).toContain(22.5);
		const ticks = integerTicks(scaleLinear().domain([22, 25]), 5);
		expect(ticks).toEqual([22, 23, 24, 25]);
		expect(integerTicks(scaleLinear().domain([0, 1]), 10)).toEqual([0, 1]);
		expect(integerTicks(scaleLinear().domain([0, 100]), 5)).toEqual([0, 20, 40, 60, 80, 100]);
	});
});

describe('tick labels', () => {
	it('carry the decimals the step needs, so no two ticks share a label (the "0, 1, 1, 2, 2" axis)', () => {
		const halves = scaleLinear().domain([0, 2]).ticks(4);
		expect(halves).toEqual([0, 0.5, 1, 1.5, 2]);
		expect(tickDigits(halves)).toBe(1);
		const labels = halves.map(tickNumber(halves));
		expect(new Set(labels).size).toBe(labels.length);
		expect(tickDigits([0, 20, 40])).toBe(0);
		expect(tickDigits([0, 0.05, 0.1])).toBe(2);
		expect(tickDigits([1e-9, 2e-9])).toBe(3);
		expect(tickDigits([5])).toBe(0);
	});
});

describe('label stride', () => {
	it('labels every slot when a label fits one, else every second, third, … slot', () => {
		expect(labelStride(44, 55)).toBe(1);
		expect(labelStride(44, 44)).toBe(1);
		expect(labelStride(44, 26)).toBe(2);
		expect(labelStride(38, 12)).toBe(4);
	});
});
