import type { Scenario } from '../model/scenario';
import type { LegRecord } from '../records/legRecord';
import { ABANDONED, CAME, MEASURED, NO_SHOW, NOT_SERVED, SEEN, UNSERVED } from '../records/outcomes';

/** Hours of the clock day; continuous runs fold their hours modulo 24. */
export const HOURS_PER_DAY = 24;
/** Wait histogram bins of 1 minute: [0,1), [1,2), …, [239,240), and an open-ended last bin [240, ∞). */
export const WAIT_HISTOGRAM_BINS = 241;
// Waits are differences of floating-point clock times: a wait of exactly the target may come out 15.000000000002.
const SERVICE_LEVEL_SLACK = 1e-9;

/** Clock hour (0–23) of minutes after midnight; continuous-mode times fold modulo 24 hours. */
export function hourOf(minutes: number): number {
	const hours = Math.floor(minutes / 60);
	// An integer remainder wherever the hours fit 32 bits (every simulated time): a floating-point one costs several times as much.
	const h = (hours | 0) === hours ? (hours | 0) % HOURS_PER_DAY : hours % HOURS_PER_DAY;
	return h < 0 ? h + HOURS_PER_DAY : h;
}

/** What the tally reads of a leg (a LegRecord has it all). */
export type TalliedLeg = Pick<LegRecord, 'outcome' | 'measured' | 'arrival' | 'ticketTime' | 'end' | 'wait'>;

/**
 * The running counts of one replication's visit legs: what `summarizeReplication` needs from them, added one leg
 * at a time. The simulator adds each leg as it ends (no second pass over the records, nothing to look up by
 * name); a list of records goes through `addRecord`. Reusable: `reset` starts the next replication.
 *
 * Services have indices agency by agency in scenario order (the engine's order too), so an agency's services
 * form one contiguous block; -1 stands for an agency or service the scenario does not list.
 */
export class ReplicationTally {
	readonly nAgencies: number;
	readonly nServices: number;
	/** Services of agency a are agencyFirstService[a] .. agencyFirstService[a + 1] - 1. */
	readonly agencyFirstService: Int32Array;
	/** Agency index of each service. */
	readonly serviceAgency: Int32Array;
	readonly target: number;
	private readonly index = new Map<string, { index: number; services: Map<string, number> }>();

	// Per visitor (by the key the caller gives), growing as needed.
	vFlags = new Uint8Array(1024);
	vArrival = new Float64Array(1024);
	vLastEnd = new Float64Array(1024);
	/** One past the largest visitor key seen. */
	visitors = 0;

	// Leg counts, measured legs only.
	readonly aArrived: Int32Array;
	readonly aServed: Int32Array;
	readonly aAbandoned: Int32Array;
	readonly aNotServed: Int32Array;
	readonly aNoShow: Int32Array;
	readonly aWithin: Int32Array;
	readonly sArrived: Int32Array;
	readonly sServed: Int32Array;
	readonly hArrivals = new Float64Array(HOURS_PER_DAY);
	readonly hWaitSum = new Float64Array(HOURS_PER_DAY);
	readonly hWaitN = new Float64Array(HOURS_PER_DAY);
	readonly histogram = new Float64Array(WAIT_HISTOGRAM_BINS);
	/**
	 * Served measured waits other than 0, and their service bucket (nServices: a service the scenario does not
	 * list): waits[0, nStored). A visitor called at once waits exactly 0 (about a third of them in a busy hall), and
	 * those are only counted, per bucket, so the summary sorts the rest alone.
	 */
	waits = new Float64Array(1024);
	waitBucket = new Int32Array(1024);
	nStored = 0;
	/** Served measured waits, zeros included. */
	nWaits = 0;
	/** How many served measured waits each service bucket holds, zeros included, and how many of them are 0. */
	readonly bucketWaits: Int32Array;
	readonly bucketZeros: Int32Array;
	/** Whether a negative wait was added (only a malformed record has one): zeros then sort among the rest. */
	negativeWaits = false;
	within = 0;
	tickets = 0;
	/** Working space of summarizeTally, kept with the tally so a batch of replications allocates it once. */
	readonly work: {
		byService: Float64Array;
		byAgency: Float64Array;
		/** Group starts: per service bucket (nServices + 1 of them), per agency (nAgencies + 1, the last for unlisted services). */
		serviceStart: Int32Array;
		agencyStart: Int32Array;
		/** Per agency, its zero waits. */
		agencyZeros: Int32Array;
		fill: Int32Array;
		/** Service bucket → its agency (nAgencies for the unlisted-service bucket). */
		agencyOfBucket: Int32Array;
	};

	constructor(readonly scenario: Scenario) {
		const agencies = scenario.agencies;
		this.nAgencies = agencies.length;
		this.agencyFirstService = new Int32Array(this.nAgencies + 1);
		let k = 0;
		for (let a = 0; a < this.nAgencies; a++) {
			this.agencyFirstService[a] = k;
			const services = new Map<string, number>();
			for (const s of agencies[a].services) services.set(s.id, k++);
			this.index.set(agencies[a].id, { index: a, services });
		}
		this.nServices = k;
		this.serviceAgency = new Int32Array(k);
		for (let a = 0; a < this.nAgencies; a++) this.serviceAgency.fill(a, this.agencyFirstService[a], k);
		this.agencyFirstService[this.nAgencies] = k;
		this.target = scenario.policy.serviceLevelMinutes + SERVICE_LEVEL_SLACK;
		this.aArrived = new Int32Array(this.nAgencies);
		this.aServed = new Int32Array(this.nAgencies);
		this.aAbandoned = new Int32Array(this.nAgencies);
		this.aNotServed = new Int32Array(this.nAgencies);
		this.aNoShow = new Int32Array(this.nAgencies);
		this.aWithin = new Int32Array(this.nAgencies);
		this.sArrived = new Int32Array(this.nServices);
		this.sServed = new Int32Array(this.nServices);
		this.bucketWaits = new Int32Array(this.nServices + 1);
		this.bucketZeros = new Int32Array(this.nServices + 1);
		const agencyOfBucket = new Int32Array(this.nServices + 1);
		agencyOfBucket.set(this.serviceAgency);
		agencyOfBucket[this.nServices] = this.nAgencies;
		this.work = {
			byService: new Float64Array(0),
			byAgency: new Float64Array(0),
			serviceStart: new Int32Array(this.nServices + 2),
			agencyStart: new Int32Array(this.nAgencies + 2),
			agencyZeros: new Int32Array(this.nAgencies + 1),
			fill: new Int32Array(this.nServices + 1),
			agencyOfBucket
		};
	}

	/**
	 * Makes room for `visitors` visitors' keys and as many stored waits, so a long replication grows its arrays once
	 * instead of doubling them (a continuous run of a million minutes has about a million visitors). Never shrinks.
	 */
	reserve(visitors: number): void {
		const n = Math.ceil(visitors);
		if (n > this.vFlags.length) this.growVisitors(n);
		if (n > this.waits.length) this.growWaits(n);
	}

	/** Forgets every leg added so far. */
	reset(): void {
		this.vFlags.fill(0, 0, this.visitors);
		this.vArrival.fill(0, 0, this.visitors);
		this.vLastEnd.fill(0, 0, this.visitors);
		this.visitors = 0;
		for (const a of [this.aArrived, this.aServed, this.aAbandoned, this.aNotServed, this.aNoShow, this.aWithin, this.sArrived, this.sServed, this.bucketWaits, this.bucketZeros]) a.fill(0);
		for (const a of [this.hArrivals, this.hWaitSum, this.hWaitN, this.histogram]) a.fill(0);
		this.nStored = 0;
		this.nWaits = 0;
		this.negativeWaits = false;
		this.within = 0;
		this.tickets = 0;
	}

	/**
	 * Adds one leg. `visitor`: a non-negative key, the same for every leg of one visitor and ordered like (day,
	 * visitor number); `agency`, `service`: indices or -1; the rest is read off `leg` (times in minutes after
	 * midnight of the leg's day). The simulator passes its own leg objects: no number is copied to get here.
	 */
	add(visitor: number, agency: number, service: number, leg: TalliedLeg): void {
		const { outcome, measured, wait } = leg;
		if (visitor >= this.vFlags.length) this.growVisitors(visitor + 1);
		if (visitor >= this.visitors) this.visitors = visitor + 1;
		let f = this.vFlags[visitor] | SEEN;
		if (measured) f |= MEASURED;
		if (outcome === 'no-show') f |= NO_SHOW;
		else {
			f |= CAME;
			this.vArrival[visitor] = leg.arrival;
			if (outcome === 'served') {
				const end = leg.end;
				if (end > this.vLastEnd[visitor]) this.vLastEnd[visitor] = end;
			} else {
				f |= UNSERVED;
				if (outcome === 'abandoned') f |= ABANDONED;
				else f |= NOT_SERVED;
			}
		}
		this.vFlags[visitor] = f;

		if (!measured) return;
		const a = agency;
		const s = service;
		if (outcome === 'no-show') {
			if (a >= 0) this.aNoShow[a]++;
			return;
		}
		this.tickets++;
		if (a >= 0) this.aArrived[a]++;
		if (s >= 0) this.sArrived[s]++;
		// A ticket time is always set for a leg that queued; -1 keeps a malformed record out of the hourly series.
		const ticketTime = leg.ticketTime;
		const hour = ticketTime === ticketTime ? hourOf(ticketTime) : -1;
		if (hour >= 0) this.hArrivals[hour]++;
		if (outcome === 'served') {
			if (a >= 0) this.aServed[a]++;
			if (s >= 0) this.sServed[s]++;
			const w = wait;
			if (w === w) {
				const bucket = s >= 0 ? s : this.nServices;
				this.bucketWaits[bucket]++;
				this.nWaits++;
				if (w === 0) this.bucketZeros[bucket]++;
				else this.store(w, bucket);
				if (w <= this.target) {
					this.within++;
					if (a >= 0) this.aWithin[a]++;
				}
				if (hour >= 0) {
					this.hWaitSum[hour] += w;
					this.hWaitN[hour]++;
				}
				const bin = Math.floor(w);
				this.histogram[bin < 0 ? 0 : bin >= WAIT_HISTOGRAM_BINS ? WAIT_HISTOGRAM_BINS - 1 : bin]++;
			}
		} else if (outcome === 'abandoned') {
			if (a >= 0) this.aAbandoned[a]++;
		} else if (a >= 0) this.aNotServed[a]++;
	}

	/** Adds a leg record, finding its agency and service by id. */
	addRecord(l: LegRecord, visitor: number): void {
		const ag = this.index.get(l.agency);
		const sv = ag === undefined ? undefined : ag.services.get(l.service);
		this.add(visitor, ag === undefined ? -1 : ag.index, sv === undefined ? -1 : sv, l);
	}

	private growVisitors(n: number): void {
		// At least double (adding visitor after visitor stays linear), or exactly what `reserve` asks for.
		const len = Math.max(n, this.vFlags.length * 2);
		const f = new Uint8Array(len);
		f.set(this.vFlags);
		const a = new Float64Array(len);
		a.set(this.vArrival);
		const e = new Float64Array(len);
		e.set(this.vLastEnd);
		this.vFlags = f;
		this.vArrival = a;
		this.vLastEnd = e;
	}

	/** Keeps a wait other than 0 for the summary's sort. */
	private store(w: number, bucket: number): void {
		if (this.nStored === this.waits.length) this.growWaits();
		this.waits[this.nStored] = w;
		this.waitBucket[this.nStored] = bucket;
		this.nStored++;
		if (w < 0) this.negativeWaits = true;
	}

	/**
	 * Stores the zeros counted so far like any other wait (a negative wait sorts before them, so they cannot simply
	 * lead each group): the summary calls it when `negativeWaits`.
	 */
	storeZeros(): void {
		for (let b = 0; b < this.bucketZeros.length; b++) {
			for (let i = 0; i < this.bucketZeros[b]; i++) this.store(0, b);
			this.bucketZeros[b] = 0;
		}
	}

	private growWaits(n = this.waits.length * 2): void {
		const w = new Float64Array(n);
		w.set(this.waits.subarray(0, this.nStored));
		const b = new Int32Array(n);
		b.set(this.waitBucket.subarray(0, this.nStored));
		this.waits = w;
		this.waitBucket = b;
	}
}
