/** Time-weighted average of a piecewise-constant quantity (queue length, busy counters, …). */

/** Accumulates ∫ value dt for a quantity that changes at event times; the clock must never go back. */
export class TimeWeighted {
	private start: number;
	private last: number;
	private value: number;
	private sum = 0;

	/** Starts observing at time `t0` with the quantity at `value0`. */
	constructor(t0 = 0, value0 = 0) {
		this.start = t0;
		this.last = t0;
		this.value = value0;
	}

	/** The quantity becomes `value` at time `t` (≥ the previous record). */
	record(value: number, t: number): void {
		this.advance(t);
		this.value = value;
	}

	/** Accounts for the time up to `t` at the current value without changing it. */
	advance(t: number): void {
		// A time going back would silently subtract area: it is always a simulator bug, so fail loudly.
		if (t < this.last) throw new RangeError(`TimeWeighted: time went back from ${this.last} to ${t}`);
		this.sum += this.value * (t - this.last);
		this.last = t;
	}

	/** The current value. */
	get current(): number {
		return this.value;
	}

	/** Time of the last record or advance. */
	get time(): number {
		return this.last;
	}

	/** ∫ value dt from the start up to `t` (default: the last record), without mutating. */
	area(t: number = this.last): number {
		if (t < this.last) throw new RangeError(`TimeWeighted: area asked at ${t}, before ${this.last}`);
		return this.sum + this.value * (t - this.last);
	}

	/** Time-weighted mean from the start up to `t` (default: the last record); NaN over an empty span. */
	mean(t: number = this.last): number {
		const span = t - this.start;
		return span > 0 ? this.area(t) / span : NaN;
	}
}
