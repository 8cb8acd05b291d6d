/**
 * One model of `npm run bench` in a worker thread (a V8 isolate) of its own, as a simulation worker runs one
 * scenario: in a shared isolate, code the measures share (the run loop, the engine, the calendar) is compiled for
 * all of them at once, and each is measured as it never runs (JMH forks a fresh JVM per benchmark for the same
 * reason). workerData.model: 'kota' or 'mm10'. Answers 'ready' with its set-up once warm, then each request with
 * one timed pass over its replications.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BatchRunner } from '../src/lib/sim/batch';
import type { Measure } from './measure';
import { benchScenario, type BenchModel } from './scenarios';

/** A model's set-up, sent once the worker is warm. */
export interface ModelSetup {
	replications: number;
	days: number;
}

const model = workerData.model as BenchModel;
const scenario = benchScenario(model);
const days = scenario.calendar && 'days' in scenario.calendar ? scenario.calendar.days.length : 1;
// Kota Bengkulu: 1,000 replicated days; M/M/10: 20 replications of 20,000 minutes.
const replications = model === 'kota' ? Math.round(1000 / days) : 20;
const runner = new BatchRunner(scenario, scenario.run.seed);

/** The model's replications, timed: the full pipeline, each replication's summary included. */
function runModel(): Measure {
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

// Warm the JIT on a round that is not counted (as JMH's warm-up iterations): the target is the rate the model
// sustains, and the model has far more code to optimise than the bare calendar (which is warmed too). After a
// warm-up of 40 replications, the next 200 still ran up to a tenth slower than later ones.
runModel();
parentPort!.postMessage({ replications, days } satisfies ModelSetup);
parentPort!.on('message', () => parentPort!.postMessage(runModel()));
