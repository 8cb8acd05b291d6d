/**
 * One timed child process: wall-clock seconds from spawn to exit on this process's clock (millisecond
 * resolution; /usr/bin/time's %e has only hundredths), and the child's peak resident memory, from
 * /usr/bin/time -f '%e %M' (its ru_maxrss) when that exists, else from polling Linux's /proc/<pid>/status VmHWM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const hasProc = existsSync('/proc/self/status');

/** How peak RSS is measured on this machine, for the report. */
export const rssMethod = hasTime
	? `${TIME} -f '%e %M' (the child's ru_maxrss)`
	: hasProc
		? '/proc/<pid>/status VmHWM polled every 10 ms (a rise in the last 10 ms is missed)'
		: 'not measured (no /usr/bin/time and no /proc)';

/** What one child run gave. */
export interface ChildRun {
	seconds: number;
	/** Peak resident set in kB; NaN where it cannot be measured. */
	rssKb: number;
	/** Exit code (non-zero: the run failed and its figures mean nothing). */
	code: number;
	stdout: string;
	stderr: string;
}

// ru_maxrss goes to a file of its own, so it never mixes with the child's stderr.
const scratch = mkdtempSync(join(tmpdir(), 'mpp-bench-'));
const timeFile = join(scratch, 'time.txt');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Runs `cmd args` in `cwd`, stdout and stderr collected, and times it. */
export function runChild(cmd: string, args: string[], cwd: string): Promise<ChildRun> {
	const argv = hasTime ? [TIME, '-o', timeFile, '-f', '%e %M', cmd, ...args] : [cmd, ...args];
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		const poll = hasTime || !hasProc ? undefined : pollPeak(child.pid!);
		child.on('error', reject);
		child.on('close', (code) => {
			const seconds = (performance.now() - t0) / 1000;
			const rssKb = hasTime ? readTimeFile() : (poll?.stop() ?? NaN);
			resolve({ seconds, rssKb, code: code ?? 1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
		});
	});
}

/** The peak RSS that /usr/bin/time wrote (its second field), or NaN. */
function readTimeFile(): number {
	try {
		// When the child fails, time writes "Command exited with non-zero status n" on the line before.
		const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
		return Number(last.split(' ')[1]);
	} catch {
		return NaN;
	}
}

/** Polls a live process's high-water mark (VmHWM only ever rises); stop() gives the last value read. */
function pollPeak(pid: number): { stop: () => number } {
	let peak = NaN;
	const read = () => {
		try {
			const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (m) peak = Number(m[1]);
		} catch {
			// The process has exited between two polls: keep the last value.
		}
	};
	const timer = setInterval(read, 10);
	read();
	return { stop: () => (clearInterval(timer), peak) };
}
