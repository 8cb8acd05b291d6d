/**
 * The simjs adapter: the only file that imports simjs. The npm bundle attaches `window.Sim` and exports
 * nothing, so `window` points at `globalThis` while it loads (Node and Web Workers have no window), and the
 * rest of the code gets a small typed calendar. simjs orders simultaneous events by insertion: runs are
 * reproducible because of it.
 */

/** Whatever the calendar's events are delivered to. */
export interface EventHandler {
	handle(ev: SimEvent): void;
}

/**
 * The one kind of object on the calendar. simjs's heap compares and delivers every event it holds; when they all
 * share one class (and `order`, which simjs writes, is declared) those sites stay monomorphic, which is most of
 * the calendar's speed. What an event means is its handler's business: `kind`, `arg` and `ref` are free for it.
 */
export class SimEvent {
	// A double from the start: the field keeps an unboxed representation, so setting it never allocates.
	deliverAt = Number.NaN;
	cancelled = false;
	/** simjs's insertion number (its tie-breaker): declared so writing it never changes the object's shape. */
	order = 0;
	// Small integers from the start (not parameter properties, which ES2022 class fields first define as
	// undefined): the fields then hold them untagged, and reading or bumping them needs no type check.
	kind = 0;
	arg = 0;
	handler: EventHandler;
	ref: unknown;
	constructor(handler: EventHandler, kind: number, arg: number, ref: unknown) {
		this.handler = handler;
		this.kind = kind;
		this.arg = arg;
		this.ref = ref;
	}
	deliver(): void {
		this.handler.handle(this);
	}
}

/** Runs the function an `at` event carries. */
const callFn: EventHandler = { handle: (ev) => (ev.ref as () => void)() };

interface SimjsQueue {
	insert(ev: SimEvent): void;
	data: SimEvent[];
	/** The next insertion number (simjs's tie-breaker). */
	order: number;
}
interface SimjsSim {
	simTime: number;
	queue: SimjsQueue;
	time(): number;
	simulate(endTime: number, maxEvents?: number): boolean;
}
interface SimjsRequest {
	done(fn: () => void): SimjsRequest;
}
interface SimjsEntity {
	setTimer(delay: number): SimjsRequest;
	time(): number;
}
interface SimjsModule {
	Sim: new () => SimjsSim & { addEntity(cls: abstract new (...args: never[]) => object): SimjsEntity };
	Entity: abstract new (...args: never[]) => SimjsEntity;
}

const g = globalThis as { window?: unknown; Sim?: unknown };
const hadWindow = 'window' in g;
if (!hadWindow) g.window = g;
await import('simjs');
const Simjs = ((g.window as { Sim?: SimjsModule }).Sim ?? (g as { Sim?: SimjsModule }).Sim) as SimjsModule | undefined;
if (!hadWindow) {
	delete g.window;
}
if (!Simjs) throw new Error('simjs did not load: window.Sim is missing');

/** The event calendar the simulator runs on. */
export class Calendar {
	private readonly sim: SimjsSim = new Simjs!.Sim();
	/** Events put on the calendar so far; each is taken off once (cancelled ones are skipped when taken). */
	scheduled = 0;
	/** Restarts so far: an event scheduled before the last one is no longer on the calendar. */
	restarts = 0;

	/** Simulated time now (minutes). */
	now(): number {
		return this.sim.simTime;
	}

	/** Runs `fn` at `time`; returns a handle whose `cancelled = true` drops it. */
	at(time: number, fn: () => void): SimEvent {
		const ev = new SimEvent(callFn, 0, 0, fn);
		this.schedule(ev, time);
		return ev;
	}

	/** Schedules an event object (the simulator reuses its own: allocation-light). */
	schedule(ev: SimEvent, time: number): void {
		ev.deliverAt = time;
		ev.cancelled = false;
		this.scheduled++;
		this.sim.queue.insert(ev);
	}

	/** Events on the calendar now, cancelled ones included until their time comes (simjs cannot remove them). */
	get pending(): number {
		return this.sim.queue.data.length;
	}

	/**
	 * Back to time 0 with nothing scheduled, as if new (scheduling order counts from 0 again; events still on it
	 * are dropped), keeping simjs's objects: a batch runs thousands of replications.
	 */
	restart(): void {
		if (this.sim.queue.data.length > 0) this.sim.queue.data.length = 0;
		this.sim.simTime = 0;
		this.sim.queue.order = 0;
		this.scheduled = 0;
		this.restarts++;
	}

	/** Runs events in time order (ties: scheduling order) until none is left or the next is after `until`. */
	run(until = Infinity): void {
		this.sim.simulate(until);
	}
}

/**
 * Events per second of simjs used through its own API (an Entity scheduling with `setTimer(d).done(fn)`), a
 * hold model with `pending` events in flight and trivial handlers — the benchmark's second baseline.
 */
export function simjsEntityTimerRate(events: number, pending: number, delay: () => number): number {
	const sim = new Simjs!.Sim();
	let n = 0;
	class Holder extends Simjs!.Entity {
		start(): void {
			const tick = (): void => {
				if (++n < events) this.setTimer(delay()).done(tick);
			};
			for (let i = 0; i < pending; i++) this.setTimer(delay()).done(tick);
		}
	}
	const t0 = performance.now();
	sim.addEntity(Holder);
	sim.simulate(Infinity);
	return n / ((performance.now() - t0) / 1000);
}
