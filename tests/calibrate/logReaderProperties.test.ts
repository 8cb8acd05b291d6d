/** Properties of the log reader over arbitrary text (fast-check; the seed is fixed in tests/setup.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLog, readLogText, type ReadLogResult } from '../../src/lib/calibrate/logReader';
import type { LogRecord } from '../../src/lib/calibrate/logRecord';

const OPTS = { file: 'log.csv' };

/** A cell: log-like text (weighted up, so rows get used), CSV trouble (quotes, delimiters, line breaks, BOM, NUL), or a long run. */
const cell = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom('08:00', '08:05', '2024-03-04 08:10', '04/03/2024 08:20:30', '2024-03-04T08:30:00+07:00', '') },
	{ weight: 3, arbitrary: fc.constantFrom('KTP', 'A-001', 'B12', 'served', 'batal', 'lewati', 'online', 'ya', '2024-03-05', '2024-02-30') },
	{ weight: 1, arbitrary: fc.constantFrom('"', '""', '"a,b"', '"x\ny"', ',', ';', '\t', '\r', '\n', '\r\n', '\ufeff', '\u0000', '😀', '\ud800') },
	{ weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', ':'), minLength: 200, maxLength: 3000 }) }
);

const OTHER_NAMES = ['called_at', 'finished_at', 'status', 'date', 'ticket', 'agency', 'counter', 'left_at', 'visit_id', 'channel', 'priority', 'x'];

/** CSV-ish text: a header with the two columns a log needs and others, rows mostly of the header's width, mixed delimiters and line ends. */
const csvish = fc
	.tuple(fc.shuffledSubarray(OTHER_NAMES), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
	.chain(([others, d, nl, bom]) => {
		const header = ['created_at', 'service', ...others];
		const row = fc.oneof(
			{ weight: 4, arbitrary: fc.array(cell, { minLength: header.length, maxLength: header.length }) },
			{ weight: 1, arbitrary: fc.array(cell, { maxLength: header.length + 2 }) }
		);
		return fc.array(row, { maxLength: 12 }).map((rows) => (bom ? '\ufeff' : '') + [header.join(d), ...rows.map((r) => r.join(d))].join(nl));
	});

/** Anything at all: CSV-ish, any string, any code units. */
const anyText = fc.oneof(csvish, fc.string(), fc.string({ unit: 'binary', maxLength: 300 }));

function usedPlusRejected(result: ReadLogResult): void {
	if (!result.ok) {
		expect(typeof result.message).toBe('string');
		expect(result.message.startsWith('log.csv: ')).toBe(true);
		return;
	}
	const r = result.report;
	expect(r.rowsUsed + r.rejected.reduce((n, x) => n + x.count, 0)).toBe(r.rowsRead);
}

describe('readLogText and readLog over arbitrary text', () => {
	it('never throw; a result is either a report whose used + rejected rows = rows read, or a message naming the file', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const { result, records } = readLogText(text, OPTS);
				usedPlusRejected(result);
				if (result.ok) expect(records).toHaveLength(result.report.rowsUsed);
			}),
			{ numRuns: 300 }
		);
	});

	it('records come in file order, each on a line after the header, with the fields every consumer relies on', () => {
		fc.assert(
			fc.property(csvish, (text) => {
				const { records } = readLogText(text, OPTS);
				let last = 1;
				for (const r of records) {
					expect(r.line).toBeGreaterThan(last);
					last = r.line;
					expect(r.service.trim()).not.toBe('');
					expect(r.date).not.toBe('');
					if (r.outcome === 'served') expect(r.issued <= r.called && r.called <= r.start && r.start <= r.end).toBe(true);
					else expect(Number.isNaN(r.end)).toBe(true);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('reading UTF-8 bytes in random pieces gives the same result and records as reading the text whole', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(csvish, fc.string({ unit: 'grapheme' })).filter((t) => !/[\ud800-\udfff]/.test(t.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))),
				fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
				async (text, sizes) => {
					const expected = readLogText(text, OPTS);
					const bytes = new TextEncoder().encode(text);
					async function* pieces(): AsyncGenerator<Uint8Array> {
						for (let at = 0, i = 0; at < bytes.length; i++) {
							const size = sizes[i % sizes.length];
							yield bytes.slice(at, at + size);
							at += size;
						}
					}
					const records: LogRecord[] = [];
					const result = await readLog(pieces(), OPTS, (r) => records.push(r));
					expect(result).toEqual(expected.result);
					expect(records).toEqual(expected.records);
				}
			),
			{ numRuns: 150 }
		);
	});
});
