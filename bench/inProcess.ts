/**
 * The in-process section of `npm run bench`, printed after the whole-process one: event rates of the models
 * against the bare simjs calendar measured in the same run. Its old target (the full model at ≥ 40% of the bare
 * calendar's event rate) is retired — a user waits for a whole process, not an event loop — but the figures still
 * show that a change leaves the simulator no slower in-process.
 *  - Kota Bengkulu: 1,000 replicated days (200 replications × 5 days), the full pipeline (demand, engine, records,
 *    per-replication summary);
 *  - M/M/10 at load 0.9 in continuous mode (20 replications × 20,000 minutes);
 *  - the bare simjs calendar: a hold model (each event schedules one successor after an exponential delay) with
 *    trivial handlers, on the raw event queue the adapter drives, (a) with 40 events pending and (a′) with as many
 *    pending as the model itself keeps on average (a heap's cost per event grows with its size), each event a new
 *    object (the adapter's `at`); (a″) as (a′), but rescheduling its own event object as the model does (the
 *    adapter's `schedule`); (b) through simjs's own API (an Entity's `setTimer(d).done(fn)`), 40 pending.
 * Each model and each kind of baseline runs in a worker thread of its own (see modelBench.ts, calendarBench.ts,
 * entityBaseline.ts); the threads take turns, so one core runs one measure at a time.
 */
import { BenchWorker } from './benchWorker';
import type { Measure } from './measure';
import type { ModelSetup } from './modelBench';
import { benchScenario, meanPending } from './scenarios';
import { printInProcess, type Runs } from './inProcessReport';

type Calendar = BenchWorker<string, { events: number; pending: number }, Measure>;
type Model = BenchWorker<ModelSetup, string, Measure>;

/** One fork's threads, started (and warmed up) one after the other: each has the core to itself while it does. */
async function startFork(kotaPending: number, mm10Pending: number) {
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

/** Runs the in-process measures (3 forks × 3 rounds) and prints them. */
export async function runInProcess(): Promise<void> {
	// Pending counts come from replications watched event by event, here in the main thread: watching changes how
	// the simulator's code is compiled, and no measured thread should run it.
	const kotaPending = meanPending(benchScenario('kota'));
	const mm10Pending = meanPending(benchScenario('mm10'));
	const runs: Runs = { k: [], m: [], bare: [], bareKota: [], bareMm10: [], reuseKota: [], reuseMm10: [], entity: [] };
	let setups: { kota: ModelSetup; mm10: ModelSetup } | undefined;
	for (let f = 0; f < FORKS; f++) {
		const fork = await startFork(kotaPending, mm10Pending);
		setups = { kota: fork.kotaSetup, mm10: fork.mm10Setup };
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
		process.stderr.write(`bench: in-process fork ${f + 1}/${FORKS} done\n`);
	}
	if (!setups) throw new Error('no fork ran');
	printInProcess(runs, { ...setups, kotaPending, mm10Pending, rounds: FORKS * ROUNDS_PER_FORK, forks: FORKS });
}
