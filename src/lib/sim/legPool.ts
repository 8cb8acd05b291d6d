/**
 * The leg objects of one replication object, reused replication after replication and, when a run keeps no legs,
 * leg after leg within a day.
 *
 * Speed: the lists are counted by hand (free[0 … nFree - 1], ended[endedHead … nEnded - 1]), because emptying an
 * array by its length drops its storage, to be grown again every day; a day that reuses the legs ended first keeps
 * the objects it touches few, and in the processor's caches.
 */
import { Leg, type LegRun } from './leg';

export class LegPool {
	/** Legs free to reuse. */
	private readonly free: Leg[] = [];
	private nFree = 0;
	/** Legs that have ended (and are not kept), in the order they ended, not yet free. */
	private readonly ended: Leg[] = [];
	private endedHead = 0;
	private nEnded = 0;
	/** Leg objects made so far, over every replication (the rest were reused). */
	made = 0;

	constructor(private readonly run: LegRun) {}

	/** A leg object to start a new leg with (Leg.first, Leg.after): a free one (refilled by `reclaim` when none is), else a new one. */
	take(): Leg {
		if (this.nFree > 0 || this.reclaim()) return this.free[--this.nFree];
		this.made++;
		return new Leg(this.run);
	}

	/** Takes back legs kept by an earlier run (its records: whoever wanted them has copied them). */
	giveBack(legs: readonly Leg[]): void {
		for (const l of legs) this.free[this.nFree++] = l;
	}

	/** Keeps a leg that has ended (and is not kept) for reuse, once nothing refers to it any more. */
	retire(leg: Leg): void {
		// Slide the legs not yet reused to the front now and then: a long day's list stays as short as they are few.
		if (this.endedHead >= 1024 && this.endedHead * 2 >= this.nEnded) {
			this.ended.copyWithin(0, this.endedHead, this.nEnded);
			this.nEnded -= this.endedHead;
			this.endedHead = 0;
		}
		this.ended[this.nEnded++] = leg;
	}

	/**
	 * Frees the legs that ended first, as long as nothing refers to them any more (their ticket has left every line,
	 * and their patience event the calendar: sooner, a leg would need a new event); true if any leg is free now. A
	 * continuous run is one day of thousands of visitors: this keeps its leg objects few. (A working day rarely runs
	 * dry: it has the days before's legs.)
	 */
	private reclaim(): boolean {
		while (this.endedHead < this.nEnded) {
			const l = this.ended[this.endedHead];
			// (A pending timer is a waiting visitor's, cancelled when called: the leg is free once it is due.)
			if (l.patiencePending(this.run) || !this.run.engine.reusable(l.tk)) break;
			this.free[this.nFree++] = l;
			this.endedHead++;
		}
		return this.nFree > 0;
	}

	/** Frees every leg ended so far: at a day's start, when none is in the hall or in a line any more. */
	freeEnded(): void {
		for (let i = this.endedHead; i < this.nEnded; i++) this.free[this.nFree++] = this.ended[i];
		this.endedHead = this.nEnded = 0;
	}
}
