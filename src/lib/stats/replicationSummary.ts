/**
 * One replication's statistics, computed where the replication ran (a Web Worker or worker thread) and small
 * enough to post back: plain objects, arrays and numbers only (structured-clone- and JSON-friendly).
 * Counts are summed over the replication's days; NaN marks a metric undefined in this replication.
 */
import type { Scenario } from '../model/scenario';
import type { CounterUsage, LegRecord, ReplicationOutput } from '../sim/records';
import { quantile } from './quantile';

/** Hours of the clock day; continuous runs fold their hours modulo 24. */
export const HOURS_PER_DAY = 24;
/** Wait histogram bins of 1 minute: [0,1), [1,2), …, [239,240), and an open-ended last bin [240, ∞). */
export const WAIT_HISTOGRAM_BINS = 241;
// Waits are differences of floating-point clock times: a wait of exactly the target may come out 15.000000000002.
const SERVICE_LEVEL_SLACK = 1e-9;

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

/** One counter's usage (minutes) in this replication. */
export interface CounterReplication {
	id: string;
	name: string;
	served: number;
	/** busy / staffed; NaN if never staffed. */
	utilization: number;
	staffed: number;
	busy: number;
	overtime: number;
	/** busyByHour / staffedByHour for the heatmap (24 entries, NaN where not staffed). */
	utilizationByHour: number[];
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

/** Time-weighted means per trace bin, per day: the "over the day" chart. */
export interface TraceReplication {
	binMinutes: number;
	from: number;
	waiting: number[];
	busy: number[];
	staffed: number[];
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
}

// Visitor flags, one byte per (day, visitor).
const SEEN = 1;
const MEASURED = 2;
const CAME = 4;
const NO_SHOW = 8;
const UNSERVED = 16;
const ABANDONED = 32;
const NOT_SERVED = 64;

/** Clock hour (0–23) of minutes after midnight; continuous-mode times fold modulo 24 hours. */
function hourOf(minutes: number): number {
	const h = Math.floor(minutes / 60) % HOURS_PER_DAY;
	return h < 0 ? h + HOURS_PER_DAY : h;
}

/** Wait statistics of an ascending run of waits; `withinTarget` of them met the service level. */
function waitStats(sorted: Float64Array, withinTarget: number): WaitStats {
	const n = sorted.length;
	if (n === 0) return { waitMean: NaN, waitP50: NaN, waitP90: NaN, waitP95: NaN, waitMax: NaN, serviceLevel: NaN };
	let sum = 0;
	for (let i = 0; i < n; i++) sum += sorted[i];
	return {
		waitMean: sum / n,
		waitP50: quantile(sorted, 0.5),
		waitP90: quantile(sorted, 0.9),
		waitP95: quantile(sorted, 0.95),
		waitMax: sorted[n - 1],
		serviceLevel: withinTarget / n
	};
}

const ratio = (num: number, den: number): number => (den > 0 ? num / den : NaN);

/** Summarises one replication's legs, counter usage and trace into a small plain object (see ReplicationSummary). */
export function summarizeReplication(scenario: Scenario, out: ReplicationOutput): ReplicationSummary {
	const legs = out.legs;
	const nLegs = legs.length;
	const target = scenario.policy.serviceLevelMinutes + SERVICE_LEVEL_SLACK;

	// Services get global indices agency by agency, so an agency's services form one contiguous block.
	const agencies = scenario.agencies;
	const nAgencies = agencies.length;
	const agencyIndex = new Map<string, { index: number; services: Map<string, number> }>();
	const serviceAgency: number[] = [];
	const agencyFirstService = new Int32Array(nAgencies + 1);
	for (let a = 0; a < nAgencies; a++) {
		agencyFirstService[a] = serviceAgency.length;
		const services = new Map<string, number>();
		for (const s of agencies[a].services) {
			services.set(s.id, serviceAgency.length);
			serviceAgency.push(a);
		}
		agencyIndex.set(agencies[a].id, { index: a, services });
	}
	const nServices = serviceAgency.length;
	agencyFirstService[nAgencies] = nServices;

	// Visitors are identified by (day, visitor number); size a flat table from the largest of each.
	let maxDay = 0;
	let maxVisitor = 0;
	for (let i = 0; i < nLegs; i++) {
		const l = legs[i];
		if (l.day > maxDay) maxDay = l.day;
		if (l.visitor > maxVisitor) maxVisitor = l.visitor;
	}
	const stride = maxVisitor + 1;
	const vFlags = new Uint8Array(nLegs === 0 ? 0 : (maxDay + 1) * stride);
	const vArrival = new Float64Array(vFlags.length);
	const vLastEnd = new Float64Array(vFlags.length);

	// Leg-level counters (measured legs only).
	const aArrived = new Int32Array(nAgencies);
	const aServed = new Int32Array(nAgencies);
	const aAbandoned = new Int32Array(nAgencies);
	const aNotServed = new Int32Array(nAgencies);
	const aNoShow = new Int32Array(nAgencies);
	const aWithin = new Int32Array(nAgencies);
	const sArrived = new Int32Array(nServices);
	const sServed = new Int32Array(nServices);
	const hArrivals = new Float64Array(HOURS_PER_DAY);
	const hWaitSum = new Float64Array(HOURS_PER_DAY);
	const hWaitN = new Float64Array(HOURS_PER_DAY);
	const histogram = new Float64Array(WAIT_HISTOGRAM_BINS);
	// Served waits with their service bucket (nServices = a service the scenario does not list).
	const waits = new Float64Array(nLegs);
	const waitBucket = new Int32Array(nLegs);
	let nWaits = 0;
	let within = 0;
	let tickets = 0;

	for (let i = 0; i < nLegs; i++) {
		const l: LegRecord = legs[i];
		const outcome = l.outcome;

		const v = l.day * stride + l.visitor;
		let f = vFlags[v] | SEEN;
		if (l.measured) f |= MEASURED;
		if (outcome === 'no-show') f |= NO_SHOW;
		else {
			f |= CAME;
			vArrival[v] = l.arrival;
			if (outcome === 'served') {
				if (l.end > vLastEnd[v]) vLastEnd[v] = l.end;
			} else {
				f |= UNSERVED;
				if (outcome === 'abandoned') f |= ABANDONED;
				else f |= NOT_SERVED;
			}
		}
		vFlags[v] = f;

		if (!l.measured) continue;
		const ag = agencyIndex.get(l.agency);
		const a = ag === undefined ? -1 : ag.index;
		const sv = ag === undefined ? undefined : ag.services.get(l.service);
		const s = sv === undefined ? -1 : sv;
		if (outcome === 'no-show') {
			if (a >= 0) aNoShow[a]++;
			continue;
		}
		tickets++;
		if (a >= 0) aArrived[a]++;
		if (s >= 0) sArrived[s]++;
		// A ticket time is always set for a leg that queued; -1 keeps a malformed record out of the hourly series.
		const hour = l.ticketTime === l.ticketTime ? hourOf(l.ticketTime) : -1;
		if (hour >= 0) hArrivals[hour]++;
		if (outcome === 'served') {
			if (a >= 0) aServed[a]++;
			if (s >= 0) sServed[s]++;
			const w = l.wait;
			if (w === w) {
				waits[nWaits] = w;
				waitBucket[nWaits] = s >= 0 ? s : nServices;
				nWaits++;
				const ok = w <= target;
				if (ok) {
					within++;
					if (a >= 0) aWithin[a]++;
				}
				if (hour >= 0) {
					hWaitSum[hour] += w;
					hWaitN[hour]++;
				}
				const bin = Math.floor(w);
				histogram[bin < 0 ? 0 : bin >= WAIT_HISTOGRAM_BINS ? WAIT_HISTOGRAM_BINS - 1 : bin]++;
			}
		} else if (outcome === 'abandoned') {
			if (a >= 0) aAbandoned[a]++;
		} else if (a >= 0) aNotServed[a]++;
	}

	// Visitor-level counts. Every visitor who came in lands in exactly one class (abandoned before not served,
	// since leaving was the visitor's own act), so arrived = served + abandoned + notServedAtClose once
	// nobody is left in the system.
	let arrived = 0;
	let served = 0;
	let abandoned = 0;
	let notServedAtClose = 0;
	let noShow = 0;
	let hallSum = 0;
	for (let v = 0; v < vFlags.length; v++) {
		const f = vFlags[v];
		if (!(f & MEASURED)) continue;
		if (f & CAME) {
			arrived++;
			if (f & ABANDONED) abandoned++;
			else if (f & NOT_SERVED) notServedAtClose++;
			else if (!(f & UNSERVED)) {
				served++;
				hallSum += vLastEnd[v] - vArrival[v];
			}
		} else if (f & NO_SHOW) noShow++;
	}

	// Group waits by service bucket (counting sort), then sort per service, per agency block, and overall.
	const bucketStart = new Int32Array(nServices + 2);
	for (let i = 0; i < nWaits; i++) bucketStart[waitBucket[i] + 1]++;
	for (let b = 0; b <= nServices; b++) bucketStart[b + 1] += bucketStart[b];
	const grouped = new Float64Array(nWaits);
	const fill = bucketStart.slice(0, nServices + 1);
	for (let i = 0; i < nWaits; i++) grouped[fill[waitBucket[i]]++] = waits[i];

	const services: ServiceReplication[] = [];
	for (let a = 0; a < nAgencies; a++) {
		const agency = agencies[a];
		for (let k = 0; k < agency.services.length; k++) {
			const s = agencyFirstService[a] + k;
			const sub = grouped.subarray(bucketStart[s], bucketStart[s + 1]).sort();
			let sum = 0;
			for (let i = 0; i < sub.length; i++) sum += sub[i];
			services.push({
				agency: agency.id,
				service: agency.services[k].id,
				name: agency.services[k].name,
				arrived: sArrived[s],
				served: sServed[s],
				waitMean: ratio(sum, sub.length),
				waitP90: quantile(sub, 0.9)
			});
		}
	}

	const agencySummaries: AgencyReplication[] = [];
	for (let a = 0; a < nAgencies; a++) {
		const sub = grouped
			.subarray(bucketStart[agencyFirstService[a]], bucketStart[agencyFirstService[a + 1]])
			.sort();
		agencySummaries.push({
			id: agencies[a].id,
			name: agencies[a].name,
			arrived: aArrived[a],
			served: aServed[a],
			abandoned: aAbandoned[a],
			notServedAtClose: aNotServed[a],
			noShow: aNoShow[a],
			...waitStats(sub, aWithin[a]),
			abandonRate: ratio(aAbandoned[a], aArrived[a])
		});
	}
	const overallWaits = waitStats(grouped.sort(), within);

	// Counters, in scenario order, and the hall's totals over every counter the simulator reported.
	const usageById = new Map<string, CounterUsage>();
	for (const u of out.counters) usageById.set(u.counter, u);
	let staffedTotal = 0;
	let busyTotal = 0;
	let overtimeTotal = 0;
	const hBusyMinutes = new Float64Array(HOURS_PER_DAY);
	const hStaffedMinutes = new Float64Array(HOURS_PER_DAY);
	for (const u of out.counters) {
		staffedTotal += u.staffed;
		busyTotal += u.busy;
		overtimeTotal += u.overtime;
		for (let h = 0; h < HOURS_PER_DAY; h++) {
			hBusyMinutes[h] += u.busyByHour[h] ?? 0;
			hStaffedMinutes[h] += u.staffedByHour[h] ?? 0;
		}
	}
	const counters: CounterReplication[] = scenario.counters.map((c) => {
		const u = usageById.get(c.id);
		const utilizationByHour = new Array<number>(HOURS_PER_DAY);
		for (let h = 0; h < HOURS_PER_DAY; h++) {
			utilizationByHour[h] = u ? ratio(u.busyByHour[h] ?? 0, u.staffedByHour[h] ?? 0) : NaN;
		}
		return {
			id: c.id,
			name: c.name ?? c.id,
			served: u ? u.served : 0,
			utilization: u ? ratio(u.busy, u.staffed) : NaN,
			staffed: u ? u.staffed : 0,
			busy: u ? u.busy : 0,
			overtime: u ? u.overtime : 0,
			utilizationByHour
		};
	});

	const { trace, hourlyWaiting, hourlyBusy, hourlyStaffed } = summarizeTrace(out);

	const hourly: HourlyReplication = {
		arrivals: Array.from(hArrivals),
		waitMean: Array.from(hWaitSum, (sum, h) => ratio(sum, hWaitN[h])),
		waiting: hourlyWaiting,
		busy: hourlyBusy,
		staffed: hourlyStaffed,
		staffedMinutes: Array.from(hStaffedMinutes),
		utilization: Array.from(hBusyMinutes, (busy, h) => ratio(busy, hStaffedMinutes[h]))
	};

	return {
		replication: out.replication,
		days: out.days,
		overall: {
			arrived,
			served,
			abandoned,
			notServedAtClose,
			noShow,
			tickets,
			...overallWaits,
			timeInHall: ratio(hallSum, served),
			utilization: ratio(busyTotal, staffedTotal),
			overtime: overtimeTotal,
			abandonRate: ratio(abandoned, arrived)
		},
		agencies: agencySummaries,
		services,
		counters,
		hourly,
		trace,
		waitHistogram: Array.from(histogram)
	};
}

/** Per-bin per-day means of the trace, and the same areas folded into clock hours. */
function summarizeTrace(out: ReplicationOutput): {
	trace: TraceReplication;
	hourlyWaiting: number[];
	hourlyBusy: number[];
	hourlyStaffed: number[];
} {
	const tr = out.trace;
	const b = tr.binMinutes;
	const days = tr.days > 0 ? tr.days : 1;
	const nBins = Math.max(tr.waitingArea.length, tr.busyArea.length, tr.staffedArea.length);
	const perDay = b > 0 ? 1 / (b * days) : NaN;
	const waiting = new Array<number>(nBins);
	const busy = new Array<number>(nBins);
	const staffed = new Array<number>(nBins);
	const wArea = new Float64Array(HOURS_PER_DAY);
	const bArea = new Float64Array(HOURS_PER_DAY);
	const sArea = new Float64Array(HOURS_PER_DAY);
	// Minutes of each clock hour the trace covers in one day: the denominator of the hourly means, so an hour the
	// trace only half covers (or, in a continuous run, covers many times) still gets a true time average.
	const cover = new Float64Array(HOURS_PER_DAY);
	for (let i = 0; i < nBins; i++) {
		const w = tr.waitingArea[i] ?? 0;
		const bu = tr.busyArea[i] ?? 0;
		const st = tr.staffedArea[i] ?? 0;
		waiting[i] = w * perDay;
		busy[i] = bu * perDay;
		staffed[i] = st * perDay;
		if (!(b > 0)) continue;
		// Split the bin across the clock hours it overlaps, in proportion to the overlap.
		const start = tr.from + i * b;
		const end = start + b;
		let s = start;
		while (s < end) {
			const hourEnd = (Math.floor(s / 60) + 1) * 60;
			const e = hourEnd < end ? hourEnd : end;
			const h = hourOf(s);
			const share = (e - s) / b;
			wArea[h] += w * share;
			bArea[h] += bu * share;
			sArea[h] += st * share;
			cover[h] += e - s;
			s = e;
		}
	}
	const hourly = (area: Float64Array) => Array.from(area, (x, h) => ratio(x, cover[h] * days));
	return {
		trace: { binMinutes: b, from: tr.from, waiting, busy, staffed },
		hourlyWaiting: hourly(wArea),
		hourlyBusy: hourly(bArea),
		hourlyStaffed: hourly(sArea)
	};
}
