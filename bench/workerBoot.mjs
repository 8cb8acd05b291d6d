// worker_threads cannot load TypeScript by themselves: register tsx's loader in this thread, then start the
// benchmark module named by workerData.module (a path relative to this file).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(new URL(workerData.module, import.meta.url).href);
