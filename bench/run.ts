/**
 * `npm run bench`: simulation speed on one core, against the bare simjs calendar measured in the same run.
 *  - Kota Bengkulu: 1,000 replicated days (200 replications × 5 days), the full pipeline (demand, engine, records,
 *    per-replication summary);
 *  - M/M/10 at load 0.9 in continuous mode;
 *  - the bare simjs calendar: a hold model (each event schedules one successor after an exponential delay) with
 *    trivial handlers, on the raw event queue the adapter drives, (a) with 40 events pending and (a′) with as many
 *    pending as the model itself keeps on average (a heap's cost per event grows with its size), each event a new
 *    object (the adapter's `at`); (a″) as (a′), but rescheduling its own event object as the model does (the
 *    adapter's `schedule`): the strictest baseline, with no work at all besides the heap's; (b) through simjs's own
 *    API (an Entity's `setTimer(d).done(fn)`), 40 pending.
 * Each model and each kind of baseline runs in a worker thread of its own (see modelBench.ts, calendarBench.ts,
 * entityBaseline.ts); the threads take turns, so one core runs one measure at a time.
 * The target (the full model at ≥ 40% of the bare simjs calendar's event rate) is read most closely against
 * (a′), the adapter's calendar as DESIGN.md defines it (`at`) with the model's pending count; (b) is looser, (a″)
 * stricter (see README).
 */
import { Worker } from 'node:worker_threads';
import { rate, type Measure } from './measure';
import type { ModelSetup } from './modelBench';
import { benchScenario, meanPending } from './scenarios';

/** A benchmark worker (booted through workerBoot.mjs), asked one thing at a time. */
class BenchWorker<Setup, Request, Answer> {
	private readonly worker: Worker;
	readonly ready: Promise<Setup>;

	constructor(module: string, data: Record<string, unknown> = {}) {
		this.worker = new Worker(new URL('./workerBoot.mjs', import.meta.url), { workerData: { module, ...data } });
		this.ready = this.next<Setup>();
	}

	private next<T>(): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const fail = (e: Error) => reject(e);
			this.worker.once('error', fail);
			this.worker.once('message', (answer: T) => {
				this.worker.off('error', fail);
				resolve(answer);
			});
		});
	}

	/** Sends a request and waits for its answer. */
	ask(request: Request): Promise<Answer> {
		const answer = this.next<Answer>();
		this.worker.postMessage(request);
		return answer;
	}

	stop(): Promise<number> {
		return this.worker.terminate();
	}
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** The fastest of several runs: other load on the machine only ever slows a run down. */
function fastest(runs: Measure[]): Measure {
	return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

// Pending counts come from replications watched event by event, here in the main thread: watching changes how
// the simulator's code is compiled, and no measured thread should run it.
const kotaPending = meanPending(benchScenario('kota'));
const mm10Pending = meanPending(benchScenario('mm10'));
type Calendar = BenchWorker<string, { events: number; pending: number }, Measure>;
type Model = BenchWorker<ModelSetup, string, Measure>;
/** One fork's threads, started (and warmed up) one after the other: each has the core to itself while it does. */
async function startFork() {
	const kota: Model = new BenchWorker('./modelBench.ts', { model: 'kota' });
	const kotaSetup = await kota.ready;
	const mm10: Model = new BenchWorker('./modelBench.ts', { model: 'mm10' });
	const mm10Setup = await mm10.ready;
	const at: Calendar = new BenchWorker('./calendarBench.ts', { reuse: false, pending: [40, kotaPending, mm10Pending] });
	await at.ready;
	const reuse: Calendar = new BenchWorker('./calendarBench.ts', { reuse: true, pending: [kotaPending, mm10Pending] });
	await reuse.ready;
	const entity = new BenchWorker<string, number, number>('./entityBaseline.ts');
	await entity.ready;
	return { kota, kotaSetup, mm10, mm10Setup, at, reuse, entity, stop: () => Promise.all([kota, mm10, at, reuse, entity].map((w) => w.stop())) };
}

// Everything is measured in rounds, so that each measure sees the same spells of machine load (this project's
// machines share their cores: a spell can slow everything by a third), and in forks: each fork starts every
// thread afresh, because a thread can be slow from its start to its end for no reason of its own (where its
// memory landed, seen here as a third slower in one thread in ten), model and baselines alike.
const FORKS = 3;
const ROUNDS_PER_FORK = 3;
const ROUNDS = FORKS * ROUNDS_PER_FORK;
const runs = {
	k: [] as Measure[],
	m: [] as Measure[],
	bare: [] as Measure[],
	bareKota: [] as Measure[],
	bareMm10: [] as Measure[],
	reuseKota: [] as Measure[],
	reuseMm10: [] as Measure[],
	entity: [] as number[]
};
let kota: ModelSetup | undefined;
let mm10: ModelSetup | undefined;
for (let f = 0; f < FORKS; f++) {
	const fork = await startFork();
	kota = fork.kotaSetup;
	mm10 = fork.mm10Setup;
	for (let round = 0; round < ROUNDS_PER_FORK; round++) {
		runs.k.push(await fork.kota.ask('round'));
		// At least 2 M events, so a baseline's run is long enough to time well.
		const events = Math.max(runs.k[0].events, 2_000_000);
		runs.bare.push(await fork.at.ask({ events, pending: 40 }));
		runs.bareKota.push(await fork.at.ask({ events, pending: kotaPending }));
		runs.reuseKota.push(await fork.reuse.ask({ events, pending: kotaPending }));
		runs.m.push(await fork.mm10.ask('round'));
		runs.bareMm10.push(await fork.at.ask({ events, pending: mm10Pending }));
		runs.reuseMm10.push(await fork.reuse.ask({ events, pending: mm10Pending }));
		runs.entity.push(await fork.entity.ask(events));
	}
	await fork.stop();
}

const pct = (x: number) => (100 * x).toFixed(1) + '%';
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
const ev = (ms: Measure[]) => ms.map((x) => rate(x, 'events'));
/**
 * A model's event rate ÷ a baseline's, per round: best ÷ best, and the median over rounds of each round's own ratio.
 * A spell of load slows both alike, so the median holds still where best ÷ best may pair a model's quiet round with
 * a baseline's loaded one.
 */
const ratios = (model: Measure[], base: number[]) => {
	const rates = ev(model);
	return `${pct(Math.max(...rates) / Math.max(...base)).padStart(9)} ${pct(median(rates.map((x, r) => x / base[r]))).padStart(8)}`;
};
const k = fastest(runs.k);
const m = fastest(runs.m);
console.log(`MPP Planner benchmark (Node ${process.version}, one core, best of ${ROUNDS} interleaved rounds in ${FORKS} forks, each measure in a thread of its own)\n`);
if (!kota || !mm10) throw new Error('no fork ran');
console.log(`Kota Bengkulu, ${kota.replications} replications × ${kota.days} days = ${kota.replications * kota.days} days (${kotaPending} events pending on average)`);
console.log(`  ${k.seconds.toFixed(2)} s   ${fmt(rate(k, 'visits'))} visit legs/s   ${fmt(rate(k, 'events'))} events/s`);
console.log(`M/M/10 at load 0.9, ${mm10.replications} replications × 20,000 minutes (${mm10Pending} events pending on average)`);
console.log(`  ${m.seconds.toFixed(2)} s   ${fmt(rate(m, 'visits'))} visit legs/s   ${fmt(rate(m, 'events'))} events/s`);
/** One baseline's line: its label, then its best rate. */
const line = (label: string, rates: number[]) => console.log(`  ${label.padEnd(78)}${fmt(Math.max(...rates)).padStart(11)}`);
console.log(`bare simjs calendar, a hold model with trivial handlers (events/s):`);
line(`(b)  simjs's own API: an Entity's setTimer().done(), 40 pending`, runs.entity);
line(`(a)  raw event queue, a new event object per event, 40 pending`, ev(runs.bare));
line(`(a′) the same, ${kotaPending} pending (as Kota Bengkulu)`, ev(runs.bareKota));
line(`(a′) the same, ${mm10Pending} pending (as M/M/10)`, ev(runs.bareMm10));
line(`(a″) raw event queue, its event objects reused as the models do, ${kotaPending} pending`, ev(runs.reuseKota));
line(`(a″) the same, ${mm10Pending} pending`, ev(runs.reuseMm10));
console.log('');
/** One baseline's row of ratios, for both models. */
const row = (label: string, kotaBase: number[], mm10Base: number[]) =>
	console.log(`  ${label.padEnd(40)}${ratios(runs.k, kotaBase)}   ${ratios(runs.m, mm10Base)}`);
console.log(`model ÷ bare calendar (target ≥ 40% of (a′))   Kota Bengkulu               M/M/10`);
console.log(`${''.padEnd(42)}best÷best   median   best÷best   median   (median: of each round's own ratio)`);
row(`(b)  simjs's own API`, runs.entity, runs.entity);
row(`(a)  raw, new objects, 40 pending`, ev(runs.bare), ev(runs.bare));
row(`(a′) raw, new objects, same pending`, ev(runs.bareKota), ev(runs.bareMm10));
row(`(a″) raw, reused objects, same pending`, ev(runs.reuseKota), ev(runs.reuseMm10));
console.log(`1,000 Kota Bengkulu days: ${k.seconds.toFixed(2)} s (target < 2 s)`);
