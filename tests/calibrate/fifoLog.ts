/**
 * An INDEPENDENT ticket-log generator for calibration tests: a plain FIFO multi-counter queue written from scratch
 * (nothing from src/lib/sim or src/lib/engine), so a recovery test checks the calibration against a queue whose
 * truth it states, not against this project's simulator. Each agency has its own counters serving its own FIFO
 * line; the free counter idle longest takes the next ticket. Logs are written in three dialects (fifoLogCsv.ts).
 *
 * The queue is the multi-server FIFO recursion: tickets are taken in issue order (one heap over the hall, as an
 * extra service's ticket is issued when the first ends), and each is called at max(issue, earliest free counter of
 * its agency). A ticket whose patience runs out before that moment has left (exponential patience) and uses no
 * counter: under FIFO that is exactly what an event-by-event queue does.
 */
import seedrandom from 'seedrandom';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A service-time distribution by its mean and coefficient of variation (exponential: cv 1). */
export interface TimeDist {
	dist: 'exponential' | 'lognormal' | 'gamma';
	mean: number;
	cv?: number;
}

/** The stated truth a log is generated from. */
export interface Truth {
	visitorsPerDay: number;
	/** Multiplies visitorsPerDay on that weekday; missing days are 1. */
	dayFactors?: Partial<Record<Weekday, number>>;
	/** Arrival profile: weights of consecutive `step`-minute bins from `from` ("HH:MM"). */
	profile: { from: string; step: number; weights: number[] };
	/** Service weights are shares over the whole hall (as a scenario's are). */
	agencies: Array<{ name: string; prefix: string; counters: number; services: Array<{ name: string; weight: number; time: TimeDist }> }>;
	/** Mean of the exponential patience; absent or null: nobody leaves. */
	patienceMean?: number | null;
	/**
	 * After each served leg the visit wants a further service (by weight) with this probability, as in the
	 * project's model: legs per visit are geometric, and a visitor who leaves unserved wants nothing more.
	 */
	extraServiceProbability?: number;
	onlineShare?: number;
	priorityShare?: number;
	/** Minutes from the call to the service start (uniform on [0, walkUp]); 0: the call is the start. */
	walkUp?: number;
}

/** One generated row (one service transaction), with its realised wait. Times in minutes after midnight. */
export interface FifoRow {
	date: string;
	weekday: Weekday;
	visit: string;
	ticket: string;
	agency: string;
	service: string;
	/** Index of the service in truth order (over all agencies). */
	serviceIndex: number;
	/** "" when not served. */
	counter: string;
	issued: number;
	called: number;
	start: number;
	end: number;
	left: number;
	status: 'served' | 'abandoned';
	online: boolean;
	priority: boolean;
	/** To the call when served, to leaving when abandoned. */
	wait: number;
	/** end − start when served, else NaN. */
	duration: number;
}

/** What was generated: the rows in (date, issue time) order and the realised visitors per date. */
export interface FifoLog {
	rows: FifoRow[];
	visitorsPerDate: number[];
}

type Rng = () => number;

/** Standard normal by Box–Muller (one of the pair is enough here). */
function normal(rng: Rng): number {
	const u = 1 - rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, 1) by Marsaglia–Tsang; shape < 1 by the u^(1/shape) boost. */
export function gammaUnit(rng: Rng, shape: number): number {
	if (shape < 1) return gammaUnit(rng, shape + 1) * Math.pow(1 - rng(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const x = normal(rng);
		const v0 = 1 + c * x;
		if (v0 <= 0) continue;
		const v = v0 * v0 * v0;
		const u = 1 - rng();
		if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
	}
}

/** A draw from a TimeDist. */
export function drawTime(rng: Rng, t: TimeDist): number {
	const cv = t.dist === 'exponential' ? 1 : (t.cv ?? 1);
	if (t.dist === 'exponential') return -t.mean * Math.log(1 - rng());
	if (t.dist === 'lognormal') {
		const s2 = Math.log(1 + cv * cv);
		return Math.exp(Math.log(t.mean) - s2 / 2 + Math.sqrt(s2) * normal(rng));
	}
	const shape = 1 / (cv * cv);
	return gammaUnit(rng, shape) * (t.mean / shape);
}

/** Poisson(mean) as the number of unit-rate exponential gaps that fit in `mean` (exact for any mean). */
export function poissonCount(rng: Rng, mean: number): number {
	let k = 0;
	for (let t = -Math.log(1 - rng()); t <= mean; t -= Math.log(1 - rng())) k++;
	return k;
}

/** Index drawn with probability proportional to its weight. */
function pick(rng: Rng, cumulative: number[]): number {
	const u = rng() * cumulative[cumulative.length - 1];
	let i = 0;
	while (cumulative[i] <= u && i < cumulative.length - 1) i++;
	return i;
}

function cumulate(w: number[]): number[] {
	let s = 0;
	return w.map((x) => (s += x));
}

/** Weekday of a "YYYY-MM-DD" date. */
export function weekdayOf(date: string): Weekday {
	const [y, m, d] = date.split('-').map(Number);
	return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** `count` Monday-to-Friday dates from `from` ("YYYY-MM-DD") on, skipping `holidays`. */
export function workingDays(from: string, count: number, holidays: readonly string[] = []): string[] {
	const [y, m, d] = from.split('-').map(Number);
	const out: string[] = [];
	for (let t = Date.UTC(y, m - 1, d); out.length < count; t += 86_400_000) {
		const date = new Date(t).toISOString().slice(0, 10);
		const w = weekdayOf(date);
		if (w !== 'sat' && w !== 'sun' && !holidays.includes(date)) out.push(date);
	}
	return out;
}

interface Pending {
	issued: number;
	visit: number;
	leg: number;
	service: number;
	online: boolean;
	priority: boolean;
}

/** The services of a truth, flattened in order, with their agency's index. */
function flatServices(truth: Truth) {
	return truth.agencies.flatMap((a, ai) => a.services.map((s) => ({ ...s, agency: ai })));
}

/** Generates a log from `truth` over `dates`; the same (truth, dates, seed) always gives the same rows. */
export function generateFifoLog(truth: Truth, dates: readonly string[], seed: string | number): FifoLog {
	const rng = seedrandom(`fifo|${seed}`);
	const rows: FifoRow[] = [];
	const visitorsPerDate: number[] = [];
	for (const date of dates) {
		const day = generateDay(truth, date, rng);
		visitorsPerDate.push(day.visitors);
		rows.push(...day.rows);
	}
	return { rows, visitorsPerDate };
}

/** Arrival times of one day: Poisson count, bin by profile weight, uniform within the bin; sorted. */
function arrivals(truth: Truth, weekday: Weekday, rng: Rng): number[] {
	const { from, step, weights } = truth.profile;
	const [h, m] = from.split(':').map(Number);
	const n = poissonCount(rng, truth.visitorsPerDay * (truth.dayFactors?.[weekday] ?? 1));
	const bins = cumulate(weights);
	const times: number[] = [];
	for (let i = 0; i < n; i++) times.push(h * 60 + m + (pick(rng, bins) + rng()) * step);
	return times.sort((a, b) => a - b);
}

function generateDay(truth: Truth, date: string, rng: Rng): { rows: FifoRow[]; visitors: number } {
	const weekday = weekdayOf(date);
	const services = flatServices(truth);
	const weights = cumulate(services.map((s) => s.weight));
	const free = truth.agencies.map((a) => new Array<number>(a.counters).fill(0));
	const issuedPerAgency = truth.agencies.map(() => 0);
	const times = arrivals(truth, weekday, rng);
	const heap: Pending[] = times.map((issued, visit) => ({
		issued,
		visit,
		leg: 0,
		service: pick(rng, weights),
		online: rng() < (truth.onlineShare ?? 0),
		priority: rng() < (truth.priorityShare ?? 0)
	}));
	const rows: FifoRow[] = [];
	// The first legs come sorted; an extra leg is inserted in issue order (a sorted insert: days are small).
	for (let k = 0; k < heap.length; k++) {
		const p = heap[k];
		const s = services[p.service];
		const a = truth.agencies[s.agency];
		const lane = free[s.agency];
		let c = 0;
		for (let j = 1; j < lane.length; j++) if (lane[j] < lane[c]) c = j;
		const call = Math.max(p.issued, lane[c]);
		const patience = truth.patienceMean ? -truth.patienceMean * Math.log(1 - rng()) : Infinity;
		const duration = drawTime(rng, s.time);
		const walk = (truth.walkUp ?? 0) * rng();
		const ticket = `${a.prefix}-${String(++issuedPerAgency[s.agency]).padStart(3, '0')}`;
		const base = { date, weekday, visit: `${date}-${p.visit + 1}`, ticket, agency: a.name, service: s.name, serviceIndex: p.service, online: p.online, priority: p.priority, issued: p.issued };
		if (call - p.issued > patience) {
			const left = p.issued + patience;
			rows.push({ ...base, counter: '', called: NaN, start: NaN, end: NaN, left, status: 'abandoned', wait: patience, duration: NaN });
			continue;
		}
		const start = call + walk;
		const end = start + duration;
		lane[c] = end;
		rows.push({ ...base, counter: `${a.prefix}${c + 1}`, called: call, start, end, left: NaN, status: 'served', wait: call - p.issued, duration });
		if (rng() < (truth.extraServiceProbability ?? 0)) insertSorted(heap, k + 1, { ...p, issued: end, leg: 1, service: pick(rng, weights) });
	}
	return { rows, visitors: times.length };
}

function insertSorted(list: Pending[], from: number, p: Pending): void {
	let i = list.length;
	list.push(p);
	while (i > from && list[i - 1].issued > p.issued) {
		list[i] = list[i - 1];
		i--;
	}
	list[i] = p;
}

/**
 * The truth's own layout as a scenario object (plain JSON, for parseScenario): each agency's counters serving only
 * it, FIFO with the idle-longest counter, hours from the profile's start to its end (waiting tickets served after),
 * so a replay of a generated log through it should give the log's waits. `days` are the weekdays to simulate.
 */
export function truthScenario(truth: Truth, days: readonly Weekday[]): Record<string, unknown> {
	const { from, step, weights } = truth.profile;
	const [h, m] = from.split(':').map(Number);
	const end = h * 60 + m + step * weights.length;
	const hhmm = (t: number) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
	const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
	const time = (t: TimeDist) => (t.dist === 'exponential' ? { dist: 'exponential', mean: t.mean } : { dist: t.dist, mean: t.mean, cv: t.cv ?? 1 });
	return {
		version: 1,
		id: 'fifo-truth',
		name: 'FIFO truth',
		calendar: { days: [...days], hours: { default: { open: from, lastTicket: hhmm(end), close: hhmm(end) } }, atClose: 'serve-waiting' },
		agencies: truth.agencies.map((a) => ({
			id: slug(a.name),
			name: a.name,
			ticketPrefix: a.prefix,
			services: a.services.map((s) => ({ id: slug(s.name), name: s.name, weight: s.weight, serviceTime: time(s.time) }))
		})),
		demand: {
			visitorsPerDay: truth.visitorsPerDay,
			...(truth.dayFactors ? { dayFactors: truth.dayFactors } : {}),
			profile: truth.profile,
			extraServiceProbability: truth.extraServiceProbability ?? 0,
			priorityShare: 0,
			patience: truth.patienceMean ? { dist: 'exponential', mean: truth.patienceMean } : null
		},
		counters: truth.agencies.flatMap((a) => Array.from({ length: a.counters }, (_, c) => ({ id: `${a.prefix}${c + 1}`, serves: [slug(a.name)] }))),
		policy: { order: 'fifo', serviceLevelMinutes: 15, tieBreak: 'longest-idle' },
		run: { replications: 1, seed: 1, warmupMinutes: 0 }
	};
}
