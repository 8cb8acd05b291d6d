import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../../src/lib/calibrate/logRecord';
import { dayNumber } from '../../src/lib/calibrate/logTime';
import { EMPTY_DAYS_LISTED } from '../../src/lib/calibrate/logNotes';
import { QualityTally, qualityReportCsv } from '../../src/lib/calibrate/qualityReport';

function report(tally: QualityTally): QualityReport {
	return tally.report('log.csv', ',', ['a'], {}, []);
}

describe('QualityTally', () => {
	it('counts rows read, used and rejected by reason (in REJECT_REASONS order), with their lines', () => {
		const t = new QualityTally();
		t.reject('unknown-status', 4, 'status');
		t.reject('bad-row', 2);
		t.use('2024-03-04', dayNumber(2024, 3, 4), 'mon');
		t.reject('unknown-status', 9, 'status');
		const r = report(t);
		expect([r.rowsRead, r.rowsUsed]).toEqual([4, 1]);
		expect(r.rejected).toEqual([
			{ reason: 'bad-row', count: 1, lines: [2], columns: [''] },
			{ reason: 'unknown-status', count: 2, lines: [4, 9], columns: ['status', 'status'] }
		]);
	});

	it('orders visits.csv day keys by replication, then day (not as text)', () => {
		const t = new QualityTally();
		for (const k of ['r1-d10', 'r2-d1', 'r1-d2']) t.use(k, NaN, 'mon');
		const r = report(t);
		expect([r.firstDate, r.lastDate, r.days, r.emptyDays]).toEqual(['r1-d2', 'r2-d1', 3, []]);
	});

	it('has no dates and no empty days when nothing was used', () => {
		const r = report(new QualityTally());
		expect([r.firstDate, r.lastDate, r.days, r.emptyDays]).toEqual([null, null, 0, []]);
	});

	it(`lists at most ${EMPTY_DAYS_LISTED} empty days and notes the rest (a mistyped year)`, () => {
		const t = new QualityTally();
		const first = dayNumber(2024, 1, 1);
		for (let d = first; d < first + 7; d++) t.use(`k${d}`, d, (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[d % 7]);
		t.use('2034-01-01', dayNumber(2034, 1, 1), 'sun');
		const r = t.report('log.csv', ',', [], {}, []);
		expect(r.emptyDays).toHaveLength(EMPTY_DAYS_LISTED);
		expect(r.notes[0]).toMatch(/^\d+ more working days with no ticket are not listed/);
		expect(r.noteCodes[0].code).toBe('more-empty-days');
	});
});

describe('qualityReportCsv', () => {
	it('writes "reason,line,column" rows under a header, nothing else; a column that looks like a formula is quoted', () => {
		const t = new QualityTally();
		t.reject('bad-row', 3);
		t.reject('duplicate-ticket', 7, 'no_antrian');
		t.reject('bad-row', 5);
		t.reject('bad-time', 8, '=jam');
		expect(qualityReportCsv(report(t))).toBe("reason,line,column\nbad-row,3,\nbad-row,5,\nbad-time,8,'=jam\nduplicate-ticket,7,no_antrian\n");
	});

	it('is just the header when nothing was rejected, and parses back as CSV', () => {
		const text = qualityReportCsv(report(new QualityTally()));
		expect(text).toBe('reason,line,column\n');
		expect(Papa.parse(text.trim()).data).toEqual([['reason', 'line', 'column']]);
	});
});
