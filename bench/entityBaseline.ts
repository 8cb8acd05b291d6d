/**
 * The Entity API baseline of `npm run bench`, in a worker thread of its own: simjs's own event objects going
 * through the heap code the adapter's events use would make that code polymorphic, and slow every other
 * measure in the thread (by about a tenth). Answers each requested event count with the events/s it ran at
 * (after a warm-up run, answered 'ready').
 */
import { parentPort } from 'node:worker_threads';
import { simjsEntityTimerRate } from '../src/lib/sim/calendar';
import { cheapUniform } from './uniform';

const unif = cheapUniform(999);

simjsEntityTimerRate(200_000, 40, () => -Math.log(unif()));
parentPort!.postMessage('ready');
parentPort!.on('message', (events: number) => parentPort!.postMessage(simjsEntityTimerRate(events, 40, () => -Math.log(unif()))));
