import type { CompiledScenario, DayPlan } from './compile';
import { poisson, Sampler } from './distributions';
import { stream, type Rng } from './random';
import { log } from '../stats/portableMath';
import { sortRange } from '../stats/quantile';

/**
 * One day's visitors and everything random about them, drawn when they are generated. Stored as flat arrays
 * (one entry per visitor, or per leg) because a planner runs thousands of replications: a day is a handful of
 * allocations, not thousands. The arrays are in generation order; `order` lists the visitors in the order the
 * simulator meets them.
 */
export interface DayDemand {
	count: number;
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

/**
 * Room to generate days into, reused day after day: a typed array costs microseconds to allocate, and a planner's
 * run generates thousands of days. A day generated into a buffer lives until the buffer's next use.
 */
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

// Scratch space of generateDay (it runs to completion, so one set serves every call in a thread).
let arrivalTimes = new Float64Array(512);

/**
 * Generates one day's visitors, with their order by the time the simulator acts on them, into `buffer` (by
 * default a new one; the day is valid until the buffer is used again).
 */
export function generateDay(m: CompiledScenario, day: DayPlan, s: DemandStreams, buffer = new DemandBuffer()): DayDemand {
	const n = m.continuous ? continuousArrivals(m, day, s.arrival) : profileArrivals(day, s);
	const arrivals = arrivalTimes;
	const services = m.servicePick;
	const slot = m.onlineSlot;
	const B = buffer;
	B.fit(n);
	const { order, arrival, eventTime, flags, slotStart, legStart } = B;
	let sorted = true;
	let nLegs = 0;
	for (let i = 0; i < n; i++) {
		let a = arrivals[i];
		let f = s.priority() < m.priorityShare ? PRIORITY : 0;
		let slotAt = NaN;
		let at = a;
		if (m.onlineShare > 0 && s.channel() < m.onlineShare) {
			f |= ONLINE;
			if (s.channel() < m.noShow) f |= ABSENT;
			slotAt = day.open + Math.floor((a - day.open) / slot) * slot;
			const late = m.punctuality ? m.punctuality.draw(s.punctuality) : 0;
			// A booked visitor still comes within opening hours.
			a = Math.min(Math.max(slotAt + late, day.open), day.close);
			at = f & ABSENT ? slotAt : Math.max(a, slotAt);
		}
		arrival[i] = a;
		eventTime[i] = at;
		if (i > 0 && at < eventTime[i - 1]) sorted = false;
		flags[i] = f;
		slotStart[i] = slotAt;
		// First service by weight, then further distinct services while the visitor wants more.
		const first = nLegs;
		legStart[i] = first;
		if (nLegs === B.legService.length) B.fitLegs(nLegs * 2);
		B.legService[nLegs++] = services.pick(s.service());
		while (nLegs - first < m.serviceWork.length && s.service() < m.extraService) {
			let k = services.pick(s.service());
			for (let tries = 0; chosen(B.legService, first, nLegs, k) && tries < 20; tries++) k = services.pick(s.service());
			if (chosen(B.legService, first, nLegs, k)) break;
			if (nLegs === B.legService.length) B.fitLegs(nLegs * 2);
			B.legService[nLegs++] = k;
		}
	}
	legStart[n] = nLegs;
	drawLegs(m, s, B, nLegs);
	const { legService, legWork, legPatience } = B;
	for (let i = 0; i < n; i++) order[i] = i;
	// A stable sort keeps generation order among equal times, so numbering is reproducible.
	if (!sorted) sortByTime(order, n, eventTime);
	return {
		count: n,
		order: order.subarray(0, n),
		arrival: arrival.subarray(0, n),
		eventTime: eventTime.subarray(0, n),
		flags: flags.subarray(0, n),
		slotStart: slotStart.subarray(0, n),
		legStart: legStart.subarray(0, n + 1),
		legService: legService.subarray(0, nLegs),
		legWork: legWork.subarray(0, nLegs),
		legPatience: legPatience.subarray(0, nLegs)
	};
}

/**
 * Draws the work content and patience of legs 0 … nLegs - 1. A function of its own: the optimiser then has room to
 * inline the samplers here, where a call would box every double it returns.
 */
function drawLegs(m: CompiledScenario, s: DemandStreams, B: DemandBuffer, nLegs: number): void {
	const { legService, legWork, legPatience } = B;
	Sampler.fillEach(s.work, m.serviceWork, legService, legWork, 0, nLegs);
	// Patience has a stream of its own: drawn after the work, each leg's value is the same.
	if (m.patience) m.patience.fill(s.patience, legPatience, 0, nLegs);
	else legPatience.fill(Infinity, 0, nLegs);
}

/**
 * Sorts `order` (the first n visitor indices) by event time, stably: equal times keep generation order.
 * Insertion sort, because the times are arrival times, already in order, except online visitors moved to their
 * slot, never far away.
 */
function sortByTime(order: Int32Array, n: number, time: Float64Array): void {
	for (let i = 1; i < n; i++) {
		const v = order[i];
		const t = time[v];
		let j = i - 1;
		while (j >= 0 && time[order[j]] > t) {
			order[j + 1] = order[j];
			j--;
		}
		order[j + 1] = v;
	}
}

function chosen(services: Int32Array, from: number, to: number, k: number): boolean {
	for (let i = from; i < to; i++) if (services[i] === k) return true;
	return false;
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

/** A constant-rate Poisson process over the run, into arrivalTimes; returns how many. */
function continuousArrivals(m: CompiledScenario, day: DayPlan, rng: Rng): number {
	if (m.ratePerMinute <= 0) return 0;
	let times = arrivalRoom(Math.ceil(m.ratePerMinute * (day.lastTicket - day.open) * 1.2) + 16);
	let n = 0;
	let t = day.open;
	for (;;) {
		t += -log(1 - rng()) / m.ratePerMinute;
		if (t >= day.lastTicket) break;
		if (n === times.length) {
			const bigger = new Float64Array(times.length * 2);
			bigger.set(times);
			times = arrivalTimes = bigger;
		}
		times[n++] = t;
	}
	return n;
}
