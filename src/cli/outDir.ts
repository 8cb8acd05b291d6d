import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './cliError';

function cannot(dir: string, e: unknown): CliError {
	const code = (e as NodeJS.ErrnoException).code;
	const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'exists and is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'cannot be made there' : (code ?? 'error');
	return new CliError(`${dir}: cannot create the output folder: ${why}`);
}

/**
 * Creates the --out folder (and its parents) before anything runs, or fails with a one-line message saying why.
 * Parents are made one at a time: Node's recursive mkdir spins forever under /proc, where making a folder fails
 * with ENOENT however often it is tried.
 */
export function prepareOut(dir: string): void {
	// An empty name would write nowhere and say nothing.
	if (dir.trim() === '') throw new CliError('--out: expected a folder name, got an empty one', 2);
	const stat = (path: string) => {
		try {
			return statSync(path, { throwIfNoEntry: false });
		} catch (e) {
			throw cannot(dir, e); // ENOTDIR: a parent is a file
		}
	};
	const missing: string[] = [];
	let at = resolve(dir);
	for (let st = stat(at); st === undefined; st = stat(at)) {
		missing.unshift(at);
		if (dirname(at) === at) break;
		at = dirname(at);
	}
	const existing = stat(at);
	if (existing && !existing.isDirectory()) throw new CliError(`${dir}: cannot create the output folder: ${at === resolve(dir) ? '' : `${at} `}exists and is not a folder`);
	for (const folder of missing) {
		try {
			mkdirSync(folder);
		} catch (e) {
			throw cannot(dir, e);
		}
	}
}
