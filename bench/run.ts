/**
 * `npm run bench`: simulation speed on one core, against the bare simjs calendar measured in the same process.
 *  - Kota Bengkulu: 1,000 replicated days (200 replications × 5 days), the full pipeline (demand, engine, records,
 *    per-replication summary);
 *  - M/M/10 at load 0.9 in continuous mode;
 *  - the bare simjs calendar: a hold model (each event schedules one successor after an exponential delay) with
 *    trivial handlers, on the raw event queue the adapter drives, (a) with 40 events pending and (a′) with as many
 *    pending as the model itself keeps on average (a heap's cost per event grows with its size), each event a new
 *    object (the adapter's `at`); (a″) as (a′), but rescheduling its own event object as the model does (the
 *    adapter's `schedule`): the strictest baseline, with no work at all besides the heap's; (b) through simjs's own
 *    API (an Entity's `setTimer(d).done(fn)`), 40 pending, in a worker thread of its own (see entityBaseline.ts).
 * The target (the full model at ≥ 40% of the bare simjs calendar's event rate) is read most closely against
 * (a′), the adapter's calendar as DESIGN.md defines it (`at`) with the model's pending count; (b) is looser, (a″)
 * stricter (see README).
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/lib/model/parse';
import type { Scenario } from '../src/lib/model/scenario';
import { BatchRunner } from '../src/lib/sim/batch';
import { Worker } from 'node:worker_threads';
import { Calendar, SimEvent, type EventHandler } from '../src/lib/sim/calendar';
import { compileScenario } from '../src/lib/sim/compile';
import { ReplicationRun } from '../src/lib/sim/replication';
import { continuousScenario } from '../tests/fixtures/scenarios';
import { cheapUniform } from './uniform';

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
	const u = cheapUniform(12345);
	let n = 0;
	const tick = () => {
		if (++n < events) cal.at(cal.now() - Math.log(u()), tick);
	};
	for (let i = 0; i < pending; i++) cal.at(-Math.log(u()), tick);
	return timedRun(cal);
}

/** The same hold model with each event rescheduling its own object, as the model's events do: no allocation at all. */
function bareReusing(events: number, pending: number): Measure {
	const cal = new Calendar();
	const u = cheapUniform(54321);
	let n = 0;
	const hold: EventHandler = {
		handle: (ev) => {
			if (++n < events) cal.schedule(ev, cal.now() - Math.log(u()));
		}
	};
	for (let i = 0; i < pending; i++) cal.schedule(new SimEvent(hold, 0, 0, null), -Math.log(u()));
	return timedRun(cal);
}

/** Runs a calendar holding a hold model's first events until none is left, timed. */
function timedRun(cal: Calendar): Measure {
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
bareReusing(200_000, 40);
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
let bareEvents = 2_000_000;
for (let round = 0; round < ROUNDS; round++) {
	runs.k.push(runModel(kota, reps));
	bareEvents = Math.max(runs.k[0].events, 2_000_000);
	runs.bare.push(bareCalendar(bareEvents, 40));
	runs.bareKota.push(bareCalendar(bareEvents, kotaPending));
	runs.reuseKota.push(bareReusing(bareEvents, kotaPending));
	runs.m.push(runModel(mm10, 20));
	runs.bareMm10.push(bareCalendar(bareEvents, mm10Pending));
	runs.reuseMm10.push(bareReusing(bareEvents, mm10Pending));
	runs.entity.push(await entityRateFor(bareEvents));
}
await entityWorker.terminate();

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
console.log(`MPP Planner benchmark (Node ${process.version}, one core, best of ${ROUNDS} interleaved rounds)\n`);
console.log(`Kota Bengkulu, ${reps} replications × ${days} days = ${reps * days} days (${kotaPending} events pending on average)`);
console.log(`  ${k.seconds.toFixed(2)} s   ${fmt(rate(k, 'visits'))} visit legs/s   ${fmt(rate(k, 'events'))} events/s`);
console.log(`M/M/10 at load 0.9, 20 replications × 20,000 minutes (${mm10Pending} events pending on average)`);
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
