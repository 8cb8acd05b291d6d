/**
 * One replication's summary as one Float64Array, and back: what crosses threads (transferable, no object graph
 * to clone), what partial results of a sharded run hold, and what the run accumulator reads. Names and ids are
 * not packed: they come from the scenario, which lists agencies, services and counters in the summary's order.
 *
 * Layout: a header (replication, days, trace bin minutes, trace start, trace length), the fixed part (overall,
 * agencies, services, counters, each counter's utilisation by hour, the hourly series, the wait histogram), then
 * the three trace series, then each day's peak number waiting (as many as the header's days). Every value is a
 * double, so pack → unpack gives back the same bits.
 */
import type { Scenario } from '../model/scenario';
import { HOURS_PER_DAY, WAIT_HISTOGRAM_BINS } from './replicationTally';
import type { HourlyReplication, ReplicationSummary } from './replicationSummary';

/** Per-replication figures that become run metrics, in the order of the summary JSON and CSV. */
export const OVERALL_KEYS = ['arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'tickets', 'waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitMax', 'serviceLevel', 'utilization', 'timeInHall', 'overtime', 'abandonRate', 'peakWaiting'] as const;
export const AGENCY_KEYS = ['arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitMax', 'serviceLevel', 'abandonRate'] as const;
export const SERVICE_KEYS = ['arrived', 'served', 'waitMean', 'waitP90'] as const;
export const COUNTER_KEYS = ['served', 'utilization', 'staffed', 'busy', 'overtime'] as const;
export const HOURLY_KEYS = ['arrivals', 'waitMean', 'waiting', 'busy', 'staffed', 'staffedMinutes', 'utilization'] as const satisfies readonly (keyof HourlyReplication)[];

const HEADER = 5;

/** Where each part of a packed summary starts, for a scenario's numbers of agencies, services and counters. */
export interface SummaryLayout {
	agencies: number;
	services: number;
	counters: number;
	overall: number;
	agency: number;
	service: number;
	counter: number;
	counterHours: number;
	hourly: number;
	histogram: number;
	/** Length of the fixed part; the trace follows it. */
	fixed: number;
}

/** The packed layout of a scenario's summaries. */
export function summaryLayout(scenario: Scenario): SummaryLayout {
	const agencies = scenario.agencies.length;
	let services = 0;
	for (const a of scenario.agencies) services += a.services.length;
	const counters = scenario.counters.length;
	const overall = HEADER;
	const agency = overall + OVERALL_KEYS.length;
	const service = agency + agencies * AGENCY_KEYS.length;
	const counter = service + services * SERVICE_KEYS.length;
	const counterHours = counter + counters * COUNTER_KEYS.length;
	const hourly = counterHours + counters * HOURS_PER_DAY;
	const histogram = hourly + HOURLY_KEYS.length * HOURS_PER_DAY;
	const fixed = histogram + WAIT_HISTOGRAM_BINS;
	return { agencies, services, counters, overall, agency, service, counter, counterHours, hourly, histogram, fixed };
}

/** The replication index of a packed summary. */
export const packedReplication = (p: Float64Array): number => p[0];
/** The number of trace bins of a packed summary. */
export const packedTraceLength = (p: Float64Array): number => p[4];
/** The length a packed summary must have: its layout's fixed part, its trace and its days' peaks. */
export const packedLength = (p: Float64Array, L: SummaryLayout): number => L.fixed + 3 * packedTraceLength(p) + p[1];
/** Where a packed summary's days' peaks start. */
export const packedPeaksAt = (p: Float64Array, L: SummaryLayout): number => L.fixed + 3 * packedTraceLength(p);

function put(out: Float64Array, at: number, row: Record<string, number> | undefined, keys: readonly string[]): void {
	for (let j = 0; j < keys.length; j++) out[at + j] = row?.[keys[j]] ?? NaN;
}

function putSeries(out: Float64Array, at: number, values: ArrayLike<number> | undefined, n: number): void {
	for (let j = 0; j < n; j++) out[at + j] = values?.[j] ?? NaN;
}

/** Packs a summary (missing entries become NaN, as the aggregate reads them). */
export function packSummary(s: ReplicationSummary, L: SummaryLayout): Float64Array {
	const T = s.trace.waiting.length;
	const out = new Float64Array(L.fixed + 3 * T + s.days);
	out.set([s.replication, s.days, s.trace.binMinutes, s.trace.from, T]);
	put(out, L.overall, s.overall as unknown as Record<string, number>, OVERALL_KEYS);
	for (let a = 0; a < L.agencies; a++) put(out, L.agency + a * AGENCY_KEYS.length, s.agencies[a] as unknown as Record<string, number>, AGENCY_KEYS);
	for (let k = 0; k < L.services; k++) put(out, L.service + k * SERVICE_KEYS.length, s.services[k] as unknown as Record<string, number>, SERVICE_KEYS);
	for (let c = 0; c < L.counters; c++) {
		put(out, L.counter + c * COUNTER_KEYS.length, s.counters[c] as unknown as Record<string, number>, COUNTER_KEYS);
		putSeries(out, L.counterHours + c * HOURS_PER_DAY, s.counters[c]?.utilizationByHour, HOURS_PER_DAY);
	}
	HOURLY_KEYS.forEach((key, j) => putSeries(out, L.hourly + j * HOURS_PER_DAY, s.hourly[key], HOURS_PER_DAY));
	// The histogram holds counts: a bin a summary lacks counts zero, not undefined.
	for (let b = 0; b < WAIT_HISTOGRAM_BINS; b++) out[L.histogram + b] = s.waitHistogram[b] ?? 0;
	out.set(s.trace.waiting, L.fixed);
	out.set(s.trace.busy, L.fixed + T);
	out.set(s.trace.staffed, L.fixed + 2 * T);
	putSeries(out, L.fixed + 3 * T, s.peakWaiting, s.days);
	return out;
}

function take<K extends string>(p: Float64Array, at: number, keys: readonly K[]): Record<K, number> {
	const row = {} as Record<K, number>;
	keys.forEach((key, j) => (row[key] = p[at + j]));
	return row;
}

const series = (p: Float64Array, at: number, n: number): number[] => Array.from(p.subarray(at, at + n));

/** The summary a packed array holds, with names and ids from the scenario it was run from. */
export function unpackSummary(p: Float64Array, scenario: Scenario, L: SummaryLayout = summaryLayout(scenario)): ReplicationSummary {
	const T = packedTraceLength(p);
	const services: ReplicationSummary['services'] = [];
	for (const ag of scenario.agencies) {
		for (const sv of ag.services) {
			services.push({ agency: ag.id, service: sv.id, name: sv.name, ...take(p, L.service + services.length * SERVICE_KEYS.length, SERVICE_KEYS) });
		}
	}
	const hourly = {} as HourlyReplication;
	HOURLY_KEYS.forEach((key, j) => (hourly[key] = series(p, L.hourly + j * HOURS_PER_DAY, HOURS_PER_DAY)));
	return {
		replication: p[0],
		days: p[1],
		overall: take(p, L.overall, OVERALL_KEYS),
		agencies: scenario.agencies.map((ag, a) => ({ id: ag.id, name: ag.name, ...take(p, L.agency + a * AGENCY_KEYS.length, AGENCY_KEYS) })),
		services,
		counters: scenario.counters.map((c, k) => ({
			id: c.id,
			name: c.name ?? c.id,
			...take(p, L.counter + k * COUNTER_KEYS.length, COUNTER_KEYS),
			utilizationByHour: series(p, L.counterHours + k * HOURS_PER_DAY, HOURS_PER_DAY)
		})),
		hourly,
		trace: { binMinutes: p[2], from: p[3], waiting: series(p, L.fixed, T), busy: series(p, L.fixed + T, T), staffed: series(p, L.fixed + 2 * T, T) },
		waitHistogram: series(p, L.histogram, WAIT_HISTOGRAM_BINS),
		peakWaiting: series(p, L.fixed + 3 * T, p[1])
	};
}
