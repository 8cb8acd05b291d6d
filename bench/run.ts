/**
 * `npm run bench`: simulation speed on one core, against the bare simjs calendar measured in the same process.
 *  - Kota Bengkulu: 1,000 replicated days (200 replications × 5 days), the full pipeline (demand, engine, records,
 *    per-replication summary);
 *  - M/M/10 at load 0.9 in continuous mode;
 *  - the bare simjs calendar: a hold model (each event schedules one successor after an exponential delay) with
 *    trivial handlers, on the raw event queue the adapter uses, (a) with 40 events pending and (a′) with as many
 *    pending as the model itself keeps on average (a heap's cost per event grows with its size, so this is the
 *    like-for-like baseline); (b) through simjs's own Entity API (`setTimer(d).done(fn)`), 40 pending, in a worker
 *    thread of its own (see entityBaseline.ts).
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/lib/model/parse';
import type { Scenario } from '../src/lib/model/scenario';
import { BatchRunner } from '../src/lib/sim/batch';
import { Worker } from 'node:worker_threads';
import { Calendar } from '../src/lib/sim/calendar';
import { compileScenario } from '../src/lib/sim/compile';
import { ReplicationRun } from '../src/lib/sim/replication';
import { continuousScenario } from '../tests/fixtures/scenarios';

function load(input: unknown): Scenario {
	const r = parseScenario(input);
	if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
	return r.scenario;
}

interface Measure {
	seconds: number;
	events: number;
	visits: number;
}

function runModel(s: Scenario, replications: number): Measure {
	const runner = new BatchRunner(s, s.run.seed);
	// Warm the JIT on replications that are not counted: the target is the rate the model sustains, and the model
	// has far more code to optimise than the bare calendar (which is warmed too).
	for (let r = 0; r < Math.min(40, replications); r++) runner.run(100_000 + r, false);
	let events = 0;
	let visits = 0;
	const t0 = performance.now();
	for (let r = 0; r < replications; r++) {
		const res = runner.run(r, false);
		events += res.events;
		visits += res.summary.overall.tickets;
	}
	return { seconds: (performance.now() - t0) / 1000, events, visits };
}

/** Mean number of events on the model's calendar, sampled at every event it handles (a few replications). */
function meanPending(s: Scenario): number {
	let sum = 0;
	let n = 0;
	const model = compileScenario(s);
	for (let r = 0; r < 3; r++) {
		new ReplicationRun(model, s.run.seed, r, {
			observe: (run) => {
				sum += run.cal.pending;
				n++;
			}
		}).run();
	}
	return Math.max(1, Math.round(sum / n));
}

function bareCalendar(events: number, pending: number): Measure {
	const cal = new Calendar();
	let n = 0;
	let x = 12345;
	// A cheap deterministic uniform so the handler stays trivial.
	const u = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) + 0.5) / 0x80000000;
	const tick = () => {
		if (++n < events) cal.at(cal.now() - Math.log(u()), tick);
	};
	for (let i = 0; i < pending; i++) cal.at(-Math.log(u()), tick);
	const t0 = performance.now();
	cal.run();
	return { seconds: (performance.now() - t0) / 1000, events: cal.scheduled, visits: 0 };
}

const rate = (m: Measure, what: 'events' | 'visits') => m[what] / m.seconds;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** The fastest of several runs: other load on the machine only ever slows a run down. */
function fastest(runs: Measure[]): Measure {
	return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

const kota = load(JSON.parse(readFileSync(new URL('../scenarios/kota-bengkulu.json', import.meta.url), 'utf8')));
const days = kota.calendar && 'days' in kota.calendar ? kota.calendar.days.length : 1;
const reps = Math.round(1000 / days);
const mm10 = load(continuousScenario(10, 54, 10, { minutes: 20_000, warmupMinutes: 1_000 }));
const kotaPending = meanPending(kota);
const mm10Pending = meanPending(mm10);

// Warm everything, then measure all of it in rounds, so that each measure sees the same spells of machine load
// (this project's machines share their cores: a spell can slow everything by a third).
bareCalendar(200_000, 40);
const entityWorker = new Worker(new URL('./entityBaselineBoot.mjs', import.meta.url));
/** The Entity API's events/s for `events` events, measured in its own thread (see entityBaseline.ts). */
const entityRateFor = (events: number) =>
	new Promise<number>((resolve, reject) => {
		entityWorker.once('message', resolve);
		entityWorker.once('error', reject);
		entityWorker.postMessage(events);
	});
await entityRateFor(200_000);
const ROUNDS = 7;
const runs = { k: [] as Measure[], m: [] as Measure[], bare: [] as Measure[], bareKota: [] as Measure[], bareMm10: [] as Measure[], entity: [] as number[] };
let bareEvents = 2_000_000;
for (let round = 0; round < ROUNDS; round++) {
	runs.k.push(runModel(kota, reps));
	bareEvents = Math.max(runs.k[0].events, 2_000_000);
	runs.bare.push(bareCalendar(bareEvents, 40));
	runs.bareKota.push(bareCalendar(bareEvents, kotaPending));
	runs.m.push(runModel(mm10, 20));
	runs.bareMm10.push(bareCalendar(bareEvents, mm10Pending));
	runs.entity.push(await entityRateFor(bareEvents));
}
const k = fastest(runs.k);
const m = fastest(runs.m);
const bare = fastest(runs.bare);
const bareKota = fastest(runs.bareKota);
const bareMm10 = fastest(runs.bareMm10);
const entityRate = Math.max(...runs.entity);
await entityWorker.terminate();

const pct = (x: number, y: number) => ((100 * x) / y).toFixed(1) + '%';
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
/**
 * The median over rounds of a model's event rate ÷ a baseline's measured in the same round. A spell of load slows
 * both alike, so this ratio holds still where best ÷ best may pair a model's quiet round with a baseline's loaded one.
 */
const paired = (model: Measure[], base: number[]) => pct(median(model.map((x, r) => rate(x, 'events') / base[r])), 1);
const ev = (ms: Measure[]) => ms.map((x) => rate(x, 'events'));
console.log(`MPP Planner benchmark (Node ${process.version}, one core, best of ${ROUNDS} interleaved rounds)\n`);
console.log(`Kota Bengkulu, ${reps} replications × ${days} days = ${reps * days} days (${kotaPending} events pending on average)`);
console.log(`  ${k.seconds.toFixed(2)} s   ${fmt(rate(k, 'visits'))} visit legs/s   ${fmt(rate(k, 'events'))} events/s`);
console.log(`M/M/10 at load 0.9, 20 replications × 20,000 minutes (${mm10Pending} events pending on average)`);
console.log(`  ${m.seconds.toFixed(2)} s   ${fmt(rate(m, 'visits'))} visit legs/s   ${fmt(rate(m, 'events'))} events/s`);
console.log(`bare simjs calendar, hold model with trivial handlers:`);
console.log(`  (a)  raw event queue (the adapter's path), 40 pending     ${fmt(rate(bare, 'events')).padStart(10)} events/s`);
console.log(`  (a′) raw event queue, ${String(kotaPending).padStart(3)} pending (as Kota Bengkulu)    ${fmt(rate(bareKota, 'events')).padStart(10)} events/s`);
console.log(`  (a′) raw event queue, ${String(mm10Pending).padStart(3)} pending (as M/M/10)           ${fmt(rate(bareMm10, 'events')).padStart(10)} events/s`);
console.log(`  (b)  simjs Entity API, setTimer().done(), 40 pending     ${fmt(entityRate).padStart(10)} events/s`);
console.log('');
console.log(`best ÷ best (target ≥ 40%)            vs (a′) same pending   vs (a) 40 pending   vs (b) Entity API`);
console.log(`  Kota Bengkulu model                 ${pct(rate(k, 'events'), rate(bareKota, 'events')).padStart(20)}   ${pct(rate(k, 'events'), rate(bare, 'events')).padStart(17)}   ${pct(rate(k, 'events'), entityRate).padStart(17)}`);
console.log(`  M/M/10 model                        ${pct(rate(m, 'events'), rate(bareMm10, 'events')).padStart(20)}   ${pct(rate(m, 'events'), rate(bare, 'events')).padStart(17)}   ${pct(rate(m, 'events'), entityRate).padStart(17)}`);
console.log(`median of the ${ROUNDS} rounds' own ratios (each model ÷ baseline measured in the same round):`);
console.log(`  Kota Bengkulu model                 ${paired(runs.k, ev(runs.bareKota)).padStart(20)}   ${paired(runs.k, ev(runs.bare)).padStart(17)}   ${paired(runs.k, runs.entity).padStart(17)}`);
console.log(`  M/M/10 model                        ${paired(runs.m, ev(runs.bareMm10)).padStart(20)}   ${paired(runs.m, ev(runs.bare)).padStart(17)}   ${paired(runs.m, runs.entity).padStart(17)}`);
console.log(`1,000 Kota Bengkulu days: ${k.seconds.toFixed(2)} s (target < 2 s)`);
