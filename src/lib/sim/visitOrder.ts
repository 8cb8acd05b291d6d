/**
 * Ended legs in the order an analyst reads them — by day, visitor and leg — handed on as soon as a visitor and
 * every earlier visitor of the day are done, so a long run never holds more than the visitors still in the hall.
 * Visitors are numbered 1, 2, … each day in the order they come; a visitor's legs end in leg order.
 */
import type { LegRecord } from '../records/legRecord';
import { toPlainRecord } from './leg';

export class VisitOrder {
	private day = 0;
	/** The day's next visitor to hand on. */
	private next = 1;
	private readonly held = new Map<number, LegRecord[]>();
	private readonly done = new Set<number>();

	constructor(private readonly emit: (record: LegRecord) => void) {}

	/**
	 * Takes a leg that has ended; `last`: the visitor's visit ends with it. A leg handed on at once is handed on
	 * as it is (the receiver reads it during the call, or copies it); one held is copied first.
	 */
	add(record: LegRecord, last: boolean): void {
		// Every leg of a day has ended before the next day's first visitor comes (the run ends each day at midnight).
		if (record.day !== this.day) {
			this.endDay();
			this.day = record.day;
		}
		const v = record.visitor;
		// The common case, a visitor done in turn with nothing held: straight through.
		if (last && v === this.next && this.held.size === 0) {
			this.next++;
			this.emit(record);
			return;
		}
		const legs = this.held.get(v);
		if (legs) legs.push(toPlainRecord(record));
		else this.held.set(v, [toPlainRecord(record)]);
		if (!last) return;
		this.done.add(v);
		while (this.done.has(this.next)) {
			for (const l of this.held.get(this.next)!) this.emit(l);
			this.held.delete(this.next);
			this.done.delete(this.next++);
		}
	}

	/** The day is over: hands on whatever is held, in visitor order, and numbering starts again at 1. */
	endDay(): void {
		for (const v of [...this.held.keys()].sort((a, b) => a - b)) for (const l of this.held.get(v)!) this.emit(l);
		this.held.clear();
		this.done.clear();
		this.next = 1;
	}
}
