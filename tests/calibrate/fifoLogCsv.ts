/**
 * The generated FIFO log (fifoLog.ts) as CSV text in the dialects real halls write, so recovery tests also exercise
 * delimiter, column-name, time-format and status-word detection:
 * - 'sipppadek': Indonesian, ";", a date column and times of day (HH:MM:SS), status selesai/batal;
 * - 'iso': English, ",", ISO date-times (YYYY-MM-DDTHH:MM:SS), served/abandoned, left_at, channel and priority;
 * - 'qmatic': Qmatic's export words, tab-separated, "YYYY-MM-DD HH:MM:SS".
 * Optional columns (visit id, left time, channel, priority) appear when asked for.
 */
import type { FifoRow } from './fifoLog';

export type Dialect = 'sipppadek' | 'iso' | 'qmatic';

/** Which optional columns to write (the dialect's core columns are always written). */
export interface CsvOptions {
	visit?: boolean;
	left?: boolean;
	channel?: boolean;
	priority?: boolean;
	/** The sipppadek date column as "DD/MM/YYYY" instead of "YYYY-MM-DD". */
	dayFirst?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM:SS" of minutes after midnight (to the nearest second), "" for NaN. */
export function clock(minutes: number): string {
	if (!Number.isFinite(minutes)) return '';
	const s = Math.round(minutes * 60);
	return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

function dateTime(date: string, minutes: number, sep: string): string {
	return Number.isFinite(minutes) ? `${date}${sep}${clock(minutes)}` : '';
}

interface Column {
	name: string;
	cell: (r: FifoRow) => string;
}

function sipppadekColumns(o: CsvOptions): Column[] {
	const day = (d: string) => (o.dayFirst ? d.split('-').reverse().join('/') : d);
	return [
		{ name: 'tanggal', cell: (r) => day(r.date) },
		{ name: 'no_antrian', cell: (r) => r.ticket },
		...(o.visit ? [{ name: 'id_kunjungan', cell: (r: FifoRow) => r.visit }] : []),
		{ name: 'instansi', cell: (r) => r.agency },
		{ name: 'jenis_layanan', cell: (r) => r.service },
		{ name: 'no_loket', cell: (r) => r.counter },
		{ name: 'jam_ambil', cell: (r) => clock(r.issued) },
		{ name: 'jam_panggil', cell: (r) => clock(r.called) },
		{ name: 'jam_selesai', cell: (r) => clock(r.end) },
		...(o.left ? [{ name: 'waktu_batal', cell: (r: FifoRow) => clock(r.left) }] : []),
		{ name: 'status', cell: (r) => (r.status === 'served' ? 'selesai' : 'batal') },
		...(o.channel ? [{ name: 'kanal', cell: (r: FifoRow) => (r.online ? 'daring' : 'langsung') }] : []),
		...(o.priority ? [{ name: 'prioritas', cell: (r: FifoRow) => (r.priority ? 'ya' : 'tidak') }] : [])
	];
}

function isoColumns(o: CsvOptions): Column[] {
	return [
		...(o.visit ? [{ name: 'visit_id', cell: (r: FifoRow) => r.visit }] : []),
		{ name: 'ticket_number', cell: (r) => r.ticket },
		{ name: 'agency', cell: (r) => r.agency },
		{ name: 'service', cell: (r) => r.service },
		{ name: 'counter', cell: (r) => r.counter },
		{ name: 'created_at', cell: (r) => dateTime(r.date, r.issued, 'T') },
		{ name: 'called_at', cell: (r) => dateTime(r.date, r.called, 'T') },
		{ name: 'start_time', cell: (r) => dateTime(r.date, r.start, 'T') },
		{ name: 'end_time', cell: (r) => dateTime(r.date, r.end, 'T') },
		...(o.left ? [{ name: 'left_at', cell: (r: FifoRow) => dateTime(r.date, r.left, 'T') }] : []),
		{ name: 'status', cell: (r) => (r.status === 'served' ? 'served' : 'abandoned') },
		...(o.channel ? [{ name: 'channel', cell: (r: FifoRow) => (r.online ? 'online' : 'onsite') }] : []),
		...(o.priority ? [{ name: 'priority', cell: (r: FifoRow) => (r.priority ? '1' : '0') }] : [])
	];
}

function qmaticColumns(o: CsvOptions): Column[] {
	return [
		...(o.visit ? [{ name: 'visit_id', cell: (r: FifoRow) => r.visit }] : []),
		{ name: 'ticket_id', cell: (r) => r.ticket },
		{ name: 'agency', cell: (r) => r.agency },
		{ name: 'service', cell: (r) => r.service },
		{ name: 'service_point', cell: (r) => r.counter },
		{ name: 'visit_transaction_create_ts', cell: (r) => dateTime(r.date, r.issued, ' ') },
		{ name: 'visit_transaction_call_ts', cell: (r) => dateTime(r.date, r.called, ' ') },
		{ name: 'delivered_service_start_ts', cell: (r) => dateTime(r.date, r.start, ' ') },
		{ name: 'delivered_service_end_ts', cell: (r) => dateTime(r.date, r.end, ' ') },
		...(o.left ? [{ name: 'left_at', cell: (r: FifoRow) => dateTime(r.date, r.left, ' ') }] : []),
		{ name: 'outcome', cell: (r) => (r.status === 'served' ? 'served' : 'abandoned') }
	];
}

/** The rows as CSV text in `dialect` (header first, "\n" line ends, a final newline). */
export function fifoCsv(rows: readonly FifoRow[], dialect: Dialect, options: CsvOptions = {}): string {
	const columns = dialect === 'sipppadek' ? sipppadekColumns(options) : dialect === 'iso' ? isoColumns(options) : qmaticColumns(options);
	const sep = dialect === 'sipppadek' ? ';' : dialect === 'iso' ? ',' : '\t';
	const lines = [columns.map((c) => c.name).join(sep)];
	for (const r of rows) lines.push(columns.map((c) => c.cell(r)).join(sep));
	return lines.join('\n') + '\n';
}
