import { availableParallelism } from 'node:os';

let warned = false;

/**
 * The worker threads to start for `--workers` (default: the machine's cores). More threads than cores only
 * share the cores and multiply the memory, so a larger number is cut to the cores, with a warning once.
 */
export function workerCount(asked: number | undefined, cores = availableParallelism()): number {
	if (asked === undefined) return cores;
	if (asked <= cores) return asked;
	if (!warned) process.stderr.write(`warning: --workers ${asked} is more than this machine's ${cores} cores: using ${cores}\n`);
	warned = true;
	return cores;
}
