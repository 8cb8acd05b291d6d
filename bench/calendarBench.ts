/**
 * The bare raw-queue calendar of `npm run bench` in a worker thread of its own (see modelBench.ts for why):
 * a hold model (each event schedules one successor after an exponential delay) with trivial handlers.
 * workerData.reuse: false, each event a new object (the adapter's `at`: baselines (a) and (a′)); true, each event
 * rescheduling its own object as the models do (the adapter's `schedule`: (a″), nothing but the heap's work).
 * workerData.pending: the pending counts it will be asked for (warmed up on each). Answers 'ready' once warm, then
 * each request { events, pending } with one timed run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Calendar, SimEvent, type EventHandler } from '../src/lib/sim/calendar';
import type { Measure } from './measure';
import { cheapUniform } from './uniform';

/** A hold model of `events` events with `pending` in flight, each a new event object. */
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

/** The same hold model with each event rescheduling its own object: no allocation at all. */
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

const hold = workerData.reuse ? bareReusing : bareCalendar;
for (const pending of workerData.pending as number[]) hold(200_000, pending);
parentPort!.postMessage('ready');
parentPort!.on('message', (r: { events: number; pending: number }) => parentPort!.postMessage(hold(r.events, r.pending)));
