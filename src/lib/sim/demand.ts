import type { CompiledScenario, DayPlan } from './compile';
import { poisson } from './distributions';
import { stream, type Rng } from './random';
import { log } from '../stats/portableMath';

/**
 * One day's visitors and everything random about them, drawn when they are generated. Stored as flat arrays
 * (one entry per visitor, or per leg) because a planner runs thousands of replications: a day is a handful of
 * allocations, not thousands. Visitor i (0-based) is visitor number i + 1 of the day, in order of `eventTime`.
 */
export interface DayDemand {
	count: number;
	/** When the visitor enters the hall (minutes after midnight). */
	arrival: Float64Array;
	/** When the simulator acts: check-in (first ticket) for those who come, slot start for a no-show. */
	eventTime: Float64Array;
	/** Bit 1: online; bit 2: no-show; bit 4: priority class. */
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

export const ONLINE = 1;
export const NO_SHOW = 2;
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

/** Generates one day's visitors, ordered by the time the simulator acts on them. */
export function generateDay(m: CompiledScenario, day: DayPlan, s: DemandStreams): DayDemand {
	const arrivals = m.continuous ? continuousArrivals(m, day, s.arrival) : profileArrivals(day, s);
	const n = arrivals.length;
	const total = m.serviceCum[m.serviceCum.length - 1];
	const slot = m.onlineSlot;
	const arrival = new Float64Array(n);
	const eventTime = new Float64Array(n);
	const flags = new Uint8Array(n);
	const slotStart = new Float64Array(n);
	const legCount = new Int32Array(n);
	const services: number[] = [];
	for (let i = 0; i < n; i++) {
		let a = arrivals[i];
		let f = s.priority() < m.priorityShare ? PRIORITY : 0;
		let slotAt = NaN;
		let at = a;
		if (m.onlineShare > 0 && s.channel() < m.onlineShare) {
			f |= ONLINE;
			if (s.channel() < m.noShow) f |= NO_SHOW;
			slotAt = day.open + Math.floor((a - day.open) / slot) * slot;
			const late = m.punctuality ? m.punctuality(s.punctuality) : 0;
			// A booked visitor still comes within opening hours.
			a = Math.min(Math.max(slotAt + late, day.open), day.close);
			at = f & NO_SHOW ? slotAt : Math.max(a, slotAt);
		}
		arrival[i] = a;
		eventTime[i] = at;
		flags[i] = f;
		slotStart[i] = slotAt;
		// First service by weight, then further distinct services while the visitor wants more.
		const first = services.length;
		services.push(pick(m.serviceCum, total, s.service()));
		while (services.length - first < m.services.length && s.service() < m.extraService) {
			let k = pick(m.serviceCum, total, s.service());
			for (let tries = 0; chosen(services, first, k) && tries < 20; tries++) k = pick(m.serviceCum, total, s.service());
			if (chosen(services, first, k)) break;
			services.push(k);
		}
		legCount[i] = services.length - first;
	}
	const nLegs = services.length;
	const work = new Float64Array(nLegs);
	const patience = new Float64Array(nLegs);
	for (let j = 0; j < nLegs; j++) {
		work[j] = m.services[services[j]].work(s.work);
		patience[j] = m.patience ? m.patience(s.patience) : Infinity;
	}
	// Order by event time; a stable sort keeps generation order among equal times, so numbering is reproducible.
	const order = new Int32Array(n);
	let sorted = true;
	for (let i = 0; i < n; i++) {
		order[i] = i;
		if (i > 0 && eventTime[i] < eventTime[i - 1]) sorted = false;
	}
	if (!sorted) order.sort((x, y) => eventTime[x] - eventTime[y] || x - y);
	else if (!m.onlineShare) {
		// Walk-ins only, already in order: the generated arrays are the day's demand as they are.
		return { count: n, arrival, eventTime, flags, slotStart, legStart: prefixSums(legCount), legService: Int32Array.from(services), legWork: work, legPatience: patience };
	}
	const srcStart = prefixSums(legCount);
	const out: DayDemand = {
		count: n,
		arrival: new Float64Array(n),
		eventTime: new Float64Array(n),
		flags: new Uint8Array(n),
		slotStart: new Float64Array(n),
		legStart: new Int32Array(n + 1),
		legService: new Int32Array(nLegs),
		legWork: new Float64Array(nLegs),
		legPatience: new Float64Array(nLegs)
	};
	let j = 0;
	for (let i = 0; i < n; i++) {
		const v = order[i];
		out.arrival[i] = arrival[v];
		out.eventTime[i] = eventTime[v];
		out.flags[i] = flags[v];
		out.slotStart[i] = slotStart[v];
		out.legStart[i] = j;
		for (let q = srcStart[v]; q < srcStart[v + 1]; q++, j++) {
			out.legService[j] = services[q];
			out.legWork[j] = work[q];
			out.legPatience[j] = patience[q];
		}
	}
	out.legStart[n] = j;
	return out;
}

function prefixSums(counts: Int32Array): Int32Array {
	const out = new Int32Array(counts.length + 1);
	for (let i = 0; i < counts.length; i++) out[i + 1] = out[i] + counts[i];
	return out;
}

function chosen(services: number[], from: number, k: number): boolean {
	for (let i = from; i < services.length; i++) if (services[i] === k) return true;
	return false;
}

function pick(cum: Float64Array, total: number, u: number): number {
	const x = u * total;
	let lo = 0;
	let hi = cum.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cum[mid] > x) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** A Poisson number of arrivals spread by the day's profile: a non-homogeneous Poisson process. */
function profileArrivals(day: DayPlan, s: DemandStreams): Float64Array {
	const n = poisson(s.count, day.expectedVisitors);
	const { starts, ends, cum } = day.arrivals;
	const total = cum.length ? cum[cum.length - 1] : 0;
	if (total <= 0) return new Float64Array(0);
	const times = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const u = s.arrival();
		const x = u * total;
		const j = pick(cum, total, u);
		const before = j === 0 ? 0 : cum[j - 1];
		times[i] = starts[j] + ((x - before) / (cum[j] - before)) * (ends[j] - starts[j]);
	}
	return times.sort();
}

/** A constant-rate Poisson process over the run. */
function continuousArrivals(m: CompiledScenario, day: DayPlan, rng: Rng): Float64Array {
	if (m.ratePerMinute <= 0) return new Float64Array(0);
	let buf = new Float64Array(Math.ceil(m.ratePerMinute * (day.lastTicket - day.open) * 1.2) + 16);
	let n = 0;
	let t = day.open;
	for (;;) {
		t += -log(1 - rng()) / m.ratePerMinute;
		if (t >= day.lastTicket) break;
		if (n === buf.length) {
			const bigger = new Float64Array(buf.length * 2);
			bigger.set(buf);
			buf = bigger;
		}
		buf[n++] = t;
	}
	return buf.slice(0, n);
}
