import type { ProfileEntry } from './profiles';
import type { Ticket } from './tickets';

/** A counter's live state inside the engine. */
export class CounterState<P> {
	onDuty = false;
	/** Its shift has ended while it was serving: it goes off duty when the visitor in hand is done. */
	closing = false;
	serving: Ticket<P> | null = null;
	/** When it last became free (for "longest idle" tie-breaking). */
	idleSince = 0;

	constructor(
		readonly index: number,
		readonly id: string,
		/** serves[i] = 1 when it may serve service i. */
		readonly serves: Uint8Array,
		readonly profile: ProfileEntry[]
	) {}

	/** On duty and free to call. */
	get idle(): boolean {
		return this.onDuty && !this.closing && this.serving === null;
	}
}
