/**
 * A ticket log opened for streaming: the file is read in chunks as the reader asks, never whole, so a log of
 * millions of rows costs no more memory than its estimates. Refused at once: a missing file, a folder, and a
 * "line" longer than LINE_LIMIT bytes (`/dev/zero`, a binary file), which would otherwise grow without end.
 */
import { createReadStream, fstatSync, openSync } from 'node:fs';
import { CliError } from './cliError';
import { openError } from './inputFile';

/** The longest line a log may have: a real row is a few hundred bytes. */
const LINE_LIMIT = 1024 * 1024;

/** An opened log: its size (0 when unknown, e.g. a pipe) and its bytes in chunks. */
export interface LogFile {
	size: number;
	chunks: AsyncIterable<Uint8Array>;
}


/** Opens `file` for streaming; a CliError names the file if it cannot be read or is not a text log. */
export function openLog(file: string): LogFile {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (e) {
		throw openError(file, e);
	}
	const st = fstatSync(fd);
	if (st.isDirectory()) throw new CliError(`${file}: is a folder, not a file`);
	return { size: st.isFile() ? st.size : 0, chunks: guarded(file, createReadStream('', { fd, highWaterMark: 1 << 20 })) };
}

/** The stream's chunks, stopped with a CliError at a line longer than LINE_LIMIT. */
async function* guarded(file: string, stream: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
	let line = 1;
	let sinceNewline = 0;
	for await (const chunk of stream) {
		let last = -1;
		for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
			line++;
			last = i;
		}
		sinceNewline = last < 0 ? sinceNewline + chunk.length : chunk.length - last - 1;
		if (sinceNewline > LINE_LIMIT) throw new CliError(`${file}: line ${line} is longer than ${LINE_LIMIT / 1024 / 1024} MB: not a ticket log (a CSV text file)`);
		yield chunk;
	}
}
