/** The built `mpp` command as a child process, for the CLI's end-to-end tests (tests/cliBuild.globalSetup.ts builds it). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

export const root = new URL('../..', import.meta.url).pathname;
/** The built command's entry; `node <mppEntry> …` is what `npx mpp …` runs once the build is fresh. */
export const mppEntry = join(root, 'dist/cli/mpp.mjs');

/** Runs `mpp …args` in the project folder (optionally in `cwd`, with `env` added) and returns its exit code and output. */
export function mpp(...args: string[]): { code: number; stdout: string; stderr: string } {
	return mppIn({}, ...args);
}

/** `mpp` with spawn options: another working folder or extra environment variables. */
export function mppIn(opts: { cwd?: string; env?: Record<string, string> }, ...args: string[]): { code: number; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [mppEntry, ...args], {
		cwd: opts.cwd ?? root,
		env: { ...process.env, ...opts.env },
		encoding: 'utf8',
		timeout: 120_000,
		maxBuffer: 256 * 1024 * 1024
	});
	return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Asserts that output holds no JavaScript stack trace. */
export const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
