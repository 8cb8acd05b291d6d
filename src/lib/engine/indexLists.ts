/**
 * Lists of small integers, one per row, packed into two typed arrays (row r is items[start[r] .. start[r + 1] - 1]).
 * The engine reads such lists at every ticket (the lines a ticket joins, the counters that may call it, the lines a
 * counter calls from): one flat array is two loads from the engine, where an array of typed arrays is a chain of them.
 */
export class IndexLists {
	readonly start: Int32Array;
	readonly items: Int32Array;

	constructor(rows: readonly (readonly number[])[]) {
		this.start = new Int32Array(rows.length + 1);
		let n = 0;
		for (let r = 0; r < rows.length; r++) {
			this.start[r] = n;
			n += rows[r].length;
		}
		this.start[rows.length] = n;
		this.items = new Int32Array(n);
		for (let r = 0; r < rows.length; r++) this.items.set(rows[r], this.start[r]);
	}

	/** Whether row r holds x. */
	has(r: number, x: number): boolean {
		for (let j = this.start[r]; j < this.start[r + 1]; j++) if (this.items[j] === x) return true;
		return false;
	}
}
