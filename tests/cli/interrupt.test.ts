/** SIGINT and SIGTERM: mpp stops within moments, exits 128 + the signal, and leaves the output folder as it was. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mppEntry, root } from './mppProcess';

/** Starts a long run, signals it once it is well under way, and resolves with its exit code and how long it took to stop. */
function interrupt(signal: 'SIGINT' | 'SIGTERM', workers: string, out: string): Promise<{ code: number | null; stopMs: number; stderr: string }> {
	const child = spawn(process.execPath, [mppEntry, 'run', 'scenarios/kota-bengkulu.json', '--replications', '100000', '--workers', workers, '--out', out], { cwd: root });
	let stderr = '';
	let sentAt = 0;
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	// Past start-up (and, with workers, their boot): the run is simulating, its files open in the folder.
	const timer = setTimeout(() => {
		sentAt = performance.now();
		child.kill(signal);
	}, 1500);
	// A run that ignored the signal must not outlive the test.
	const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
	return new Promise((resolve) => {
		child.on('exit', (code) => {
			clearTimeout(timer);
			clearTimeout(guard);
			resolve({ code, stopMs: performance.now() - sentAt, stderr });
		});
	});
}

describe('an interrupted run', () => {
	it.each([
		['SIGTERM', '0', 143],
		['SIGINT', '2', 130]
	] as const)('%s with --workers %s stops promptly with exit %i and no file left in --out', async (signal, workers, exitCode) => {
		const out = mkdtempSync(join(tmpdir(), 'mpp-interrupt-'));
		const r = await interrupt(signal, workers, out);
		expect(r.code).toBe(exitCode);
		// A replication takes a few milliseconds and the main thread yields every 50 ms: a second is generous.
		expect(r.stopMs).toBeLessThan(1000);
		expect(r.stderr).toMatch(new RegExp(`mpp: stopped \\(${signal}\\)`));
		expect(readdirSync(out)).toEqual([]);
	});
});
