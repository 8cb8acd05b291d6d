/**
 * CSV text in, rows out, a chunk at a time: papaparse's own parser (`Papa.Parser`) is fed each chunk with the
 * unfinished last row of the one before, the way papaparse's streamers do, so a file of any size is read with only
 * a chunk and one row held. Added here: the delimiter (",", ";" or tab) and the line break are detected from the
 * header line, and every row gets the physical line it starts on (the header is line 1), counting the line breaks
 * inside quoted fields, so rows after a multi-line field are still named by the line an editor shows.
 */
import Papa from 'papaparse';

/** A row longer than this is taken for a quote that is never closed (it would otherwise swallow the whole file). */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

/** What the rows go to. */
export interface CsvSink {
	/** The header row and the delimiter found; a message stops the reading (a fatal problem with the header). */
	header(fields: string[], line: number, delimiter: string): string | null;
	/** A data row, the line it starts on, and whether papaparse found its quotes malformed. */
	row(fields: string[], line: number, malformed: boolean): void;
}

const QUOTE = 34;

/** The delimiter of a header line: the most frequent of ",", ";" and tab outside quotes (ties: in that order). */
export function detectDelimiter(line: string): string {
	let comma = 0;
	let semicolon = 0;
	let tab = 0;
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === QUOTE) quoted = !quoted;
		else if (quoted) continue;
		else if (c === 44) comma++;
		else if (c === 59) semicolon++;
		else if (c === 9) tab++;
	}
	if (semicolon > comma && semicolon >= tab) return ';';
	if (tab > comma && tab > semicolon) return '\t';
	return ',';
}

/** Line breaks inside a row's fields (a "\r" ending the last field is the row's own "\r\n", not counted). */
function breaksInside(fields: string[]): number {
	let breaks = 0;
	for (let f = 0; f < fields.length; f++) {
		const s = fields[f];
		if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) continue;
		const end = f === fields.length - 1 && s.endsWith('\r') ? s.length - 1 : s.length;
		for (let i = 0; i < end; i++) {
			const c = s.charCodeAt(i);
			if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) breaks++;
		}
	}
	return breaks;
}

/** Whether every CR and LF in the text belongs to a line break (then each row is exactly one line). */
function onlyNewlines(text: string, newline: string): boolean {
	if (newline === '\n') return text.indexOf('\r') < 0;
	if (newline === '\r') return text.indexOf('\n') < 0;
	for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
		if (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) return false;
	}
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) return false;
	return true;
}

function isSpaceCode(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A row with nothing in it (a blank line, or only delimiters and spaces). */
export function isBlank(fields: string[]): boolean {
	for (let f = 0; f < fields.length; f++) if (fields[f].trim() !== '') return false;
	return true;
}

/** Feeds CSV text to papaparse a chunk at a time; see the file's comment. */
export class CsvRows {
	private pending = '';
	private parser: Papa.Parser | null = null;
	private started = false;
	private headerDone = false;
	private line = 1;
	/** Set when reading must stop: a fatal message. */
	failure: string | null = null;
	/** Whether anything but spaces (and a byte-order mark) was seen. */
	sawText = false;

	constructor(private readonly sink: CsvSink) {}

	/** Adds the next piece of the text. */
	push(chunk: string): void {
		if (this.failure !== null || chunk.length === 0) return;
		if (!this.started) {
			this.started = true;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		this.pending = this.pending.length === 0 ? chunk : this.pending + chunk;
		if (this.parser === null && !this.startParser(false)) return;
		this.parse(false);
	}

	/** The text has ended: the last row is complete. */
	end(): void {
		if (this.failure !== null) return;
		if (this.parser === null && !this.startParser(true)) return;
		this.parse(true);
	}

	/** Detects the line break and delimiter once the header line is in; false while it is not. */
	private startParser(ended: boolean): boolean {
		const text = this.pending;
		// The header is the first line with something on it: blank lines before it are skipped (and counted).
		let from = 0;
		while (from < text.length && isSpaceCode(text.charCodeAt(from))) from++;
		if (from === text.length) return ended ? false : this.checkLength();
		this.sawText = true;
		const lf = text.indexOf('\n');
		const cr = text.indexOf('\r');
		if (cr === text.length - 1 && !ended) return this.checkLength();
		this.newline = cr >= 0 && (lf < 0 || cr < lf) ? (text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r') : '\n';
		let lineEnd = from;
		while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
		if (lineEnd === text.length && !ended) return this.checkLength();
		this.delimiter = detectDelimiter(text.slice(from, lineEnd));
		this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline });
		return true;
	}

	private delimiter = ',';
	private newline: '\n' | '\r\n' | '\r' = '\n';

	/** Parses what is pending; unless the text has ended, the last (perhaps unfinished) row waits for more. */
	private parse(ended: boolean): void {
		const parser = this.parser;
		if (parser === null) return;
		const text = this.pending;
		const result = parser.parse(text, 0, !ended) as Papa.ParseResult<string[]>;
		const rows = result.data;
		const simple = text.indexOf('"') < 0 && onlyNewlines(text, this.newline);
		let bad: Set<number> | null = null;
		for (const e of result.errors) if (e.row !== undefined) (bad ??= new Set()).add(e.row);
		for (let r = 0; r < rows.length && this.failure === null; r++) {
			const fields = rows[r];
			const line = this.line;
			this.line += simple ? 1 : 1 + breaksInside(fields);
			if (!this.headerDone) {
				if (isBlank(fields)) continue;
				this.headerDone = true;
				this.failure = this.sink.header(fields, line, this.delimiter);
			} else this.sink.row(fields, line, bad !== null && bad.has(r));
		}
		this.pending = ended ? '' : text.slice(result.meta.cursor);
		if (this.failure === null && !ended) this.checkLength();
	}

	/** Fails when the unfinished row has grown past MAX_ROW_CHARS; true while it has not. */
	private checkLength(): boolean {
		if (this.pending.length <= MAX_ROW_CHARS) return true;
		this.failure = `line ${this.line}: a row runs on for more than ${MAX_ROW_CHARS} characters (a quote that is never closed?)`;
		return false;
	}
}
