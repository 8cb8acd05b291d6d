/**
 * Reads a ticket log (CSV text, a browser File, or a Node stream) into LogRecords and a data-quality report,
 * streaming: the text goes to papaparse a chunk at a time (logCsv.ts), each row becomes a record or a rejection
 * (logRow.ts), and only the report's counts stay behind. Nothing in a log makes it throw: a log that cannot be read
 * at all gives `{ ok: false, message }` naming the file and the line; a row that cannot be used is counted in the
 * report with its line.
 */
import type { DayId } from '../model/scenario';
import { detectColumns, FIELD_NAMES } from './logColumns';
import { CsvRows, isBlank, type CsvSink } from './logCsv';
import type { ColumnMap, LogRecord, QualityReport } from './logRecord';
import { RowReader } from './logRow';
import { QualityTally } from './qualityReport';

/** A log: its text, a browser File (or any Blob), or a stream of text or bytes (a Node ReadStream is one). */
export type LogInput = string | Blob | AsyncIterable<string | Uint8Array>;

export interface ReadLogOptions {
	/** The file's name, for messages and the report. */
	file: string;
	/** Columns named by the analyst; the rest are found by name. */
	map?: ColumnMap;
	/** Opening hours by weekday, minutes after midnight (null: closed); rows issued outside are 'outside-hours'. */
	hours?: (weekday: DayId) => { open: number; close: number } | null;
	/** Bytes read so far (characters, for text input). */
	onProgress?: (bytes: number) => void;
	signal?: AbortSignal;
}

export type ReadLogResult = { ok: true; report: QualityReport } | { ok: false; message: string };

/** Characters (text input) or bytes (a File or Blob) handed to the parser at a time. */
export const CHUNK = 1 << 20;

const CANCELLED: ReadLogResult = { ok: false, message: 'cancelled' };

/** One read of one log: the CSV layer's sink, turning rows into records and the tally. */
class LogSession implements CsvSink {
	readonly csv = new CsvRows(this);
	private readonly tally = new QualityTally();
	private reader: RowReader | null = null;
	private headerCells: string[] = [];
	private delimiter = ',';
	private columns: ColumnMap = {};

	constructor(
		private readonly options: ReadLogOptions,
		private readonly onRecord: (r: LogRecord) => void
	) {}

	header(fields: string[], line: number, delimiter: string): string | null {
		this.headerCells = fields.map((f) => f.replace(/^\ufeff/, '').trim());
		this.delimiter = delimiter;
		const { columns, problems } = detectColumns(this.headerCells, this.options.map);
		if (Object.keys(columns).length === 0 && !this.options.map) {
			const cells = this.headerCells.slice(0, 5).map((c) => `"${c.slice(0, 40)}"`).join(', ');
			const example = `${FIELD_NAMES.issued[0]}, ${FIELD_NAMES.service[0]}`;
			return (
				`line ${line}: no header: the first line (${cells}) names no column this reader knows; ` +
				`the first line must name the columns (e.g. ${example}), or use --map`
			);
		}
		if (problems.length > 0) return `line ${line}: ${problems.join('; ')}`;
		this.columns = columns;
		this.reader = new RowReader(this.headerCells, columns, this.options.hours);
		return null;
	}

	row(fields: string[], line: number, malformed: boolean): void {
		const reader = this.reader;
		if (reader === null || isBlank(fields)) return;
		if (malformed) return this.tally.reject('bad-row', line);
		const out = reader.read(fields, line);
		if (typeof out === 'string') return this.tally.reject(out, line, reader.blamedColumn ?? '');
		this.tally.use(out.date, reader.day, out.weekday);
		this.onRecord(out);
	}

	/** The result, once the text has ended. */
	finish(): ReadLogResult {
		const file = this.options.file;
		if (this.csv.failure !== null) return { ok: false, message: `${file}: ${this.csv.failure}` };
		if (!this.csv.sawText) return { ok: false, message: `${file}: the file is empty` };
		if (this.reader === null) return { ok: false, message: `${file}: line 1: no header row` };
		const notes = this.reader.notes();
		return { ok: true, report: this.tally.report(file, this.delimiter, this.headerCells, this.columns, notes) };
	}
}

function failure(file: string, e: unknown): ReadLogResult {
	return { ok: false, message: `${file}: could not read the log: ${e instanceof Error ? e.message : String(e)}` };
}

/** Reads a log synchronously (tests, small logs): the result and every used record, in file order. */
export function readLogText(text: string, options: ReadLogOptions): { result: ReadLogResult; records: LogRecord[] } {
	const records: LogRecord[] = [];
	try {
		const session = new LogSession(options, (r) => records.push(r));
		for (let at = 0; at < text.length && session.csv.failure === null; at += CHUNK) {
			if (options.signal?.aborted) return { result: CANCELLED, records: [] };
			session.csv.push(text.slice(at, at + CHUNK));
			options.onProgress?.(Math.min(text.length, at + CHUNK));
		}
		session.csv.end();
		return { result: session.finish(), records };
	} catch (e) {
		return { result: failure(options.file, e), records: [] };
	}
}

/**
 * Reads a log a chunk at a time, handing each used record to `onRecord` in file order; the report when done.
 * Honours `signal` (resolves `{ ok: false, message: 'cancelled' }`) and reports progress. Never rejects.
 */
export async function readLog(
	input: LogInput,
	options: ReadLogOptions,
	onRecord: (r: LogRecord) => void
): Promise<ReadLogResult> {
	try {
		const session = new LogSession(options, onRecord);
		for await (const chunk of textChunks(input, options)) {
			if (options.signal?.aborted) return CANCELLED;
			session.csv.push(chunk);
			if (session.csv.failure !== null) break;
		}
		if (options.signal?.aborted) return CANCELLED;
		session.csv.end();
		return session.finish();
	} catch (e) {
		return options.signal?.aborted ? CANCELLED : failure(options.file, e);
	}
}

/** A macrotask's pause, so a worker sees its cancel message between chunks of text already in memory. */
function pause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The log's text in pieces, decoded as UTF-8 across chunk boundaries (a leading byte-order mark dropped). */
async function* textChunks(input: LogInput, options: ReadLogOptions): AsyncGenerator<string> {
	const progress = options.onProgress;
	if (typeof input === 'string') {
		for (let at = 0; at < input.length; at += CHUNK) {
			yield input.slice(at, at + CHUNK);
			progress?.(Math.min(input.length, at + CHUNK));
			await pause();
		}
		return;
	}
	// The mark is left in: CsvRows drops one, whatever the input's form, so text and bytes read alike.
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	if (typeof Blob !== 'undefined' && input instanceof Blob) {
		// A slice at a time: a File of any size is never read whole.
		for (let at = 0; at < input.size; at += CHUNK) {
			const end = Math.min(input.size, at + CHUNK);
			const bytes = new Uint8Array(await input.slice(at, end).arrayBuffer());
			yield decoder.decode(bytes, { stream: true });
			progress?.(end);
		}
	} else {
		let read = 0;
		for await (const piece of input as AsyncIterable<string | Uint8Array>) {
			if (typeof piece === 'string') {
				yield piece;
				read += piece.length;
			} else {
				yield decoder.decode(piece, { stream: true });
				read += piece.byteLength;
			}
			progress?.(read);
		}
	}
	yield decoder.decode();
}
