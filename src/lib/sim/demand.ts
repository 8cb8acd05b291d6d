/**
 * Demand: the visitors of a day (or of a block of a continuous run) and everything random about them, drawn when
 * they are generated, from the demand streams only (common random numbers across layouts and policies).
 *
 * Speed (a planner generates thousands of days): a day is a handful of flat typed arrays, generated into a reused
 * buffer with module-level scratch arrays, not thousands of objects; the work and patience of every leg are drawn
 * by Sampler.fill/fillEach in a function of their own, where the optimiser inlines the samplers (a call would box
 * every double it returns).
 */
import type { CompiledScenario, DayPlan } from './compile';
import { poisson, Sampler } from './distributions';
import { stream, type Rng } from './random';
import { log } from '../stats/portableMath';
import { sortRange } from '../stats/quantile';

/**
 * One day's visitors (or a block of them), one entry per visitor or per leg. The arrays are in generation order;
 * `order` lists the visitors in the order the simulator meets them.
 */
export interface DayDemand {
	count: number;
	/**
	 * The day's visitor index of visitor order[0]: 0 for a whole day; a continuous run is generated in blocks, each
	 * starting where the one before ended.
	 */
	first: number;
	/**
	 * Visitors by event time (equal times in generation order): visitor order[r] is visitor number r + 1 of the
	 * day. (Only online visitors, moved to their slot, break generation order; an index saves moving the arrays.)
	 */
	order: Int32Array;
	/** When the visitor enters the hall (minutes after midnight). */
	arrival: Float64Array;
	/** When the simulator acts: check-in (first ticket) for those who come, slot start for a no-show. */
	eventTime: Float64Array;
	/** Bit 1: online (ONLINE); bit 2: booked online and stays away, a 'no-show' (ABSENT); bit 4: priority class (PRIORITY). */
	flags: Uint8Array;
	/** Online booking slot start, NaN for walk-ins. */
	slotStart: Float64Array;
	/** Legs of visitor i are legStart[i] .. legStart[i + 1] - 1. */
	legStart: Int32Array;
	/** Per leg: service index, work content (minutes at speed 1), patience (Infinity: never leaves). */
	legService: Int32Array;
	legWork: Float64Array;
	legPatience: Float64Array;
}

// A visitor's demand flags (DayDemand.flags).
export const ONLINE = 1;
/** Booked online and never comes: its one leg ends 'no-show'. */
export const ABSENT = 2;
export const PRIORITY = 4;

/**
 * The demand streams of one replication. They depend only on (seed, replication) and the demand part of the
 * scenario — never on counters, staffing or policy — so scenarios that differ only there see the same
 * visitors (common random numbers).
 */
export class DemandStreams {
	readonly count: Rng;
	readonly arrival: Rng;
	readonly priority: Rng;
	readonly channel: Rng;
	readonly punctuality: Rng;
	readonly service: Rng;
	readonly work: Rng;
	readonly patience: Rng;

	constructor(seed: number, replication: number) {
		this.count = stream(seed, replication, 'count');
		this.arrival = stream(seed, replication, 'arrival');
		this.priority = stream(seed, replication, 'priority');
		this.channel = stream(seed, replication, 'channel');
		this.punctuality = stream(seed, replication, 'punctuality');
		this.service = stream(seed, replication, 'service');
		this.work = stream(seed, replication, 'work');
		this.patience = stream(seed, replication, 'patience');
	}
}

/** Room to generate days into, reused day after day: a day generated into a buffer lives until its next use. */
export class DemandBuffer {
	order = new Int32Array(0);
	arrival = new Float64Array(0);
	eventTime = new Float64Array(0);
	flags = new Uint8Array(0);
	slotStart = new Float64Array(0);
	legStart = new Int32Array(1);
	legService = new Int32Array(0);
	legWork = new Float64Array(0);
	legPatience = new Float64Array(0);

	/** Makes room for n visitors (and a first guess of their legs); keeps nothing. */
	fit(n: number): void {
		if (this.arrival.length < n) {
			const cap = n + (n >> 2) + 16;
			this.order = new Int32Array(cap);
			this.arrival = new Float64Array(cap);
			this.eventTime = new Float64Array(cap);
			this.flags = new Uint8Array(cap);
			this.slotStart = new Float64Array(cap);
			this.legStart = new Int32Array(cap + 1);
		}
		if (this.legService.length < n + 1) this.fitLegs(n + (n >> 2) + 16);
	}

	/** Makes room for `legs` legs, keeping the services drawn so far. */
	fitLegs(legs: number): void {
		const services = new Int32Array(legs);
		services.set(this.legService.subarray(0, Math.min(legs, this.legService.length)));
		this.legService = services;
		this.legWork = new Float64Array(legs);
		this.legPatience = new Float64Array(legs);
	}
}

// Scratch space of the generators (each runs to completion, so one serves every call in a thread).
let arrivalTimes = new Float64Array(512);
let onlineVisitors = new Int32Array(512);

/**
 * Generates one day's visitors, with their order by the time the simulator acts on them, into `buffer` (by
 * default a new one; the day is valid until the buffer is used again). A continuous run's whole day at once: see
 * `generateBlock` for it a block at a time.
 */
export function generateDay(m: CompiledScenario, day: DayPlan, s: DemandStreams, buffer = new DemandBuffer()): DayDemand {
	if (m.continuous) return generateBlock(m, day, s, new ContinuousArrivals(m, day), Infinity, buffer);
	return generateVisitors(m, day, s, buffer, profileArrivals(day, s), 0);
}

/**
 * Generates the next (at most) `max` visitors of a continuous run whose arrivals so far are `arrivals`. Block after
 * block, the streams give every visitor the values `generateDay` would: each stream is drawn in visitor order.
 */
export function generateBlock(m: CompiledScenario, day: DayPlan, s: DemandStreams, arrivals: ContinuousArrivals, max: number, buffer: DemandBuffer): DayDemand {
	const first = arrivals.count;
	return generateVisitors(m, day, s, buffer, arrivals.next(s.arrival, max), first);
}

/** Draws everything about n visitors arriving at arrivalTimes[0 … n - 1] into B, the first being visitor `first` of the day. */
function generateVisitors(m: CompiledScenario, day: DayPlan, s: DemandStreams, B: DemandBuffer, n: number, first: number): DayDemand {
	const arrivals = arrivalTimes;
	B.fit(n);
	const { arrival, eventTime, flags, slotStart, legStart } = B;
	let sorted = true;
	let nLegs = 0;
	for (let i = 0; i < n; i++) {
		const f = s.priority() < m.priorityShare ? PRIORITY : 0;
		if (m.onlineShare > 0 && s.channel() < m.onlineShare) book(m, day, s, B, i, arrivals[i], f | ONLINE);
		else {
			arrival[i] = eventTime[i] = arrivals[i];
			flags[i] = f;
			slotStart[i] = NaN;
		}
		if (i > 0 && eventTime[i] < eventTime[i - 1]) sorted = false;
		legStart[i] = nLegs;
		nLegs = drawServices(m, s, B, nLegs);
	}
	legStart[n] = nLegs;
	drawLegs(m, s, B, nLegs);
	return dayDemand(B, n, nLegs, first, sorted);
}

/** Visitor i, booked online (flags f) for the slot it was generated in (at a): whether and when it comes. */
function book(m: CompiledScenario, day: DayPlan, s: DemandStreams, B: DemandBuffer, i: number, a: number, f: number): void {
	if (s.channel() < m.noShow) f |= ABSENT;
	const slot = m.onlineSlot;
	const slotAt = day.open + Math.floor((a - day.open) / slot) * slot;
	const late = m.punctuality ? m.punctuality.draw(s.punctuality) : 0;
	// A booked visitor still comes within opening hours.
	const comes = Math.min(Math.max(slotAt + late, day.open), day.close);
	B.arrival[i] = comes;
	B.eventTime[i] = f & ABSENT ? slotAt : Math.max(comes, slotAt);
	B.flags[i] = f;
	B.slotStart[i] = slotAt;
}

/**
 * A visitor's services, from leg nLegs on: the first by weight, then further distinct services while the visitor
 * wants more. Returns the legs drawn so far.
 */
function drawServices(m: CompiledScenario, s: DemandStreams, B: DemandBuffer, nLegs: number): number {
	const services = m.servicePick;
	const first = nLegs;
	if (nLegs === B.legService.length) B.fitLegs(nLegs * 2);
	B.legService[nLegs++] = services.pick(s.service());
	while (nLegs - first < m.serviceWork.length && s.service() < m.extraService) {
		let k = services.pick(s.service());
		for (let tries = 0; chosen(B.legService, first, nLegs, k) && tries < 20; tries++) k = services.pick(s.service());
		if (chosen(B.legService, first, nLegs, k)) break;
		if (nLegs === B.legService.length) B.fitLegs(nLegs * 2);
		B.legService[nLegs++] = k;
	}
	return nLegs;
}

/** The n visitors (and nLegs legs) generated into B, in the order the simulator meets them. */
function dayDemand(B: DemandBuffer, n: number, nLegs: number, first: number, sorted: boolean): DayDemand {
	const order = B.order;
	// Equal times keep generation order, so numbering is reproducible.
	if (sorted) for (let i = 0; i < n; i++) order[i] = i;
	else sortByTime(order, n, B.eventTime, B.flags);
	return {
		count: n,
		first,
		order: order.subarray(0, n),
		arrival: B.arrival.subarray(0, n),
		eventTime: B.eventTime.subarray(0, n),
		flags: B.flags.subarray(0, n),
		slotStart: B.slotStart.subarray(0, n),
		legStart: B.legStart.subarray(0, n + 1),
		legService: B.legService.subarray(0, nLegs),
		legWork: B.legWork.subarray(0, nLegs),
		legPatience: B.legPatience.subarray(0, nLegs)
	};
}

/** Draws the work content and patience of legs 0 … nLegs - 1. */
function drawLegs(m: CompiledScenario, s: DemandStreams, B: DemandBuffer, nLegs: number): void {
	const { legService, legWork, legPatience } = B;
	Sampler.fillEach(s.work, m.serviceWork, legService, legWork, 0, nLegs);
	// Patience has a stream of its own: drawn after the work, each leg's value is the same.
	if (m.patience) m.patience.fill(s.patience, legPatience, 0, nLegs);
	else legPatience.fill(Infinity, 0, nLegs);
	checkDraws(legWork, legPatience, nLegs);
}

/**
 * Fails the run loudly if a draw is not a usable duration. Validation bounds every parameter so that none can be
 * (a property test holds every sampler to it); were one to slip through, a NaN work content would be tallied as
 * a wait of NaN and the run would exit 0 with nonsense.
 */
function checkDraws(work: Float64Array, patience: Float64Array, n: number): void {
	for (let i = 0; i < n; i++) {
		const w = work[i];
		const p = patience[i];
		if (!(w >= 0 && w < Infinity) || !(p >= 0)) {
			throw new RangeError(`a drawn ${!(w >= 0 && w < Infinity) ? `work content (${w})` : `patience (${p})`} is not a finite duration: the scenario's distributions are outside what the simulator can draw from`);
		}
	}
}

/**
 * Lists visitors 0 … n - 1 in `order` by event time, equal times in generation order. Walk-ins come in arrival order
 * already; online visitors, moved to their slot (never far), are sorted among themselves by insertion and merged in.
 */
function sortByTime(order: Int32Array, n: number, time: Float64Array, flags: Uint8Array): void {
	const online = onlineRoom(n);
	let w = 0;
	let k = 0;
	for (let i = 0; i < n; i++) {
		if (!(flags[i] & ONLINE)) {
			order[w++] = i;
			continue;
		}
		const t = time[i];
		let j = k - 1;
		while (j >= 0 && time[online[j]] > t) {
			online[j + 1] = online[j];
			j--;
		}
		online[j + 1] = i;
		k++;
	}
	// Merge from the back, in place: at equal times the later visitor goes last.
	let a = w - 1;
	for (let b = k - 1, out = n - 1; b >= 0; out--) {
		const y = online[b];
		const x = a >= 0 ? order[a] : -1;
		if (x >= 0 && (time[x] > time[y] || (time[x] === time[y] && x > y))) {
			order[out] = x;
			a--;
		} else {
			order[out] = y;
			b--;
		}
	}
}

function chosen(services: Int32Array, from: number, to: number, k: number): boolean {
	for (let i = from; i < to; i++) if (services[i] === k) return true;
	return false;
}

/** Room for n visitor indices in the scratch array of sortByTime. */
function onlineRoom(n: number): Int32Array {
	if (onlineVisitors.length < n) onlineVisitors = new Int32Array(Math.max(n, onlineVisitors.length * 2));
	return onlineVisitors;
}

/** Room for n arrival times in the scratch array. */
function arrivalRoom(n: number): Float64Array {
	if (arrivalTimes.length < n) arrivalTimes = new Float64Array(Math.max(n, arrivalTimes.length * 2));
	return arrivalTimes;
}

/** A Poisson number of arrivals spread by the day's profile (a non-homogeneous Poisson process), sorted into arrivalTimes; returns how many. */
function profileArrivals(day: DayPlan, s: DemandStreams): number {
	const n = poisson(s.count, day.expectedVisitors);
	const { starts, ends, cum, pick } = day.arrivals;
	if (pick === null || !(pick.total > 0)) return 0;
	const total = pick.total;
	const times = arrivalRoom(n);
	for (let i = 0; i < n; i++) {
		const u = s.arrival();
		const x = u * total;
		const j = pick.pick(u);
		const before = j === 0 ? 0 : cum[j - 1];
		times[i] = starts[j] + ((x - before) / (cum[j] - before)) * (ends[j] - starts[j]);
	}
	sortRange(times, 0, n);
	return n;
}

/**
 * The arrivals of a continuous run, a constant-rate Poisson process over [open, lastTicket), drawn as they are
 * needed: memory does not grow with the length of the run.
 */
export class ContinuousArrivals {
	/** Arrivals drawn so far. */
	count = 0;
	/** Whether the process has passed the last ticket. */
	done: boolean;
	private t: number;
	private readonly rate: number;
	private readonly until: number;

	constructor(m: CompiledScenario, day: DayPlan) {
		this.rate = m.ratePerMinute;
		this.t = day.open;
		this.until = day.lastTicket;
		this.done = !(this.rate > 0);
	}

	/** The next arrivals, at most `max`, into arrivalTimes; returns how many. */
	next(rng: Rng, max: number): number {
		let times = arrivalRoom(Math.min(max, Math.ceil(this.rate * (this.until - this.t) * 1.2) + 16));
		let n = 0;
		while (n < max && !this.done) {
			const t = this.t + -log(1 - rng()) / this.rate;
			if (t >= this.until) this.done = true;
			else {
				this.t = t;
				if (n === times.length) {
					const bigger = new Float64Array(times.length * 2);
					bigger.set(times);
					times = arrivalTimes = bigger;
				}
				times[n++] = t;
			}
		}
		this.count += n;
		return n;
	}
}
