/**
 * Ctrl+C (SIGINT) and SIGTERM stop mpp promptly and leave nothing half-written: what registered a cleanup (an
 * output folder's temporary files) has it run, then the process exits with 128 + the signal's number, which ends
 * its worker threads too. A run in the main thread yields between replications so the signal is heard.
 */
const cleanups = new Set<() => void>();
const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
let installed = false;

function install(): void {
	installed = true;
	for (const [name, number] of Object.entries(SIGNALS)) {
		process.on(name, () => {
			for (const cleanup of cleanups) {
				try {
					cleanup();
				} catch {
					// Exiting anyway: one failed cleanup must not keep the others from running.
				}
			}
			process.stderr.write(`\nmpp: stopped (${name}); no output was written\n`);
			process.exit(128 + number);
		});
	}
}

/** Runs `cleanup` if the process is interrupted before the returned function is called. */
export function whenInterrupted(cleanup: () => void): () => void {
	if (!installed) install();
	cleanups.add(cleanup);
	return () => cleanups.delete(cleanup);
}

let lastYield = 0;

/** Lets pending events (a signal) run, if the main thread has been busy for more than a moment. */
export async function yieldNow(): Promise<void> {
	const now = performance.now();
	if (now - lastYield < 50) return;
	await new Promise((resolve) => setImmediate(resolve));
	lastYield = performance.now();
}
