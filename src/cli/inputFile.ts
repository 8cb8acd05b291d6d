/**
 * Reading a user's input file with limits: a size cap, so `/dev/zero` or a mistaken multi-gigabyte file is refused
 * instead of filling memory, and strict UTF-8, so a file saved in another encoding is reported at the byte where it
 * goes wrong instead of being read as replacement characters.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CliError } from './cliError';

/** The largest scenario file read: the largest real hall's scenario is a few hundred kB. */
export const SCENARIO_FILE_LIMIT = 64 * 1024 * 1024;

/** A file that could not be opened, as a CliError naming it: no such file, a folder, no permission. */
export function openError(file: string, e: unknown): CliError {
	const code = (e as NodeJS.ErrnoException).code;
	const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
	return new CliError(`${file}: ${why}`);
}

/** The bytes of `file`, read until its end or past `limit` (then a CliError). Works on pipes and devices too. */
function readCapped(file: string, limit: number): Buffer {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (e) {
		throw openError(file, e);
	}
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for (;;) {
			const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
			const n = readSync(fd, chunk, 0, chunk.length, null);
			if (n === 0) break;
			chunks.push(chunk.subarray(0, n));
			total += n;
			if (total > limit) throw new CliError(`${file}: larger than ${limit / (1024 * 1024)} MB; a scenario is a few hundred kB at most`);
		}
	} catch (e) {
		throw e instanceof CliError ? e : openError(file, e);
	} finally {
		closeSync(fd);
	}
	return Buffer.concat(chunks, total);
}

/** The offset where the first invalid UTF-8 sequence starts, or -1 when the bytes are valid. */
export function invalidUtf8At(b: Uint8Array): number {
	for (let i = 0; i < b.length; ) {
		const c = b[i];
		const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
		if (n < 0) return i;
		// The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
		const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
		const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
		for (let k = 1; k <= n; k++) {
			const x = b[i + k];
			if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
		}
		i += n + 1;
	}
	return -1;
}

/** A text file's content: at most `limit` bytes of valid UTF-8, else a CliError naming the file (and the byte). */
export function readTextFile(file: string, limit = SCENARIO_FILE_LIMIT): string {
	const bytes = readCapped(file, limit);
	const bad = invalidUtf8At(bytes);
	if (bad >= 0) throw new CliError(`${file}: not UTF-8 text: byte 0x${bytes[bad].toString(16).padStart(2, '0')} at byte offset ${bad}; save the file as UTF-8`);
	return bytes.toString('utf8');
}
