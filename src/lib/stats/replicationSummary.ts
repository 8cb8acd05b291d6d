/**
 * One replication's statistics, computed where the replication ran (a Web Worker or worker thread) and small
 * enough to post back: plain objects, arrays and numbers only (structured-clone- and JSON-friendly).
 * Counts are summed over the replication's days; NaN marks a metric undefined in this replication.
 */
import type { Scenario } from '../model/scenario';
import { ABANDONED, CAME, MEASURED, NO_SHOW, NOT_SERVED, UNSERVED } from '../records/outcomes';
import type { ReplicationOutput } from '../records/replicationOutput';
import { bucketSort } from './bucketSort';
import { quantileAfterZeros } from './quantile';
import { listOf, ratio } from './plainArrays';
import { HOURS_PER_DAY, ReplicationTally } from './replicationTally';
import { counterUsage, type CounterReplication } from './counterSummary';
import { summarizeTrace, type TraceReplication } from './traceSummary';

export { HOURS_PER_DAY, WAIT_HISTOGRAM_BINS } from './replicationTally';
export type { CounterReplication } from './counterSummary';
export type { TraceReplication } from './traceSummary';

/** Wait statistics over served, measured legs (minutes). */
export interface WaitStats {
	waitMean: number;
	waitP50: number;
	waitP90: number;
	waitP95: number;
	waitMax: number;
	/** Share of those legs with wait ≤ the service-level target. */
	serviceLevel: number;
}

/** Whole-replication figures: visitor counts (arrived … noShow), leg counts (tickets) and leg waits. */
export interface OverallReplication extends WaitStats {
	/** Visitors who came in (a leg other than a no-show). */
	arrived: number;
	/** Visitors all of whose legs were served. */
	served: number;
	/** Visitors who abandoned a leg. */
	abandoned: number;
	/** Visitors with a leg not served at close (and none abandoned). */
	notServedAtClose: number;
	/** Online visitors who never came. */
	noShow: number;
	/** Legs that joined a queue. */
	tickets: number;
	/** Mean minutes from arrival to the end of the last service, over fully served visitors. */
	timeInHall: number;
	/** Σ busy / Σ staffed over counters (0–1). */
	utilization: number;
	/** Σ overtime minutes over counters. */
	overtime: number;
	/** abandoned / arrived. */
	abandonRate: number;
	/** The mean over the replication's days of each day's peak number of tickets waiting at once. */
	peakWaiting: number;
}

/** One agency's ticket (leg) counts and waits. */
export interface AgencyReplication extends WaitStats {
	id: string;
	name: string;
	/** Legs of this agency that joined a queue. */
	arrived: number;
	served: number;
	abandoned: number;
	notServedAtClose: number;
	noShow: number;
	abandonRate: number;
}

/** One service's ticket counts and waits. */
export interface ServiceReplication {
	agency: string;
	service: string;
	name: string;
	arrived: number;
	served: number;
	waitMean: number;
	waitP90: number;
}

/** Series by clock hour (24 entries each). */
export interface HourlyReplication {
	/** Tickets that joined a queue in that hour, summed over days. */
	arrivals: number[];
	/** Mean wait of served legs whose ticket joined in that hour. */
	waitMean: number[];
	/** Mean visitors waiting during that hour (time-weighted, per day). */
	waiting: number[];
	/** Mean counters busy during that hour. */
	busy: number[];
	/** Mean counters staffed during that hour. */
	staffed: number[];
	/** Staffed counter-minutes in that hour summed over counters and days (tells which hours the hall works). */
	staffedMinutes: number[];
	/** Σ busy / Σ staffed over counters in that hour. */
	utilization: number[];
}


/** Everything the aggregate needs from one replication. */
export interface ReplicationSummary {
	replication: number;
	days: number;
	overall: OverallReplication;
	agencies: AgencyReplication[];
	services: ServiceReplication[];
	counters: CounterReplication[];
	hourly: HourlyReplication;
	trace: TraceReplication;
	/** Served measured waits in WAIT_HISTOGRAM_BINS one-minute bins; sums across replications. */
	waitHistogram: number[];
	/** Per day, the peak number of tickets waiting at once (what the waiting room must seat). */
	peakWaiting: number[];
}

/**
 * Wait statistics of `zeros` zero waits and the ascending positive run sorted[from, to); `withinTarget` of them
 * met the service level.
 */
function waitStats(sorted: Float64Array, zeros: number, from: number, to: number, withinTarget: number): WaitStats {
	const n = zeros + to - from;
	if (n === 0) return { waitMean: NaN, waitP50: NaN, waitP90: NaN, waitP95: NaN, waitMax: NaN, serviceLevel: NaN };
	return {
		waitMean: sumOf(sorted, from, to) / n,
		waitP50: quantileAfterZeros(sorted, 0.5, zeros, from, to),
		waitP90: quantileAfterZeros(sorted, 0.9, zeros, from, to),
		waitP95: quantileAfterZeros(sorted, 0.95, zeros, from, to),
		waitMax: to > from ? sorted[to - 1] : 0,
		serviceLevel: withinTarget / n
	};
}

function sumOf(values: Float64Array, from: number, to: number): number {
	let sum = 0;
	for (let i = from; i < to; i++) sum += values[i];
	return sum;
}

/**
 * Copies the ascending `values[0, n)` into `out` grouped by key, in order (a stable counting sort's placing pass):
 * group g, already sized, is out[start[g], start[g + 1]), itself ascending. `groupOf` maps a key to its group
 * (null: the key is the group).
 */
function groupSorted(values: Float64Array, keys: Int32Array, n: number, groupOf: Int32Array | null, start: Int32Array, fill: Int32Array, out: Float64Array): void {
	fill.set(start.subarray(0, start.length - 1));
	if (groupOf === null) for (let i = 0; i < n; i++) out[fill[keys[i]]++] = values[i];
	else for (let i = 0; i < n; i++) out[fill[groupOf[keys[i]]]++] = values[i];
}


/** Summarises one replication's legs, counter usage and trace into a small plain object (see ReplicationSummary). */
export function summarizeReplication(scenario: Scenario, out: ReplicationOutput): ReplicationSummary {
	const legs = out.legs;
	// Visitors are identified by (day, visitor number); key them in that order.
	let maxVisitor = 0;
	for (let i = 0; i < legs.length; i++) if (legs[i].visitor > maxVisitor) maxVisitor = legs[i].visitor;
	const stride = maxVisitor + 1;
	const tally = new ReplicationTally(scenario);
	for (let i = 0; i < legs.length; i++) tally.addRecord(legs[i], legs[i].day * stride + legs[i].visitor);
	return summarizeTally(tally, out);
}

/** The summary of a replication whose legs were added to `tally` (the simulator's path: no second pass). */
export function summarizeTally(tally: ReplicationTally, out: Omit<ReplicationOutput, 'legs'>): ReplicationSummary {
	// A negative wait (a malformed record) sorts before the zeros: then they are sorted like the rest.
	if (tally.negativeWaits) tally.storeZeros();
	const visitors = visitorCounts(tally);
	const grouped = groupWaits(tally);
	const usage = counterUsage(tally.scenario, out.counters);
	const { trace, hourlyWaiting, hourlyBusy, hourlyStaffed } = summarizeTrace(out);
	const { hArrivals, hWaitSum, hWaitN, histogram } = tally;
	const { hBusyMinutes, hStaffedMinutes } = usage;
	const hourly: HourlyReplication = {
		arrivals: listOf(hArrivals.length, (h) => hArrivals[h]),
		waitMean: listOf(HOURS_PER_DAY, (h) => ratio(hWaitSum[h], hWaitN[h])),
		waiting: hourlyWaiting,
		busy: hourlyBusy,
		staffed: hourlyStaffed,
		staffedMinutes: listOf(HOURS_PER_DAY, (h) => hStaffedMinutes[h]),
		utilization: listOf(HOURS_PER_DAY, (h) => ratio(hBusyMinutes[h], hStaffedMinutes[h]))
	};
	const peaks = out.peakWaiting;
	return {
		replication: out.replication,
		days: out.days,
		overall: {
			arrived: visitors.arrived,
			served: visitors.served,
			abandoned: visitors.abandoned,
			notServedAtClose: visitors.notServedAtClose,
			noShow: visitors.noShow,
			tickets: tally.tickets,
			...grouped.overall,
			timeInHall: ratio(visitors.hallSum, visitors.served),
			utilization: ratio(usage.busyTotal, usage.staffedTotal),
			overtime: usage.overtimeTotal,
			abandonRate: ratio(visitors.abandoned, visitors.arrived),
			peakWaiting: ratio(peaks.reduce((sum, x) => sum + x, 0), peaks.length)
		},
		agencies: agencySummaries(tally, grouped),
		services: serviceSummaries(tally, grouped),
		counters: usage.counters,
		hourly,
		trace,
		waitHistogram: listOf(histogram.length, (i) => histogram[i]),
		peakWaiting: [...peaks]
	};
}

/**
 * Visitor-level counts. Every visitor who came in lands in exactly one class (abandoned before not served, since
 * leaving was the visitor's own act), so arrived = served + abandoned + notServedAtClose once nobody is left in
 * the system. `hallSum`: minutes in the hall summed over the fully served.
 */
function visitorCounts(tally: ReplicationTally): { arrived: number; served: number; abandoned: number; notServedAtClose: number; noShow: number; hallSum: number } {
	const { vFlags, vArrival, vLastEnd } = tally;
	const c = { arrived: 0, served: 0, abandoned: 0, notServedAtClose: 0, noShow: 0, hallSum: 0 };
	for (let v = 0; v < tally.visitors; v++) {
		const f = vFlags[v];
		if (!(f & MEASURED)) continue;
		if (f & CAME) {
			c.arrived++;
			if (f & ABANDONED) c.abandoned++;
			else if (f & NOT_SERVED) c.notServedAtClose++;
			else if (!(f & UNSERVED)) {
				c.served++;
				c.hallSum += vLastEnd[v] - vArrival[v];
			}
		} else if (f & NO_SHOW) c.noShow++;
	}
	return c;
}

/** The replication's waits sorted once, and grouped by service and by agency (each group ascending). */
interface GroupedWaits {
	overall: WaitStats;
	byService: Float64Array;
	byAgency: Float64Array;
	serviceStart: Int32Array;
	agencyStart: Int32Array;
	agencyZeros: Int32Array;
}

/**
 * Sorts the waits other than 0 once, each carrying its service bucket; grouped by service and by agency (stable
 * counting sorts), every group comes out ascending too. Each group's zeros only lead it: they are counted.
 */
function groupWaits(tally: ReplicationTally): GroupedWaits {
	const { nAgencies, nServices, agencyFirstService, waits, waitBucket, nStored, nWaits, bucketZeros, within } = tally;
	bucketSort(waits, 0, nStored, waitBucket);
	const overall = waitStats(waits, nWaits - nStored, 0, nStored, within);
	const work = tally.work;
	if (work.byService.length < nStored) {
		work.byService = new Float64Array(nStored * 2);
		work.byAgency = new Float64Array(nStored * 2);
	}
	const { byService, byAgency, serviceStart, agencyStart, agencyZeros, fill, agencyOfBucket } = work;
	// Group sizes from the tally's counts; an agency's services are contiguous, the unlisted bucket comes last.
	serviceStart[0] = 0;
	for (let b = 0; b <= nServices; b++) serviceStart[b + 1] = serviceStart[b] + tally.bucketWaits[b] - bucketZeros[b];
	for (let a = 0; a <= nAgencies; a++) agencyStart[a] = serviceStart[agencyFirstService[a]];
	agencyZeros.fill(0);
	for (let b = 0; b <= nServices; b++) agencyZeros[agencyOfBucket[b]] += bucketZeros[b];
	agencyStart[nAgencies + 1] = serviceStart[nServices + 1];
	groupSorted(waits, waitBucket, nStored, null, serviceStart, fill, byService);
	groupSorted(waits, waitBucket, nStored, agencyOfBucket, agencyStart, fill, byAgency);
	return { overall, byService, byAgency, serviceStart, agencyStart, agencyZeros };
}

/** Each service's tickets and waits, agency by agency in scenario order. */
function serviceSummaries(tally: ReplicationTally, g: GroupedWaits): ServiceReplication[] {
	const { agencyFirstService, bucketZeros, sArrived, sServed } = tally;
	const services: ServiceReplication[] = [];
	tally.scenario.agencies.forEach((agency, a) => {
		for (let k = 0; k < agency.services.length; k++) {
			const s = agencyFirstService[a] + k;
			const from = g.serviceStart[s];
			const to = g.serviceStart[s + 1];
			services.push({
				agency: agency.id,
				service: agency.services[k].id,
				name: agency.services[k].name,
				arrived: sArrived[s],
				served: sServed[s],
				waitMean: ratio(sumOf(g.byService, from, to), bucketZeros[s] + to - from),
				waitP90: quantileAfterZeros(g.byService, 0.9, bucketZeros[s], from, to)
			});
		}
	});
	return services;
}

/** Each agency's tickets, waits and abandonment, in scenario order. */
function agencySummaries(tally: ReplicationTally, g: GroupedWaits): AgencyReplication[] {
	const { aArrived, aServed, aAbandoned, aNotServed, aNoShow, aWithin } = tally;
	return tally.scenario.agencies.map((agency, a) => ({
		id: agency.id,
		name: agency.name,
		arrived: aArrived[a],
		served: aServed[a],
		abandoned: aAbandoned[a],
		notServedAtClose: aNotServed[a],
		noShow: aNoShow[a],
		...waitStats(g.byAgency, g.agencyZeros[a], g.agencyStart[a], g.agencyStart[a + 1], aWithin[a]),
		abandonRate: ratio(aAbandoned[a], aArrived[a])
	}));
}
