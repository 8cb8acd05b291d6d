/**
 * The wait-time histogram's bins. The run's histogram has 1-minute bins [0,1) … [239,240) and an open last
 * bin [240, ∞); the chart regroups them into wider bins up to a cut-off that covers nearly every wait, and
 * puts the rest into one open-ended bar ("≥ cut-off"), so a few very long waits do not squash the picture.
 */

/** One bar: waits in [from, to) minutes (to = null: from and longer). */
export interface WaitBin {
	from: number;
	to: number | null;
	count: number;
	/** count / all counted waits (0 when there are none). */
	share: number;
}

/** Bar widths the chart may use, in minutes (round numbers people read easily). */
export const BIN_WIDTHS = [1, 2, 5, 10, 15, 20, 30, 60] as const;

/** Smallest minute m with at least `q` of the counts in bins below m (the histogram's q-quantile, rounded up). */
export function quantileMinute(counts: readonly number[], q: number): number {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total === 0) return 0;
	let cum = 0;
	for (let i = 0; i < counts.length; i++) {
		cum += counts[i];
		if (cum >= q * total) return i + 1;
	}
	return counts.length;
}

/**
 * Regroups 1-minute counts (the last bin open-ended) into bins of a round width, at most about `maxBars`
 * bars up to the 99th percentile of waits, rounded up to a whole bin; the waits beyond go in one open bar.
 * The target (service-level minutes) is always a bin edge when it is a multiple of the width, so bars are
 * either within or beyond it.
 */
export function waitBins(counts: readonly number[], maxBars = 36, coverage = 0.99): { width: number; bins: WaitBin[] } {
	const total = counts.reduce((a, b) => a + b, 0);
	const closed = Math.max(0, counts.length - 1); // minutes with a closed 1-minute bin
	const reach = Math.max(1, Math.min(closed, quantileMinute(counts, coverage)));
	const width = BIN_WIDTHS.find((w) => Math.ceil(reach / w) <= maxBars) ?? BIN_WIDTHS[BIN_WIDTHS.length - 1];
	const cut = Math.min(Math.ceil(reach / width) * width, Math.ceil(closed / width) * width);
	const bins: WaitBin[] = [];
	for (let from = 0; from < cut; from += width) {
		let count = 0;
		for (let m = from; m < Math.min(from + width, closed); m++) count += counts[m] ?? 0;
		bins.push({ from, to: from + width, count, share: 0 });
	}
	let rest = 0;
	for (let m = cut; m < counts.length; m++) rest += counts[m] ?? 0;
	if (rest > 0) bins.push({ from: cut, to: null, count: rest, share: 0 });
	for (const b of bins) b.share = total > 0 ? b.count / total : 0;
	return { width, bins };
}

/** Share of the counted waits at most `minutes` long (whole minutes: bins [0,1) … [minutes-1, minutes)). */
export function shareWithin(counts: readonly number[], minutes: number): number | null {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total === 0) return null;
	let within = 0;
	for (let m = 0; m < Math.min(minutes, counts.length - 1); m++) within += counts[m];
	return within / total;
}
