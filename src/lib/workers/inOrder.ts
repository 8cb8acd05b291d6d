/**
 * Replications finish in any order on a pool; whatever folds them into a run (sums in replication order, a CSV
 * written row after row) needs them in order. This holds the early ones until the gap before them fills: a few
 * chunks at most, since the pool hands out replications in increasing order.
 */
export class InReplicationOrder<T> {
	private readonly early = new Map<number, T>();

	constructor(
		private next: number,
		private readonly deliver: (item: T) => void
	) {}

	/** Takes replication r's result; delivers it and every held one that now follows without a gap. */
	push(r: number, item: T): void {
		if (r < this.next || this.early.has(r)) throw new RangeError(`replication ${r} delivered twice`);
		this.early.set(r, item);
		for (let held = this.early.get(this.next); held !== undefined; held = this.early.get(this.next)) {
			this.early.delete(this.next++);
			this.deliver(held);
		}
	}
}
