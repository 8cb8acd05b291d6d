import { describe, expect, it } from 'vitest';
import { columnIndices, detectColumns, FIELD_NAMES, looseName, parseColumnMap } from '../../src/lib/calibrate/logColumns';
import { LOG_FIELDS } from '../../src/lib/calibrate/logRecord';
import { VISITS_HEADER } from '../../src/lib/export/csv';

describe('detectColumns', () => {
	it('finds the English names', () => {
		const header = [
			'Date', 'Ticket_Number', 'Visit ID', 'Agency', 'Service', 'Counter', 'created_at', 'called_at',
			'started_at', 'finished_at', 'left_at', 'Status', 'Channel', 'Priority'
		];
		const { columns, problems } = detectColumns(header);
		expect(problems).toEqual([]);
		expect(columns).toEqual({
			date: 'Date',
			ticket: 'Ticket_Number',
			visit: 'Visit ID',
			agency: 'Agency',
			service: 'Service',
			counter: 'Counter',
			issued: 'created_at',
			called: 'called_at',
			start: 'started_at',
			end: 'finished_at',
			left: 'left_at',
			status: 'Status',
			channel: 'Channel',
			priority: 'Priority'
		});
	});

	it('finds the Indonesian names', () => {
		const header = [
			'tanggal', 'nomor_antrian', 'id_kunjungan', 'instansi', 'jenis layanan', 'no-loket', 'jam_ambil',
			'jam_panggil', 'waktu_mulai', 'jam_selesai', 'waktu_batal', 'prioritas'
		];
		const { columns, problems } = detectColumns(header);
		expect(problems).toEqual([]);
		expect(columns).toMatchObject({
			date: 'tanggal',
			ticket: 'nomor_antrian',
			visit: 'id_kunjungan',
			agency: 'instansi',
			service: 'jenis layanan',
			counter: 'no-loket',
			issued: 'jam_ambil',
			called: 'jam_panggil',
			start: 'waktu_mulai',
			end: 'jam_selesai',
			left: 'waktu_batal',
			priority: 'prioritas'
		});
	});

	it("finds Qmatic's names", () => {
		const header = [
			'visit_id', 'service_id', 'service_point', 'visit_transaction_create_ts',
			'visit_transaction_call_ts', 'delivered_service_start_ts', 'delivered_service_end_ts', 'outcome'
		];
		const { columns, problems } = detectColumns(header);
		expect(problems).toEqual([]);
		expect(columns).toEqual({
			visit: 'visit_id',
			service: 'service_id',
			counter: 'service_point',
			issued: 'visit_transaction_create_ts',
			called: 'visit_transaction_call_ts',
			start: 'delivered_service_start_ts',
			end: 'delivered_service_end_ts',
			status: 'outcome'
		});
	});

	it("reads the project's own visits.csv header", () => {
		const { columns, problems } = detectColumns([...VISITS_HEADER]);
		expect(problems).toEqual([]);
		expect(columns).toEqual({
			replication: 'replication',
			day: 'day',
			weekday: 'weekday',
			visit: 'visitor',
			ticket: 'ticket',
			agency: 'agency',
			service: 'service',
			channel: 'channel',
			priority: 'priority',
			issued: 'ticket_time',
			called: 'call',
			start: 'start',
			end: 'end',
			counter: 'counter',
			wait: 'wait_min',
			status: 'outcome'
		});
	});

	it('names the missing issue-time and service columns, with the names looked for and the --map to use', () => {
		const { problems } = detectColumns(['foo', 'bar']);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toContain("no column for the ticket's issue time (looked for created_at, ticket_time");
		expect(problems[0]).toContain('use --map issued=<column>');
		expect(problems[1]).toContain('no column for the service');
		expect(problems[1]).toContain('use --map service=<column>');
	});

	it('takes the map first, and never reads one column as two fields', () => {
		const header = ['waktu', 'jenis_layanan', 'layanan_detail', 'no_loket'];
		const { columns, problems } = detectColumns(header, { issued: 'waktu', service: 'layanan_detail' });
		expect(problems).toEqual([]);
		expect(columns).toEqual({ issued: 'waktu', service: 'layanan_detail', counter: 'no_loket' });
	});

	it('matches a mapped column exactly, else loosely', () => {
		expect(detectColumns(['Jam Ambil', 'Layanan'], { issued: 'jam_ambil' }).columns.issued).toBe('Jam Ambil');
	});

	it('a map naming a column not in the header is a problem that names it; an empty mapping drops the field', () => {
		const { problems } = detectColumns(['created_at', 'service'], { counter: 'no_loket' });
		expect(problems).toEqual(['--map counter=no_loket: no column "no_loket" in the header (columns: created_at, service)']);
		const dropped = detectColumns(['created_at', 'service', 'status'], { status: '' });
		expect(dropped.problems).toEqual([]);
		expect(dropped.columns.status).toBeUndefined();
	});

	it('a map putting one column under two fields is a problem', () => {
		const { problems } = detectColumns(['created_at', 'service'], { issued: 'created_at', called: 'created_at' });
		expect(problems[0]).toContain('--map called=created_at: column "created_at" is already mapped');
	});

	it('columnIndices gives each field its column index, -1 when absent', () => {
		const header = ['service', 'x', 'created_at'];
		const ix = columnIndices(header, detectColumns(header).columns);
		expect(ix.service).toBe(0);
		expect(ix.issued).toBe(2);
		expect(ix.end).toBe(-1);
	});

	it('lists names for every field, each in the form it is compared in', () => {
		for (const f of LOG_FIELDS) {
			expect(FIELD_NAMES[f].length, f).toBeGreaterThan(0);
			for (const n of FIELD_NAMES[f]) expect(looseName(n)).toBe(n);
		}
	});
});

describe('parseColumnMap', () => {
	it('reads field=column pairs, trimming spaces', () => {
		expect(parseColumnMap('service=jenis_layanan, counter = no_loket')).toEqual({
			ok: true,
			map: { service: 'jenis_layanan', counter: 'no_loket' }
		});
		expect(parseColumnMap('status=')).toEqual({ ok: true, map: { status: '' } });
	});

	it('names an unknown field and lists the known ones', () => {
		const r = parseColumnMap('service=x,colour=y');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toBe(`--map: unknown field "colour" (fields: ${LOG_FIELDS.join(', ')})`);
	});

	it('refuses a pair with no "=", a field mapped twice, and an empty map', () => {
		for (const [text, part] of [
			['service', '"service" is not field=column'],
			['service=a,service=b', 'field "service" is mapped twice'],
			['', 'empty']
		]) {
			const r = parseColumnMap(text);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toContain(part);
		}
	});
});
