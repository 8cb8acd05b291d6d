/**
 * Switching a scenario between opening hours (days) and the never-closing hall used for queueing-theory checks.
 * What one mode has and the other cannot keep is set aside, so switching back restores it.
 */
import { parseClock } from '$lib/model';

type Obj = Record<string, unknown>;

/** What a switch to the continuous mode set aside. */
export interface DaysStash {
	calendar: unknown;
	visitorsPerDay?: unknown;
	profile?: unknown;
	dayFactors?: unknown;
	online?: unknown;
	shifts: Array<{ counter: number; shifts: unknown }>;
}

/** What a switch to the days mode set aside. */
export interface ContinuousStash {
	calendar: unknown;
	ratePerHour?: unknown;
}

function obj(x: unknown): Obj {
	return typeof x === 'object' && x !== null ? (x as Obj) : {};
}

/** Open hours of the default day, for turning visitors a day into an hourly rate (8 when unknown). */
function openHours(calendar: Obj): number {
	const h = obj(obj(calendar.hours).default);
	if (typeof h.open === 'string' && typeof h.lastTicket === 'string') {
		const span = (parseClock(h.lastTicket) - parseClock(h.open)) / 60;
		if (span > 0) return span;
	}
	return 8;
}

/** Switches a days scenario (mutated) to a hall open for 100 000 minutes with a constant arrival rate. */
export function toContinuous(s: Obj, previous?: ContinuousStash): DaysStash {
	const demand = obj(s.demand);
	const counters = Array.isArray(s.counters) ? (s.counters as Obj[]) : [];
	const stash: DaysStash = {
		calendar: s.calendar,
		visitorsPerDay: demand.visitorsPerDay,
		profile: demand.profile,
		dayFactors: demand.dayFactors,
		online: demand.online,
		shifts: counters.flatMap((c, i) => (c.shifts !== undefined ? [{ counter: i, shifts: c.shifts }] : []))
	};
	const rate =
		typeof previous?.ratePerHour === 'number'
			? previous.ratePerHour
			: typeof demand.visitorsPerDay === 'number'
				? Math.round((demand.visitorsPerDay / openHours(obj(s.calendar))) * 10) / 10
				: 10;
	s.calendar = previous?.calendar ?? { continuousMinutes: 100000 };
	delete demand.visitorsPerDay;
	delete demand.profile;
	delete demand.dayFactors;
	delete demand.online;
	demand.ratePerHour = rate;
	for (const c of counters) delete c.shifts;
	return stash;
}

/** Switches a continuous scenario (mutated) back to opening hours, restoring what was set aside if given. */
export function toDays(s: Obj, stash?: DaysStash): ContinuousStash {
	const demand = obj(s.demand);
	const out: ContinuousStash = { calendar: s.calendar, ratePerHour: demand.ratePerHour };
	const rate = typeof demand.ratePerHour === 'number' ? demand.ratePerHour : 50;
	delete demand.ratePerHour;
	s.calendar = stash?.calendar ?? {
		days: ['mon', 'tue', 'wed', 'thu', 'fri'],
		hours: { default: { open: '08:00', lastTicket: '14:30', close: '15:00' } },
		atClose: 'serve-waiting'
	};
	demand.visitorsPerDay = stash?.visitorsPerDay ?? Math.round(rate * 6.5);
	demand.profile = stash?.profile ?? { from: '08:00', step: 30, weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };
	if (stash?.dayFactors !== undefined) demand.dayFactors = stash.dayFactors;
	if (stash?.online !== undefined) demand.online = stash.online;
	const counters = Array.isArray(s.counters) ? (s.counters as Obj[]) : [];
	for (const { counter, shifts } of stash?.shifts ?? []) if (counters[counter]) counters[counter].shifts = shifts;
	return out;
}
