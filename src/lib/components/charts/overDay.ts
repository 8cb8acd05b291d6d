/**
 * Data of the "over the day" chart: the trace's bins cut to the part of the day when anything happens, as
 * median lines and 10–90% bands across replications.
 */
import type { TraceBin } from '../../stats/runSummary';

/** A point of a band series: time (minutes after midnight, bin middle) and the 10th/50th/90th percentiles. */
export interface BandPoint {
	t: number;
	lo: number;
	mid: number;
	hi: number;
}

/** Index range [first, last] of bins where someone waits, a counter is busy or a counter is staffed; null if none. */
export function activeRange(bins: readonly TraceBin[]): [number, number] | null {
	const active = (b: TraceBin) =>
		(b.staffed ?? 0) > 0 || (b.waiting.p90 ?? 0) > 0 || (b.busy.p90 ?? 0) > 0 || (b.waiting.p50 ?? 0) > 0;
	let first = -1;
	let last = -1;
	bins.forEach((b, i) => {
		if (active(b)) {
			if (first < 0) first = i;
			last = i;
		}
	});
	return first < 0 ? null : [first, last];
}

/** The day window of the chart: from the first active bin's start to the last one's end, widened to whole hours. */
export function dayWindow(bins: readonly TraceBin[], binMinutes: number): [number, number] | null {
	const range = activeRange(bins);
	if (range === null) return null;
	const start = bins[range[0]].t;
	const end = bins[range[1]].t + binMinutes;
	return [Math.floor(start / 60) * 60, Math.ceil(end / 60) * 60];
}

/** Band points of one series over the active range, bins at their middle (missing percentiles read as 0). */
export function bandSeries(bins: readonly TraceBin[], binMinutes: number, pick: (b: TraceBin) => TraceBin['waiting']): BandPoint[] {
	const range = activeRange(bins);
	if (range === null) return [];
	const out: BandPoint[] = [];
	for (let i = range[0]; i <= range[1]; i++) {
		const b = pick(bins[i]);
		out.push({ t: bins[i].t + binMinutes / 2, lo: b.p10 ?? 0, mid: b.p50 ?? 0, hi: b.p90 ?? 0 });
	}
	return out;
}

/** Staffed counters over the active range as a step series: [t, value] at each bin start, plus the last bin's end. */
export function staffedSteps(bins: readonly TraceBin[], binMinutes: number): Array<[number, number]> {
	const range = activeRange(bins);
	if (range === null) return [];
	const out: Array<[number, number]> = [];
	for (let i = range[0]; i <= range[1]; i++) out.push([bins[i].t, bins[i].staffed ?? 0]);
	const last = bins[range[1]];
	out.push([last.t + binMinutes, last.staffed ?? 0]);
	return out;
}

/** The point with the highest median (the day's peak), or null for an empty series. */
export function peak(points: readonly BandPoint[]): BandPoint | null {
	let best: BandPoint | null = null;
	for (const p of points) if (best === null || p.mid > best.mid) best = p;
	return best;
}

/** Hour ticks (minutes after midnight) across a window, every `step` hours so that at most `max` ticks show. */
export function hourTicks(window: [number, number], max = 12): number[] {
	const hours = (window[1] - window[0]) / 60;
	const step = [1, 2, 3, 4, 6].find((s) => hours / s <= max) ?? 6;
	const out: number[] = [];
	for (let t = Math.ceil(window[0] / 60) * 60; t <= window[1]; t += step * 60) out.push(t);
	return out;
}
