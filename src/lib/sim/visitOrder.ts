/**
 * Ended legs in the order an analyst reads them — by day, visitor and leg — handed on as soon as a visitor and
 * every earlier visitor of the day are done, so a long run never holds more than the visitors still in the hall.
 * Visitors are numbered 1, 2, … each day in the order they come; a visitor's legs end in leg order.
 *
 * Speed: visitors waiting their turn sit in a ring indexed by visitor number (a few hundred at most in a busy
 * hall), not in a map: a million-visitor run puts most of them through it. A held leg is kept as it is, not
 * copied: its owner reuses it only once it has been handed on.
 */
import type { LegRecord } from '../records/legRecord';

export class VisitOrder<L extends LegRecord = LegRecord> {
	private day = 0;
	/** The day's next visitor to hand on. */
	private next = 1;
	/** The highest visitor number held (next - 1 when none is). */
	private last = 0;
	/** Held legs of visitor v at ring[v % ring.length] (null: none), and whether v is done. */
	private ring: (L[] | null)[] = new Array(64).fill(null);
	private done = new Uint8Array(64);

	/** `emit` receives each leg in turn: the leg is the caller's again (to reuse) once emit returns. */
	constructor(private readonly emit: (record: L) => void) {}

	/** Takes a leg that has ended, and keeps it until handed on; `last`: the visitor's visit ends with it. */
	add(record: L, last: boolean): void {
		// Every leg of a day has ended before the next day's first visitor comes (the run ends each day at midnight).
		if (record.day !== this.day) {
			this.endDay();
			this.day = record.day;
		}
		const v = record.visitor;
		// The common case, a visitor done in turn with nothing held: straight through.
		if (last && v === this.next && this.last < v) {
			this.next = v + 1;
			this.last = v;
			this.emit(record);
			return;
		}
		while (v - this.next >= this.ring.length) this.grow();
		const at = v % this.ring.length;
		(this.ring[at] ??= []).push(record);
		if (v > this.last) this.last = v;
		if (!last) return;
		this.done[at] = 1;
		this.handOn(false);
	}

	/** Hands on held visitors from `next` while they are done (all of them, done or not, when the day is over). */
	private handOn(dayOver: boolean): void {
		const n = this.ring.length;
		while (this.next <= this.last) {
			const at = this.next % n;
			if (!dayOver && !this.done[at]) return;
			for (const l of this.ring[at] ?? []) this.emit(l);
			this.ring[at] = null;
			this.done[at] = 0;
			this.next++;
		}
	}

	/** A ring twice the size, each held visitor moved to its place in it. */
	private grow(): void {
		const ring: (L[] | null)[] = new Array(this.ring.length * 2).fill(null);
		const done = new Uint8Array(ring.length);
		for (let v = this.next; v <= this.last; v++) {
			ring[v % ring.length] = this.ring[v % this.ring.length];
			done[v % ring.length] = this.done[v % this.ring.length];
		}
		this.ring = ring;
		this.done = done;
	}

	/** The day is over: hands on whatever is held, in visitor order, and numbering starts again at 1. */
	endDay(): void {
		this.handOn(true);
		this.next = 1;
		this.last = 0;
	}
}
