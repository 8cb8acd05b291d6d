import type { CompiledScenario, DayPlan } from './compile';
import { poisson } from './distributions';
import { stream, type Rng } from './random';

/** Everything random about one visitor, drawn when the visitor is generated. */
export interface Visitor {
	/** 1-based number within the day, in order of `eventTime`. */
	id: number;
	/** When the visitor enters the hall (minutes after midnight). */
	arrival: number;
	/** When the simulator acts: check-in (first ticket) for those who come, slot start for a no-show. */
	eventTime: number;
	online: boolean;
	noShow: boolean;
	/** Online booking slot start, NaN for walk-ins. */
	slotStart: number;
	priority: boolean;
	/** Service indices wanted, in the order served. */
	legs: number[];
	/** Work content of each leg (minutes at speed 1). */
	work: number[];
	/** Patience for each leg's wait (Infinity when nobody leaves). */
	patience: number[];
}

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

/** Generates one day's visitors, sorted by the time the simulator acts on them. */
export function generateDay(m: CompiledScenario, day: DayPlan, s: DemandStreams): Visitor[] {
	const arrivals = m.continuous ? continuousArrivals(m, day, s.arrival) : profileArrivals(day, s);
	const out: Visitor[] = new Array(arrivals.length);
	const total = m.serviceCum[m.serviceCum.length - 1];
	const slot = m.onlineSlot;
	for (let i = 0; i < arrivals.length; i++) {
		let arrival = arrivals[i];
		const priority = s.priority() < m.priorityShare;
		const online = m.onlineShare > 0 && s.channel() < m.onlineShare;
		let noShow = false;
		let slotStart = NaN;
		let eventTime = arrival;
		if (online) {
			noShow = s.channel() < m.noShow;
			slotStart = day.open + Math.floor((arrival - day.open) / slot) * slot;
			const late = m.punctuality ? m.punctuality(s.punctuality) : 0;
			// A booked visitor still comes within opening hours.
			arrival = Math.min(Math.max(slotStart + late, day.open), day.close);
			eventTime = noShow ? slotStart : Math.max(arrival, slotStart);
		}
		// First service by weight, then further distinct services while the visitor wants more.
		const legs: number[] = [pick(m.serviceCum, total, s.service())];
		while (legs.length < m.services.length && s.service() < m.extraService) {
			let k = pick(m.serviceCum, total, s.service());
			for (let tries = 0; legs.includes(k) && tries < 20; tries++) k = pick(m.serviceCum, total, s.service());
			if (legs.includes(k)) break;
			legs.push(k);
		}
		// Plain arrays: most visits have one leg, and tiny typed arrays cost more to allocate.
		const work: number[] = new Array(legs.length);
		const patience: number[] = new Array(legs.length);
		for (let j = 0; j < legs.length; j++) {
			work[j] = m.services[legs[j]].work(s.work);
			patience[j] = m.patience ? m.patience(s.patience) : Infinity;
		}
		out[i] = { id: 0, arrival, eventTime, online, noShow, slotStart, priority, legs, work, patience };
	}
	// Stable sort keeps generation order among equal times, so numbering is reproducible.
	out.sort((a, b) => a.eventTime - b.eventTime);
	for (let i = 0; i < out.length; i++) out[i].id = i + 1;
	return out;
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
		const x = s.arrival() * total;
		let j = 0;
		while (j < cum.length - 1 && cum[j] <= x) j++;
		const before = j === 0 ? 0 : cum[j - 1];
		times[i] = starts[j] + ((x - before) / (cum[j] - before)) * (ends[j] - starts[j]);
	}
	return times.sort();
}

/** A constant-rate Poisson process over the run. */
function continuousArrivals(m: CompiledScenario, day: DayPlan, rng: Rng): Float64Array {
	const out: number[] = [];
	if (m.ratePerMinute <= 0) return new Float64Array(0);
	let t = day.open;
	for (;;) {
		t += -Math.log(1 - rng()) / m.ratePerMinute;
		if (t >= day.lastTicket) break;
		out.push(t);
	}
	return Float64Array.from(out);
}
