import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLog, readLogText, type ReadLogOptions } from '../../src/lib/calibrate/logReader';
import type { LogRecord, QualityReport } from '../../src/lib/calibrate/logRecord';
import { VISITS_HEADER } from '../../src/lib/export/csv';

const OPTS: ReadLogOptions = { file: 'log.csv' };

/** Reads a log that must read; its report and records. */
function read(text: string, options: Partial<ReadLogOptions> = {}): { report: QualityReport; records: LogRecord[] } {
	const { result, records } = readLogText(text, { ...OPTS, ...options });
	if (!result.ok) throw new Error(`expected a log that reads: ${result.message}`);
	return { report: result.report, records };
}

/** The message of a log that must not read. */
function fail(text: string, options: Partial<ReadLogOptions> = {}): string {
	const { result } = readLogText(text, { ...OPTS, ...options });
	if (result.ok) throw new Error('expected a log that does not read');
	return result.message;
}

function rejectedLines(report: QualityReport): Record<string, number[]> {
	return Object.fromEntries(report.rejected.map((r) => [r.reason, r.lines]));
}

const HEAD = 'date,ticket,service,created_at,called_at,started_at,finished_at,status';

describe('readLogText: rows rejected, each with its reason and line', () => {
	it('names every malformed-row kind by its line', () => {
		const text = [
			HEAD, //                                                           1
			'2024-03-04,A-001,KTP,08:00,08:05,08:06,08:20,served', //           2 used
			'2024-03-04,A-002,KTP,08:01,08:05', //                              3 bad-row
			'2024-03-04,A-003,KTP,08:02,08:07,08:08,,served', //                4 missing-time (served, no end)
			'2024-03-04,A-004,KTP,8h02,08:07,08:08,08:30,served', //            5 bad-time
			'2024-02-30,A-005,KTP,08:02,08:07,08:08,08:30,served', //           6 bad-date
			'2024-03-04,A-006,,08:02,08:07,08:08,08:30,served', //              7 missing-service
			'2024-03-04,A-007,KTP,08:10,08:07,08:08,08:30,served', //           8 call-before-issue
			'2024-03-04,A-008,KTP,08:02,08:07,08:06,08:30,served', //           9 start-before-call
			'2024-03-04,A-009,KTP,08:02,08:07,08:08,08:07,served', //          10 end-before-start
			'2024-03-04,A-010,KTP,08:02,08:07,08:08,08:30,perhaps', //         11 unknown-status
			'2024-03-04,A-001,KTP,08:00,08:05,08:06,08:20,served', //          12 duplicate-ticket
			'2024-03-04,A-011,KTP,06:00,08:05,08:06,08:20,served', //          13 outside-hours
			'2024-03-04,A-012,KTP,,,,,abandoned', //                           14 missing-time (abandoned, no issue)
			'2024-03-04,A-013,KTP,08:03,,,,batal' //                           15 used
		].join('\n');
		const { report, records } = read(text, { hours: () => ({ open: 7 * 60, close: 16 * 60 }) });
		expect(rejectedLines(report)).toEqual({
			'bad-row': [3],
			'missing-time': [4, 14],
			'bad-time': [5],
			'bad-date': [6],
			'missing-service': [7],
			'call-before-issue': [8],
			'start-before-call': [9],
			'end-before-start': [10],
			'unknown-status': [11],
			'duplicate-ticket': [12],
			'outside-hours': [13]
		});
		expect(report.rejected.map((r) => r.reason)).toEqual([
			'bad-row',
			'missing-time',
			'bad-time',
			'bad-date',
			'missing-service',
			'call-before-issue',
			'start-before-call',
			'end-before-start',
			'unknown-status',
			'duplicate-ticket',
			'outside-hours'
		]);
		expect(records.map((r) => r.line)).toEqual([2, 15]);
		// Each names the column at fault, where one column is (a bad row has none).
		expect(Object.fromEntries(report.rejected.map((r) => [r.reason, r.columns]))).toEqual({
			'bad-row': [''],
			'missing-time': ['finished_at', 'created_at'],
			'bad-time': ['created_at'],
			'bad-date': ['date'],
			'missing-service': ['service'],
			'call-before-issue': ['called_at'],
			'start-before-call': ['started_at'],
			'end-before-start': ['finished_at'],
			'unknown-status': ['status'],
			'duplicate-ticket': ['ticket'],
			'outside-hours': ['created_at']
		});
		expect(report.rowsRead).toBe(14);
		expect(report.rowsUsed).toBe(2);
	});

	it('a visitor’s second service under the same ticket is not a duplicate; an exact repeat is', () => {
		const text = [
			HEAD,
			'2024-03-04,A-001,KTP,08:00,08:05,08:06,08:20,served',
			'2024-03-04,A-001,KK,08:20,08:25,08:25,08:40,served',
			'2024-03-05,A-001,KTP,08:00,08:05,08:06,08:20,served',
			'2024-03-04,A-001,KTP,08:00,08:09,08:09,08:30,served'
		].join('\n');
		const { report } = read(text);
		expect(report.rowsUsed).toBe(3);
		expect(rejectedLines(report)).toEqual({ 'duplicate-ticket': [5] });
	});

	it('opening hours that say closed reject that weekday’s rows; without hours nothing is outside', () => {
		const text = [HEAD, '2024-03-09,A-1,KTP,09:00,09:01,09:01,09:10,served', '2024-03-08,A-1,KTP,09:00,09:01,09:01,09:10,served'].join('\n');
		const hours = (d: string) => (d === 'sat' ? null : { open: 480, close: 960 });
		expect(rejectedLines(read(text, { hours }).report)).toEqual({ 'outside-hours': [2] });
		expect(read(text).report.rowsUsed).toBe(2);
	});

	it('keeps at most REJECTED_LINES_KEPT lines per reason but counts them all', () => {
		const rows = Array.from({ length: 10_005 }, (_, i) => `2024-03-04,T${i},KTP,08:00,07:00,,,`);
		const { report } = read([HEAD, ...rows].join('\n'));
		expect(report.rejected).toHaveLength(1);
		expect(report.rejected[0].count).toBe(10_005);
		expect(report.rejected[0].lines).toHaveLength(10_000);
		expect(report.rejected[0].lines[9_999]).toBe(10_001);
	});
});

describe('readLogText: column names in each language', () => {
	it('reads an English log', () => {
		const text = [
			'Date,Ticket,Visit_ID,Agency,Service,Counter,Created_At,Called_At,Start_Time,End_Time,Status,Channel,Priority',
			'2024-03-04,A-001,V1,Dukcapil,KTP,L01,08:00,08:05,08:06,08:20,done,online,yes'
		].join('\n');
		const { records } = read(text);
		expect(records[0]).toEqual({
			line: 2,
			date: '2024-03-04',
			weekday: 'mon',
			visit: '2024-03-04#V1',
			ticket: 'A-001',
			agency: 'Dukcapil',
			service: 'KTP',
			counter: 'L01',
			issued: 480,
			called: 485,
			start: 486,
			end: 500,
			left: NaN,
			outcome: 'served',
			online: true,
			priority: true
		});
	});

	it('reads an Indonesian log', () => {
		const text = [
			'tanggal;no_antrian;instansi;jenis_layanan;no_loket;jam_ambil;jam_panggil;jam_selesai;waktu_batal;status;channel;prioritas',
			'05/03/2024;B-7;Satlantas;SIM;2;09:00;09:10;09:30;;selesai;langsung;tidak',
			'05/03/2024;B-8;Satlantas;SIM;;09:01;;;09:20;batal;daring;ya'
		].join('\n');
		const { records, report } = read(text);
		expect(report.delimiter).toBe(';');
		expect(records.map((r) => [r.date, r.weekday, r.agency, r.service, r.counter, r.issued, r.called, r.start, r.end, r.outcome, r.online, r.priority])).toEqual([
			['2024-03-05', 'tue', 'Satlantas', 'SIM', '2', 540, 550, 550, 570, 'served', false, false],
			['2024-03-05', 'tue', 'Satlantas', 'SIM', '', 541, NaN, NaN, NaN, 'abandoned', true, true]
		]);
		expect(records[1].left).toBe(560);
	});

	it("reads a Qmatic export (ISO date-times, Qmatic's names, no agency: the service keys the agency)", () => {
		const text = [
			'visit_id,service_id,service_point,visit_transaction_create_ts,visit_transaction_call_ts,delivered_service_start_ts,delivered_service_end_ts',
			'991,17,SP3,2024-03-04T08:00:00+07:00,2024-03-04T08:04:30+07:00,2024-03-04T08:05:00+07:00,2024-03-04T08:15:00+07:00'
		].join('\n');
		const { records, report } = read(text);
		expect(records[0]).toMatchObject({ date: '2024-03-04', visit: '2024-03-04#991', agency: '17', service: '17', counter: 'SP3' });
		expect(records[0]).toMatchObject({ issued: 480, called: 484.5, start: 485, end: 495, outcome: 'served' });
		expect(report.notes.join('\n')).toContain('UTC offset');
		expect(report.notes.join('\n')).toContain('no status column');
	});

	it("reads the project's own visits.csv (day keys, weekday column, visitor ids, all outcomes)", () => {
		const text = [
			VISITS_HEADER.join(','),
			'1,1,mon,1,A-001,dukcapil,biodata,online,0,08:00:00,08:00:00,08:00:00,08:00:00,08:20:15,L01,0.00,served',
			'1,1,mon,1,B-001,capil2,akta,online,0,08:20:15,08:20:15,08:21:00,08:21:00,08:30:00,L02,0.75,served',
			'1,1,mon,41,A-028,dukcapil,pindah,walk-in,0,09:46:58,10:04:17,,,,,15.65,abandoned',
			'1,1,mon,50,,bapenda,pbb-bayar,online,0,10:03:20,,,,,,,no-show',
			'2,4,thu,113,I-007,bank-bengkulu,bayar-pajak,walk-in,1,12:59:01,14:21:33,,,,,68.44,not-served'
		].join('\n');
		const { records, report } = read(text);
		expect(report.rowsUsed).toBe(5);
		expect(records.map((r) => [r.date, r.weekday, r.visit, r.outcome])).toEqual([
			['r1-d1', 'mon', 'r1-d1#1', 'served'],
			['r1-d1', 'mon', 'r1-d1#1', 'served'],
			['r1-d1', 'mon', 'r1-d1#41', 'abandoned'],
			['r1-d1', 'mon', 'r1-d1#50', 'no-show'],
			['r2-d4', 'thu', 'r2-d4#113', 'not-served']
		]);
		expect(records[0]).toMatchObject({ issued: 480, called: 480, start: 480, end: 500.25, online: true, priority: false });
		expect(records[2]).toMatchObject({ issued: 604 + 17 / 60, called: NaN, ticket: 'A-028', online: false });
		// An abandoned row's leave time is its ticket time plus wait_min, so patience has its exact censored estimate.
		expect(records[2].left).toBeCloseTo(604 + 17 / 60 + 15.65, 9);
		expect(records[4].left).toBeNaN();
		expect(records[3].issued).toBeNaN();
		expect(records[4].priority).toBe(true);
		expect([report.firstDate, report.lastDate, report.days, report.emptyDays]).toEqual(['r1-d1', 'r2-d4', 2, []]);
	});
});

describe('readLogText: times, dates and delimiters', () => {
	const forms: Array<[string, string, string]> = [
		['ISO with T', 'created_at,called_at,finished_at,service', '2024-03-04T08:00:00,2024-03-04T08:01,2024-03-04T08:10:30.5,KTP'],
		['YYYY-MM-DD HH:MM', 'created_at,called_at,finished_at,service', '2024-03-04 08:00,2024-03-04 08:01,2024-03-04 08:10:30.5,KTP'],
		['DD/MM/YYYY HH:MM:SS', 'created_at,called_at,finished_at,service', '04/03/2024 08:00:00,04/03/2024 08:01:00,04/03/2024 08:10:30.5,KTP'],
		['time of day + YYYY-MM-DD', 'date,created_at,called_at,finished_at,service', '2024-03-04,08:00,08:01,08:10:30.5,KTP'],
		['time of day + DD/MM/YYYY', 'tanggal,jam_ambil,jam_panggil,jam_selesai,layanan', '04/03/2024,08:00,08:01,08:10:30.5,KTP']
	];
	for (const [name, header, row] of forms) {
		it(`reads ${name}`, () => {
			const { records } = read(`${header}\n${row}\n`);
			expect(records).toHaveLength(1);
			expect(records[0]).toMatchObject({ date: '2024-03-04', weekday: 'mon', issued: 480, called: 481, start: 481, outcome: 'served' });
			expect(records[0].end).toBeCloseTo(490 + 30.5 / 60, 12);
		});
	}

	it('a served row with no call time (the log has neither call nor start) is missing a time', () => {
		const { report } = read('created_at,finished_at,service\n2024-03-04 08:00,2024-03-04 08:10,KTP\n');
		expect(rejectedLines(report)).toEqual({ 'missing-time': [2] });
	});

	it('a time on the next day counts past 1440, and the report says so', () => {
		const { records, report } = read('created_at,called_at,finished_at,service\n2024-03-04 23:50,2024-03-04 23:55,2024-03-05 00:10,KTP\n');
		expect(records[0]).toMatchObject({ date: '2024-03-04', issued: 1430, called: 1435, end: 1450 });
		expect(report.notes.join('\n')).toContain('counted past 24:00');
	});

	it('a time two days after its row is a bad time', () => {
		const { report } = read('created_at,finished_at,service\n2024-03-04 08:00,2024-03-06 08:10,KTP\n');
		expect(rejectedLines(report)).toEqual({ 'bad-time': [2] });
	});

	it('reads a UTF-8 byte-order mark, ";" and tab delimiters, CRLF line ends and trailing blank lines', () => {
		const base = ['created_at', 'service', 'called_at'];
		const rows = [
			['2024-03-04 08:00', 'Perekaman KTP-el', '2024-03-04 08:30'],
			['2024-03-04 08:01', 'Akta', '']
		];
		for (const d of [',', ';', '\t']) {
			const text = `\ufeff${[base, ...rows].map((r) => r.join(d)).join('\r\n')}\r\n\r\n`;
			const { report, records } = read(text);
			expect(report.delimiter).toBe(d);
			expect(report.header).toEqual(base);
			expect(records.map((r) => r.service)).toEqual(['Perekaman KTP-el', 'Akta']);
			expect(report.rowsRead).toBe(2);
		}
	});

	it('times of day with no date anywhere are bad dates, and the report says what to map', () => {
		const { report } = read('jam_ambil,layanan\n08:00,KTP\n08:05,KTP\n');
		expect(rejectedLines(report)).toEqual({ 'bad-date': [2, 3] });
		expect(report.notes.join('\n')).toContain('2 rows have times of day but no date (no date column)');
	});

	it('a date column may hold date-times (the time part is ignored)', () => {
		const { records } = read('tanggal,jam_ambil,layanan\n2024-03-04 00:00:00,08:00,KTP\n');
		expect(records[0]).toMatchObject({ date: '2024-03-04', issued: 480, outcome: 'waiting' });
	});

	it('lists working days with no ticket between the first and last day', () => {
		// Mon 4 to Wed 13 March 2024; Wed 6 empty; the weekend never appears, so it is not a working day.
		const days = ['2024-03-04', '2024-03-05', '2024-03-07', '2024-03-08', '2024-03-11', '2024-03-12', '2024-03-13'];
		const text = [HEAD, ...days.map((d, i) => `${d},A-${i},KTP,08:00,08:05,08:06,08:20,served`)].join('\n');
		const { report } = read(text);
		expect(report.emptyDays).toEqual(['2024-03-06']);
		expect([report.firstDate, report.lastDate, report.days]).toEqual(['2024-03-04', '2024-03-13', 7]);
	});
});

describe('readLogText: outcomes, agencies and visits when the log does not say', () => {
	it('infers outcomes from the times when there is no status column, and notes it', () => {
		const text = [
			'date,ticket,service,created_at,called_at,finished_at,left_at',
			'2024-03-04,A-1,KTP,08:00,08:05,08:20,',
			'2024-03-04,A-2,KTP,08:01,,,08:30',
			'2024-03-04,A-3,KTP,08:02,08:40,,',
			'2024-03-04,A-4,KTP,08:03,,,'
		].join('\n');
		const { records, report } = read(text);
		expect(records.map((r) => r.outcome)).toEqual(['served', 'abandoned', 'no-show', 'waiting']);
		expect(records[0].start).toBe(485);
		expect(report.notes.join('\n')).toContain('no status column: outcomes inferred');
		expect(report.notes.join('\n')).toContain('no service-start column: service starts at the call');
	});

	it("keys agencies by the ticket's letter prefix, else the service, when there is no agency column", () => {
		const text = [
			'ticket,service,created_at',
			'A-012,KTP,2024-03-04 08:00',
			'B12,SIM,2024-03-04 08:00',
			'012,Paspor,2024-03-04 08:00',
			',BPJS,2024-03-04 08:00'
		].join('\n');
		const { records } = read(text);
		expect(records.map((r) => r.agency)).toEqual(['A', 'B', 'Paspor', 'BPJS']);
		expect(records.map((r) => r.visit)).toEqual(['2024-03-04#A-012', '2024-03-04#B12', '2024-03-04#012', '#5']);
	});
});

describe('readLogText: the analyst’s column map', () => {
	it('reads columns the names would not find', () => {
		const text = 'waktu_datang,jenis,loket_no\n2024-03-04 08:00,KTP,3\n';
		expect(fail(text)).toContain('no header');
		const { records, report } = read(text, { map: { issued: 'waktu_datang', service: 'jenis', counter: 'loket_no' } });
		expect(records[0]).toMatchObject({ service: 'KTP', counter: '3', issued: 480 });
		expect(report.columns).toEqual({ issued: 'waktu_datang', service: 'jenis', counter: 'loket_no' });
	});

	it('a map naming a column not in the header fails, naming the file, line and column', () => {
		const message = fail('created_at,service\n2024-03-04 08:00,KTP\n', { map: { counter: 'no_loket' } });
		expect(message).toBe('log.csv: line 1: --map counter=no_loket: no column "no_loket" in the header (columns: created_at, service)');
	});
});

describe('readLogText: logs that cannot be read at all', () => {
	it('an empty file', () => {
		expect(fail('')).toBe('log.csv: the file is empty');
		expect(fail('\ufeff \r\n\n')).toBe('log.csv: the file is empty');
	});

	it('no issue-time column, no service column', () => {
		expect(fail('service,finished_at\nKTP,08:00\n')).toBe(
			"log.csv: line 1: no column for the ticket's issue time (looked for created_at, ticket_time, issued, issued_at, waktu_ambil, jam_ambil, visit_transaction_create_ts); use --map issued=<column>"
		);
		expect(fail('created_at,x\n08:00,KTP\n')).toMatch(/^log\.csv: line 1: no column for the service \(looked for service, /);
	});

	it('no header: the first line is data', () => {
		expect(fail('2024-03-04 08:00,KTP,A-001\n')).toMatch(/^log\.csv: line 1: no header: the first line \("2024-03-04 08:00", "KTP", "A-001"\)/);
	});

	it('blank lines before the header are skipped and counted', () => {
		const { records } = read('\n\ncreated_at,service\n08:00,KTP\n', { map: undefined });
		expect(records).toHaveLength(0);
		expect(fail('\n\nfoo,service\n')).toMatch(/^log\.csv: line 3: no column for the ticket's issue time/);
	});
});

describe('readLogText: line numbers', () => {
	it('multi-line quoted fields do not shift the lines of later rows (LF and CRLF)', () => {
		for (const nl of ['\n', '\r\n']) {
			const text = [
				'created_at,service,note,status',
				'2024-03-04 08:00,KTP,"two\nlines",waiting',
				'2024-03-04 08:01,KTP,"three\r\nlines\nhere",waiting',
				'2024-03-04 08:02,KTP,plain,perhaps',
				'2024-03-04 08:03,KTP,"a ""quoted"" word",waiting'
			].join(nl);
			const { records, report } = read(text);
			expect(records.map((r) => r.line)).toEqual([2, 4, 8]);
			expect(rejectedLines(report)).toEqual({ 'unknown-status': [7] });
		}
	});

	it('a quote never closed ends the log as one bad row', () => {
		const { report, records } = read('created_at,service\n2024-03-04 08:00,KTP\n2024-03-04 08:01,"KTP\n2024-03-04 08:02,KTP\n');
		expect(records).toHaveLength(1);
		expect(rejectedLines(report)).toEqual({ 'bad-row': [3] });
	});
});

describe('readLog: streaming', () => {
	const text = [
		'\ufefftanggal;no_antrian;jenis_layanan;jam_ambil;jam_panggil;jam_selesai;status;catatan',
		'04/03/2024;A-001;Perekaman KTP-él;08:00;08:05;08:20;selesai;"baris\ndua — ✓"',
		'04/03/2024;A-002;Akta 出生;08:01;08:06;08:21;selesai;😀😀',
		'04/03/2024;A-003;Akta 出生;08:09;08:06;08:21;selesai;x',
		'05/03/2024;B-001;SIM;09:00;;;batal;"q ""r"""'
	].join('\r\n');

	async function* tiny(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
		for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
	}

	it('an AsyncIterable of tiny byte chunks splitting UTF-8 characters gives what readLogText gives', async () => {
		const expected = readLogText(text, OPTS);
		expect(expected.result.ok).toBe(true);
		expect(expected.records).toHaveLength(3);
		const bytes = new TextEncoder().encode(text);
		for (const size of [1, 2, 3, 5, 7, 64]) {
			const records: LogRecord[] = [];
			let progress = 0;
			const result = await readLog(tiny(bytes, size), { ...OPTS, onProgress: (b) => (progress = b) }, (r) => records.push(r));
			expect(result, `chunk ${size}`).toEqual(expected.result);
			expect(records, `chunk ${size}`).toEqual(expected.records);
			expect(progress).toBe(bytes.length);
		}
	});

	it('a Blob (a browser File) and a string read the same as readLogText', async () => {
		const expected = readLogText(text, OPTS);
		for (const input of [new Blob([new TextEncoder().encode(text)]), text]) {
			const records: LogRecord[] = [];
			expect(await readLog(input, OPTS, (r) => records.push(r))).toEqual(expected.result);
			expect(records).toEqual(expected.records);
		}
	});

	it('a Node stream of Buffers (what the CLI hands over) reads the same, with progress in bytes', async () => {
		const bytes = Buffer.from(text, 'utf8');
		const stream = Readable.from([bytes.subarray(0, 50), bytes.subarray(50, 51), bytes.subarray(51)]);
		const records: LogRecord[] = [];
		const progress: number[] = [];
		const result = await readLog(stream, { ...OPTS, onProgress: (b) => progress.push(b) }, (r) => records.push(r));
		expect(result).toEqual(readLogText(text, OPTS).result);
		expect(records).toEqual(readLogText(text, OPTS).records);
		expect(progress).toEqual([50, 51, bytes.length]);
	});

	it('a string stream (chunks of text) reads the same', async () => {
		async function* pieces(): AsyncGenerator<string> {
			for (let i = 0; i < text.length; i += 4) yield text.slice(i, i + 4);
		}
		const records: LogRecord[] = [];
		expect(await readLog(pieces(), OPTS, (r) => records.push(r))).toEqual(readLogText(text, OPTS).result);
		expect(records).toHaveLength(3);
	});

	it('an abort resolves "cancelled", before or during the read', async () => {
		const before = new AbortController();
		before.abort();
		expect(await readLog(text, { ...OPTS, signal: before.signal }, () => {})).toEqual({ ok: false, message: 'cancelled' });
		const during = new AbortController();
		const bytes = new TextEncoder().encode(text);
		let seen = 0;
		const result = await readLog(tiny(bytes, 8), { ...OPTS, signal: during.signal, onProgress: () => ++seen === 3 && during.abort() }, () => {});
		expect(result).toEqual({ ok: false, message: 'cancelled' });
	});

	it('a stream that fails mid-way gives a message, not a rejection', async () => {
		async function* broken(): AsyncGenerator<string> {
			yield 'created_at,service\n';
			throw new Error('disk gone');
		}
		expect(await readLog(broken(), OPTS, () => {})).toEqual({ ok: false, message: 'log.csv: could not read the log: disk gone' });
	});
});
