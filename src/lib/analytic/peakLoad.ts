/**
 * The peak-hour offered load of each agency: how many counters' worth of work arrives in the busiest hour of the
 * busiest simulated day. Steady-state formulas (Erlang C / A) applied at that load give a sizing starting point
 * and a cross-check of the simulation.
 */
import type { Scenario } from '../model/scenario';
import { splitEntry } from '../model/serves';
import { compileScenario, type ArrivalShape } from '../sim/compile';
import { distributionMean } from '../sim/distributions';

/** One agency's load at the peak hour. */
export interface AgencyLoad {
	agency: string;
	name: string;
	/** Start of the busiest hour (minutes after midnight; 0 in continuous mode). */
	peakStart: number;
	/** Visitors arriving at the hall in that hour (all agencies). */
	hallVisitorsPerHour: number;
	/** Tickets for this agency per hour at the peak (visitors × legs per visitor × this agency's share). */
	ticketsPerHour: number;
	/** λ: this agency's tickets per minute at the peak. */
	arrivalRate: number;
	/** Mean work content of a ticket (weighted by service weights), minutes at speed 1. */
	meanServiceMinutes: number;
	/** Mean speed of the counters that serve the agency (1 when none does). */
	speed: number;
	/** Offered load a = λ · mean service time / speed, in Erlangs (busy counters needed on average). */
	offeredLoad: number;
}

const HOUR = 60;

/** The arrival density: its segments and their cumulative mass (the sampler is not needed). */
type ArrivalDensity = Pick<ArrivalShape, 'starts' | 'ends' | 'cum'>;

/** Mass of an arrival shape in [t, t + 60). */
function massIn(shape: ArrivalDensity, t: number): number {
	let m = 0;
	const before = (i: number) => (i === 0 ? 0 : shape.cum[i - 1]);
	for (let i = 0; i < shape.starts.length; i++) {
		const s = Math.max(shape.starts[i], t);
		const e = Math.min(shape.ends[i], t + HOUR);
		if (e <= s) continue;
		const density = (shape.cum[i] - before(i)) / (shape.ends[i] - shape.starts[i]);
		m += (e - s) * density;
	}
	return m;
}

/** Share of a day's arrivals in its busiest hour, and where that hour starts (a window edge on a segment edge). */
export function peakHourShare(shape: ArrivalDensity): { share: number; start: number } {
	const total = shape.cum.length ? shape.cum[shape.cum.length - 1] : 0;
	if (!(total > 0)) return { share: 0, start: 0 };
	let best = { share: 0, start: shape.starts[0] };
	// The mass in a sliding window is piecewise linear in its start, so its maximum is where an edge of the
	// window meets an edge of a segment.
	const candidates = [...shape.starts, ...Array.from(shape.ends, (e) => e - HOUR)];
	for (const t of candidates) {
		const share = massIn(shape, t) / total;
		if (share > best.share + 1e-12) best = { share, start: t };
	}
	return best;
}

/** Expected tickets per visitor: the first service, then each further one with probability p (up to every service). */
export function legsPerVisitor(extraServiceProbability: number, services: number): number {
	let legs = 0;
	let p = 1;
	for (let k = 0; k < services; k++, p *= extraServiceProbability) legs += p;
	return legs;
}

/** Per agency, the peak-hour offered load of a scenario (in scenario order). */
export function peakLoads(scenario: Scenario): AgencyLoad[] {
	const model = compileScenario(scenario);
	let hallPerHour = 0;
	let peakStart = 0;
	if (model.continuous) {
		hallPerHour = model.ratePerMinute * HOUR;
	} else {
		for (const day of model.days) {
			const { share, start } = peakHourShare(day.arrivals);
			const v = day.expectedVisitors * share;
			if (v > hallPerHour) {
				hallPerHour = v;
				peakStart = start;
			}
		}
	}
	const serviceCount = scenario.agencies.reduce((n, a) => n + a.services.length, 0);
	const legs = legsPerVisitor(scenario.demand.extraServiceProbability, serviceCount);
	const totalWeight = scenario.agencies.reduce((w, a) => w + a.services.reduce((x, s) => x + s.weight, 0), 0);
	return scenario.agencies.map((a) => {
		const weight = a.services.reduce((x, s) => x + s.weight, 0);
		const meanService = weight > 0 ? a.services.reduce((x, s) => x + s.weight * distributionMean(s.serviceTime), 0) / weight : NaN;
		const serving = scenario.counters.filter((c) => c.serves.some((e) => splitEntry(e).agency === a.id));
		const speed = serving.length ? serving.reduce((x, c) => x + c.speed, 0) / serving.length : 1;
		const ticketsPerHour = totalWeight > 0 ? (hallPerHour * legs * weight) / totalWeight : 0;
		const arrivalRate = ticketsPerHour / HOUR;
		return {
			agency: a.id,
			name: a.name,
			peakStart,
			hallVisitorsPerHour: hallPerHour,
			ticketsPerHour,
			arrivalRate,
			meanServiceMinutes: meanService,
			speed,
			offeredLoad: (arrivalRate * meanService) / speed
		};
	});
}
