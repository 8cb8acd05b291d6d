import type { ProfileEntry } from './profiles';
import type { Ticket } from './tickets';

/**
 * A counter as the engine shows it: read-only, because the engine also keeps each counter's idleness in a table
 * of its own (QueueEngine's idleFrom), and a state set from outside would leave the two disagreeing.
 */
export interface CounterView<P> {
	readonly index: number;
	readonly id: string;
	/** serves[i] = 1 when it may serve service i (one entry per service of the engine). */
	readonly serves: ArrayLike<number>;
	readonly onDuty: boolean;
	/** Its shift has ended while it was serving: it goes off duty when the visitor in hand is done. */
	readonly closing: boolean;
	readonly serving: Readonly<Ticket<P>> | null;
	/** When it last became free. */
	readonly idleSince: number;
	/** On duty and free to call. */
	readonly idle: boolean;
}

/** A counter's live state inside the engine (written only by the engine; callers see a CounterView). */
export class CounterState<P> implements CounterView<P> {
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
