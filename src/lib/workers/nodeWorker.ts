/** worker_threads entry point: runs replications for the CLI's pool. */
import { parentPort } from 'node:worker_threads';
import { handleRunRequest } from './handler';
import type { RunRequest } from './protocol';

parentPort!.on('message', (req: RunRequest) => handleRunRequest(req, (msg, transfer) => parentPort!.postMessage(msg, transfer)));
