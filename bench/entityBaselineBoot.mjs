// worker_threads cannot load TypeScript by themselves: register tsx's loader in this thread, then start the baseline.
import { register } from 'tsx/esm/api';

register();
await import('./entityBaseline.ts');
