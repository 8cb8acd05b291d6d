import { WeightedPick } from './weightedPick';
import { parseClock } from '../model/clock';
import { engineConfigOf } from '../engine/config';
import type { EngineConfig } from '../engine/types';
import { isContinuous } from '../model/calendarKind';
import type { DayId, DaysCalendar, Hours, Scenario } from '../model/scenario';
import { sampler, type Sampler } from './distributions';

/** Minutes in a simulated day; day d of a replication starts at d × DAY_MINUTES on the calendar. */
export const DAY_MINUTES = 1440;

/** Where arrivals may fall in a day: piecewise-constant density segments with their cumulative mass. */
export interface ArrivalShape {
	starts: Float64Array;
	ends: Float64Array;
	/** Cumulative mass at each segment's end; the last entry is the total. */
	cum: Float64Array;
	/** Draws a segment by its mass (null when there is none). */
	pick: WeightedPick | null;
}

/** One simulated day: its hours in minutes after midnight and every counter's duty intervals. */
export interface DayPlan {
	index: number;
	dayId: DayId | 'run';
	open: number;
	lastTicket: number;
	close: number;
	/** Expected visitors (day factor × visitors per day), or for continuous mode rate × minutes. */
	expectedVisitors: number;
	arrivals: ArrivalShape;
	/** Per counter, the intervals it is on duty; an interval ending at `close` is closed by the hall's closing. */
	duty: Array<Array<[number, number]>>;
	atClose: 'serve-waiting' | 'send-home';
}

/** A scenario turned into what the run loop needs: indices, samplers and minutes. */
export interface CompiledScenario {
	scenario: Scenario;
	/** Per service index, its work-content (service time) sampler; the engine knows its agency and name by the same index. */
	serviceWork: Sampler[];
	/** Draws a service by weight (its `cum`: the cumulative service weights). */
	servicePick: WeightedPick;
	engine: EngineConfig;
	speeds: Float64Array;
	days: DayPlan[];
	continuous: boolean;
	/** Arrivals per minute in continuous mode. */
	ratePerMinute: number;
	patience: Sampler | null;
	punctuality: Sampler | null;
	onlineShare: number;
	onlineSlot: number;
	noShow: number;
	priorityShare: number;
	extraService: number;
	warmup: number;
}

/** Compiles a validated scenario for the simulator. */
export function compileScenario(scenario: Scenario): CompiledScenario {
	const { demand, calendar: cal } = scenario;
	const continuous = isContinuous(cal);
	const ratePerMinute = continuous ? (demand.ratePerHour ?? 0) / 60 : 0;
	const online = demand.online;
	return {
		scenario,
		...services(scenario),
		engine: engineConfigOf(scenario),
		speeds: Float64Array.from(scenario.counters.map((c) => c.speed)),
		days: continuous ? [continuousDay(scenario, cal.continuousMinutes, ratePerMinute)] : cal.days.map((dayId, index) => workingDay(scenario, cal, dayId, index)),
		continuous,
		ratePerMinute,
		patience: demand.patience ? sampler(demand.patience, true) : null,
		punctuality: online?.punctuality ? sampler(online.punctuality, false) : null,
		onlineShare: online?.share ?? 0,
		onlineSlot: online?.slotMinutes ?? 30,
		noShow: online?.noShow ?? 0,
		priorityShare: demand.priorityShare,
		extraService: demand.extraServiceProbability,
		warmup: scenario.run.warmupMinutes
	};
}

/** Every service, agency by agency in scenario order: its work sampler, and a draw of one by weight. */
function services(scenario: Scenario): Pick<CompiledScenario, 'serviceWork' | 'servicePick'> {
	const serviceWork: Sampler[] = [];
	const weights: number[] = [];
	for (const a of scenario.agencies) {
		for (const s of a.services) {
			serviceWork.push(sampler(s.serviceTime, true));
			weights.push(s.weight);
		}
	}
	const serviceCum = new Float64Array(serviceWork.length);
	let acc = 0;
	weights.forEach((w, i) => (serviceCum[i] = acc += w));
	return { serviceWork, servicePick: new WeightedPick(serviceCum) };
}

/** A hall that never closes: one day of T minutes, every counter on duty throughout. */
function continuousDay(scenario: Scenario, T: number, ratePerMinute: number): DayPlan {
	// One segment: the whole run (its sampler shares the cumulative mass, as arrivalShape's do).
	const whole = Float64Array.of(T);
	return {
		index: 0,
		dayId: 'run',
		open: 0,
		lastTicket: T,
		close: T,
		expectedVisitors: ratePerMinute * T,
		arrivals: { starts: Float64Array.of(0), ends: Float64Array.of(T), cum: whole, pick: new WeightedPick(whole) },
		duty: scenario.counters.map(() => [[0, T]]),
		atClose: 'serve-waiting'
	};
}

/** Day `index` of a working-day calendar: its hours, expected visitors, arrival shape and each counter's duty. */
function workingDay(scenario: Scenario, cal: DaysCalendar, dayId: DayId, index: number): DayPlan {
	const hours: Hours = cal.hours[dayId] ?? cal.hours.default;
	const open = parseClock(hours.open);
	const lastTicket = parseClock(hours.lastTicket);
	const close = parseClock(hours.close);
	const breaks = (hours.breaks ?? []).map(([a, b]) => [parseClock(a), parseClock(b)] as [number, number]);
	breaks.sort((x, y) => x[0] - y[0]);
	const factor = scenario.demand.dayFactors?.[dayId] ?? 1;
	const open_ = subtract([[open, close]], breaks);
	const duty = scenario.counters.map((c) =>
		c.shifts
			? c.shifts
					.map(([a, b]) => [Math.max(open, parseClock(a)), Math.min(close, parseClock(b))] as [number, number])
					.filter(([a, b]) => b > a)
					.sort((x, y) => x[0] - y[0])
			: open_
	);
	return {
		index,
		dayId,
		open,
		lastTicket,
		close,
		expectedVisitors: (scenario.demand.visitorsPerDay ?? 0) * factor,
		arrivals: arrivalShape(scenario, open, lastTicket, breaks),
		duty,
		atClose: cal.atClose
	};
}

/** Intervals minus holes (both sorted, non-overlapping). */
function subtract(intervals: Array<[number, number]>, holes: Array<[number, number]>): Array<[number, number]> {
	let out = intervals;
	for (const [hs, he] of holes) {
		const next: Array<[number, number]> = [];
		for (const [s, e] of out) {
			if (he <= s || hs >= e) next.push([s, e]);
			else {
				if (hs > s) next.push([s, hs]);
				if (he < e) next.push([he, e]);
			}
		}
		out = next;
	}
	return out;
}

/** The intraday profile cut to [open, lastTicket) without breaks, as density segments. */
function arrivalShape(scenario: Scenario, open: number, lastTicket: number, breaks: Array<[number, number]>): ArrivalShape {
	const profile = scenario.demand.profile;
	const allowed = subtract([[open, lastTicket]], breaks);
	const segs: Array<[number, number, number]> = [];
	const bins: Array<[number, number, number]> = profile
		? profile.weights.map((w, i) => {
				const s = parseClock(profile.from) + i * profile.step;
				return [s, s + profile.step, w / profile.step];
			})
		: [[open, lastTicket, 1]];
	for (const [bs, be, density] of bins) {
		if (density <= 0) continue;
		for (const [as, ae] of allowed) {
			const s = Math.max(bs, as);
			const e = Math.min(be, ae);
			if (e > s) segs.push([s, e, density]);
		}
	}
	segs.sort((a, b) => a[0] - b[0]);
	const cum = new Float64Array(segs.length);
	let acc = 0;
	segs.forEach(([s, e, d], i) => (cum[i] = acc += (e - s) * d));
	return {
		starts: Float64Array.from(segs.map((x) => x[0])),
		ends: Float64Array.from(segs.map((x) => x[1])),
		cum,
		pick: cum.length ? new WeightedPick(cum) : null
	};
}
