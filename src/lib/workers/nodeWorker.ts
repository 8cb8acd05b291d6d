/** worker_threads entry point: runs replications for the CLI's pool. */
import { parentPort } from 'node:worker_threads';
import { runRequestHandler } from './handler';

parentPort!.on('message', runRequestHandler((msg) => parentPort!.postMessage(msg)));
