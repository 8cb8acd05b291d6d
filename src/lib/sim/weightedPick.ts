/**
 * Inverse-CDF draws from cumulative weights: the index of the first weight whose running total exceeds
 * u × total. A guide table (Chen & Asau 1974) maps u straight to a nearby index, so a draw takes a step or
 * two instead of a binary search's seven data-dependent branches over 118 services; the answer is exactly the
 * binary search's.
 */
export class WeightedPick {
	readonly total: number;
	private readonly last: number;
	private readonly guide: Int32Array;

	/** `cum`: running totals of non-negative weights, ascending, at least one entry. */
	constructor(readonly cum: Float64Array) {
		this.last = cum.length - 1;
		this.total = cum[this.last];
		this.guide = new Int32Array(cum.length * 2);
		const m = this.guide.length;
		let i = 0;
		for (let j = 0; j < m; j++) {
			const x = (j / m) * this.total;
			while (i < this.last && cum[i] <= x) i++;
			this.guide[j] = i;
		}
	}

	/** The index drawn by u in [0, 1): the first i with cum[i] > u × total (the last index if none is). */
	pick(u: number): number {
		const cum = this.cum;
		const x = u * this.total;
		let j = Math.floor(u * this.guide.length);
		if (j >= this.guide.length) j = this.guide.length - 1;
		let i = this.guide[j];
		// The guide's start is right but for rounding at a bucket's edge: step to the exact answer.
		while (i > 0 && cum[i - 1] > x) i--;
		while (i < this.last && cum[i] <= x) i++;
		return i;
	}
}
