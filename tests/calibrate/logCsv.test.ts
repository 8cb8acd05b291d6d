import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvRows, detectDelimiter, isBlank, MAX_ROW_CHARS } from '../../src/lib/calibrate/logCsv';

interface Seen {
	header: string[] | null;
	headerLine: number;
	delimiter: string;
	rows: Array<{ fields: string[]; line: number; malformed: boolean }>;
	failure: string | null;
}

/** Feeds text to CsvRows in the given piece sizes (whole when none). */
function rowsOf(text: string, sizes: number[] = []): Seen {
	const seen: Seen = { header: null, headerLine: 0, delimiter: '', rows: [], failure: null };
	const csv = new CsvRows({
		header(fields, line, delimiter) {
			seen.header = fields;
			seen.headerLine = line;
			seen.delimiter = delimiter;
			return null;
		},
		row(fields, line, malformed) {
			seen.rows.push({ fields, line, malformed });
		}
	});
	if (sizes.length === 0) csv.push(text);
	else for (let at = 0, i = 0; at < text.length; at += sizes[i++ % sizes.length]) csv.push(text.slice(at, at + sizes[i % sizes.length]));
	csv.end();
	seen.failure = csv.failure;
	return seen;
}

describe('detectDelimiter', () => {
	it('picks the most frequent of ",", ";" and tab outside quotes; "," on a tie or none', () => {
		expect(detectDelimiter('a,b,c')).toBe(',');
		expect(detectDelimiter('a;b;c')).toBe(';');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
		expect(detectDelimiter('"a;b;c";d,e')).toBe(',');
		expect(detectDelimiter('"x,y,z";a;b')).toBe(';');
		expect(detectDelimiter('abc')).toBe(',');
		expect(detectDelimiter('a,b;c')).toBe(',');
	});
});

describe('CsvRows', () => {
	it('gives each row the physical line it starts on, counting breaks inside quoted fields', () => {
		const seen = rowsOf('h1,h2\n1,"a\nb"\n2,"c\r\nd\re"\n3,x\n');
		expect(seen.header).toEqual(['h1', 'h2']);
		expect(seen.rows.map((r) => [r.fields[0], r.line])).toEqual([
			['1', 2],
			['2', 4],
			['3', 7]
		]);
	});

	it('reads CR-only and CRLF line ends; a CRLF file keeps no stray CR in its last field', () => {
		expect(rowsOf('a,b\r1,2\r3,4').rows.map((r) => [r.fields, r.line])).toEqual([
			[['1', '2'], 2],
			[['3', '4'], 3]
		]);
		expect(rowsOf('a,b\r\n1,2\r\n').rows.map((r) => r.fields)).toEqual([['1', '2']]);
	});

	it('skips blank lines before the header, counting them', () => {
		const seen = rowsOf('\n \n\ta;b\n1;2');
		expect(seen.headerLine).toBe(3);
		expect(seen.header).toEqual(['\ta', 'b']);
		expect(seen.delimiter).toBe(';');
		expect(seen.rows[0].line).toBe(4);
	});

	it('drops one leading byte-order mark', () => {
		expect(rowsOf('\ufeffa,b\n1,2').header).toEqual(['a', 'b']);
	});

	it('marks rows whose quotes papaparse finds malformed', () => {
		// A closing quote followed by more text: papaparse reads on to the next quote, swallowing row 2.
		expect(rowsOf('a,b\n1,"x"y\n2,z\n3,"w"\n4,v').rows.map((r) => [r.fields[0], r.line, r.malformed])).toEqual([
			['1', 2, true],
			['4', 5, false]
		]);
		expect(rowsOf('a,b\n1,2\n3,"open\n4,5').rows.map((r) => [r.fields[0], r.malformed])).toEqual([
			['1', false],
			['3', true]
		]);
	});

	it('fails on a row longer than MAX_ROW_CHARS (a quote never closed) instead of holding the whole file', () => {
		const csv = new CsvRows({ header: () => null, row: () => {} });
		csv.push('a,b\n1,"');
		const piece = 'x'.repeat(1 << 20);
		for (let i = 0; i <= MAX_ROW_CHARS / piece.length && csv.failure === null; i++) csv.push(piece);
		expect(csv.failure).toMatch(/^line 2: a row runs on for more than 16777216 characters/);
	});

	it('rows, fields and lines do not depend on where the text is cut into pieces (property)', () => {
		const text = fc
			.array(fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', '\r\n', ' ', 'é', '😀'), { maxLength: 60 })
			.map((parts) => `h1,h2,h3\n${parts.join('')}`);
		fc.assert(
			fc.property(text, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (t, sizes) => {
				expect(rowsOf(t, sizes)).toEqual(rowsOf(t));
			}),
			{ numRuns: 400 }
		);
	});

	it('gives the fields papaparse gives for the whole text (property)', () => {
		const text = fc
			.array(fc.constantFrom('a', 'b', ',', '"', '\n', ' '), { maxLength: 50 })
			.map((parts) => `h1,h2\n${parts.join('')}`);
		fc.assert(
			fc.property(text, (t) => {
				const papa = Papa.parse<string[]>(t, { delimiter: ',', newline: '\n' }).data;
				// Papaparse ends a text ending in a line break with an empty row; CsvRows has nothing left to give.
				if (t.endsWith('\n') && papa.length > 1 && papa[papa.length - 1].join('') === '') papa.pop();
				expect([rowsOf(t).header, ...rowsOf(t).rows.map((r) => r.fields)]).toEqual(papa);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('isBlank', () => {
	it('is true for rows of empty or space-only fields', () => {
		expect(isBlank([''])).toBe(true);
		expect(isBlank(['', ' ', '\t'])).toBe(true);
		expect(isBlank(['', 'x'])).toBe(false);
	});
});
