import { mkdirSync } from 'node:fs';
import { CliError } from './cliError';

/** Creates the --out folder (and its parents), or fails with a one-line message saying why. */
export function prepareOut(dir: string): void {
	// An empty name would write nowhere and say nothing.
	if (dir.trim() === '') throw new CliError('--out: expected a folder name, got an empty one', 2);
	try {
		mkdirSync(dir, { recursive: true });
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'exists and is not a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'error');
		throw new CliError(`${dir}: cannot create the output folder: ${why}`);
	}
}
