/**
 * The first row of a log, read on the page before the worker reads the whole file: enough to show the columns
 * found and offer every column of the header in the mapping's drop-downs. Only the first 64 KB are looked at.
 */
import Papa from 'papaparse';
import type { LogSource } from '../workers/calibrateProtocol';

/** How much of a log the header is looked for in. */
export const HEAD_BYTES = 64 * 1024;

/** The log's header row as written, and the delimiter it uses. */
export interface LogHeader {
	header: string[];
	delimiter: string;
}

/** The first HEAD_BYTES of a log as text (a Blob is sliced, so a large file is not read). */
export async function logHead(input: LogSource): Promise<string> {
	if (typeof input === 'string') return input.slice(0, HEAD_BYTES);
	return input.slice(0, HEAD_BYTES).text();
}

/** The header row of a log's first lines (BOM dropped, `,` `;` or tab detected); an empty header when there is none. */
export function sniffHeader(head: string): LogHeader {
	const text = head.replace(/^\uFEFF/, '');
	const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
	if (firstLine.trim() === '') return { header: [], delimiter: ',' };
	const parsed = Papa.parse<string[]>(text, { preview: 1, delimitersToGuess: [',', ';', '\t'] });
	const row = parsed.data[0] ?? [];
	return { header: row.map((c) => String(c).trim()), delimiter: parsed.meta.delimiter || ',' };
}
