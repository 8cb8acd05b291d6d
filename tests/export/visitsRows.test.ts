/**
 * VisitsRows writes rows as bytes through fast paths; the formats are cells.ts's and quoting is papaparse's. The
 * oracle here is the plain definition: every cell through its formatter, the row through Papa.unparse.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { clockCell, fixed, integer, textCell } from '../../src/lib/export/cells';
import { VisitsRows } from '../../src/lib/export/visitsRows';
import type { LegRecord } from '../../src/lib/records/legRecord';
import { leg } from '../stats/fixtures';

function oracleRow(l: LegRecord): string {
	const cells = [
		integer(l.replication + 1),
		integer(l.day + 1),
		textCell(l.dayId),
		integer(l.visitor),
		textCell(l.ticket),
		textCell(l.agency),
		textCell(l.service),
		textCell(l.channel),
		l.priority ? '1' : '0',
		clockCell(l.arrival),
		clockCell(l.ticketTime),
		clockCell(l.call),
		clockCell(l.start),
		clockCell(l.end),
		textCell(l.counter),
		fixed(l.wait, 2),
		textCell(l.outcome)
	];
	return Papa.unparse([cells], { newline: '\n' }) + '\n';
}

const written = (legs: LegRecord[], rows = new VisitsRows(64)): string => {
	for (const l of legs) rows.add(l);
	return new TextDecoder().decode(rows.bytes());
};

// Text of every kind a cell must survive: plain ids, quotes, commas, line breaks, formula starts, spaces at the
// ends, a byte-order mark, non-ASCII (Indonesian names, emoji) and long cells.
const text = fc.oneof(
	fc.constantFrom('', 'A-001', 'dukcapil', ' x', 'x ', '=1+1', '-', '@', '\tx', 'a,b', 'say "hi"', 'l\nb', '\ufeffx', 'Dinas Kependudukan — Kota', '🙂'),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ maxLength: 600 })
);
// Minutes of every kind: NaN (never reached), whole and fractional seconds, values next to a half-hundredth
// (where toFixed's exact rounding decides), negatives, huge and any double at all.
const minutes = fc.oneof(
	fc.constant(Number.NaN),
	fc.integer({ min: 0, max: 100_000 }).map((s) => s / 60),
	fc.integer({ min: 0, max: 10_000_000 }).map((h) => (h + 0.5) / 100),
	fc.integer({ min: 0, max: 10_000_000 }).map((h) => (h + 0.5) / 100 + 1e-12),
	fc.double({ min: 0, max: 1e7, noNaN: true }),
	fc.double()
);
const record = fc.record({
	replication: fc.oneof(fc.nat(1000), fc.integer(), fc.double()),
	day: fc.oneof(fc.nat(400), fc.double()),
	visitor: fc.oneof(fc.nat(1_000_000), fc.constant(Number.MAX_SAFE_INTEGER), fc.double()),
	dayId: text,
	ticket: text,
	agency: text,
	service: text,
	channel: text,
	priority: fc.boolean(),
	arrival: minutes,
	ticketTime: minutes,
	call: minutes,
	start: minutes,
	end: minutes,
	counter: text,
	wait: minutes,
	outcome: text
});

describe('VisitsRows', () => {
	it('property: every row equals its cells formatted by cells.ts and joined by papaparse', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 8 }), (rs) => {
				const legs = rs.map((r) => ({ ...leg({ day: 0, visitor: 1, agency: 'a', service: 's' }), ...r }) as LegRecord);
				expect(written(legs)).toBe(legs.map(oracleRow).join(''));
			}),
			{ seed: 20261206, numRuns: 400 }
		);
	});

	it('writes every byte of a row whose times are all far off the clock (long number texts)', () => {
		const far = leg({ day: 0, visitor: 1, agency: 'a', service: 's', arrival: -1e300, ticketTime: 1e300, call: -3e299, start: 7e299, end: 1e308, wait: -1e300 });
		const rows = new VisitsRows(8);
		for (let i = 0; i < 3; i++) rows.add(far);
		expect(new TextDecoder().decode(rows.bytes())).toBe(oracleRow(far).repeat(3));
	});

	it('writes waits next to a half-hundredth as toFixed does', () => {
		for (const w of [0.005, 0.015, 1.005, 2.675, 1.125, 10.245, 123.455, 0.045]) {
			const l = leg({ day: 0, visitor: 1, agency: 'a', service: 's', wait: w });
			expect(written([l]).split(',')[15]).toBe(w.toFixed(2));
		}
	});

	it('starts afresh after clear, keeping no clock time of the rows before', () => {
		const rows = new VisitsRows(16);
		// b's longer cells overwrite where a's clock time was: a remembered one would copy b's own text instead.
		const a = leg({ day: 0, visitor: 1, agency: 'a', service: 's', arrival: 480 });
		const b = leg({ day: 0, visitor: 1234567, agency: 'dukcapil-kota', service: 's', ticket: 'A-123456', arrival: 480, end: 500 });
		rows.add(a);
		rows.clear();
		expect(written([b], rows)).toBe(oracleRow(b));
	});
});
