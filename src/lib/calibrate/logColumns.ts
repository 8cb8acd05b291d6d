/**
 * Which of a log's columns holds which field: found by the column's name (English, Indonesian, Qmatic's, and the
 * project's own visits.csv), or named by the analyst (`--map service=jenis_layanan,counter=no_loket`). Names compare
 * loosely: case, surrounding spaces, and "_", "-" or spaces between words do not matter.
 */
import { LOG_FIELDS, type ColumnMap, type LogField } from './logRecord';

/** The column names each field is looked for under, in order of preference. */
export const FIELD_NAMES: Record<LogField, readonly string[]> = {
	date: ['date', 'tanggal', 'tgl', 'visit_date', 'tanggal_kunjungan'],
	weekday: ['weekday', 'hari', 'day_of_week', 'day_name'],
	replication: ['replication'],
	day: ['day'],
	ticket: ['ticket', 'ticket_number', 'ticket_id', 'queue_number', 'no_antrian', 'nomor_antrian', 'nomor'],
	visit: ['visit_id', 'id_kunjungan', 'visitor'],
	agency: ['agency', 'instansi', 'dinas'],
	service: ['service', 'service_id', 'service_name', 'layanan', 'jenis_layanan', 'nama_layanan'],
	counter: ['counter', 'counter_id', 'service_point', 'servicepoint', 'loket', 'no_loket', 'nomor_loket'],
	issued: ['created_at', 'ticket_time', 'issued', 'issued_at', 'waktu_ambil', 'jam_ambil', 'visit_transaction_create_ts'],
	called: ['called_at', 'call', 'call_time', 'called', 'waktu_panggil', 'jam_panggil', 'visit_transaction_call_ts'],
	start: ['start', 'start_time', 'started_at', 'waktu_mulai', 'jam_mulai', 'delivered_service_start_ts'],
	end: [
		'end',
		'end_time',
		'finished_at',
		'completed_at',
		'waktu_selesai',
		'jam_selesai',
		'delivered_service_end_ts'
	],
	left: ['left_at', 'waktu_batal', 'abandoned_at', 'cancelled_at'],
	// Minutes waited: an abandoned row's leave time when the log gives no other (visits.csv's wait_min).
	wait: ['wait_min', 'wait_minutes', 'lama_tunggu'],
	status: ['status', 'outcome', 'hasil', 'keterangan_status'],
	channel: ['channel', 'kanal', 'jalur', 'sumber'],
	priority: ['priority', 'prioritas']
};

/** What each field is, for messages ("no column for the ticket's issue time"). */
const FIELD_WHAT: Partial<Record<LogField, string>> = {
	issued: "the ticket's issue time",
	service: 'the service'
};

/** A column name in the form names are compared in: trimmed, lower case, spaces, "_" and "-" as one "_". */
export function looseName(name: string): string {
	return name
		.replace(/^\ufeff/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, '_');
}

const LOOSE_FIELD_NAMES = new Map<LogField, string[]>(
	LOG_FIELDS.map((f) => [f, FIELD_NAMES[f].map(looseName)])
);

function isField(name: string): name is LogField {
	return (LOG_FIELDS as readonly string[]).includes(name);
}

/**
 * Parses "field=column,field=column" (the CLI's --map). A column may be left empty ("status=") to say the log has
 * no such field, so a wrongly guessed column is not read. Unknown fields and repeated fields are errors.
 */
export function parseColumnMap(text: string): { ok: true; map: ColumnMap } | { ok: false; message: string } {
	const map: ColumnMap = {};
	const parts = text.split(',').filter((p) => p.trim() !== '');
	if (parts.length === 0) return { ok: false, message: '--map: empty; expected field=column,… (e.g. service=jenis_layanan)' };
	for (const part of parts) {
		const eq = part.indexOf('=');
		if (eq < 0) return { ok: false, message: `--map: "${part.trim()}" is not field=column` };
		const field = part.slice(0, eq).trim().toLowerCase();
		if (!isField(field)) {
			return { ok: false, message: `--map: unknown field "${field}" (fields: ${LOG_FIELDS.join(', ')})` };
		}
		if (map[field] !== undefined) return { ok: false, message: `--map: field "${field}" is mapped twice` };
		map[field] = part.slice(eq + 1).trim();
	}
	return { ok: true, map };
}

/** The index of a column in the header: exact text first, else loosely. -1 when absent. */
function columnIndex(header: readonly string[], loose: readonly string[], column: string): number {
	const exact = header.indexOf(column);
	return exact >= 0 ? exact : loose.indexOf(looseName(column));
}

/**
 * The column of each field in a header: the analyst's map first (a mapped column missing from the header is a
 * problem), then by name for the fields the map leaves out, never reading one column as two fields. `problems` are
 * fatal: a bad map, no column for the issue time, no column for the service.
 */
export function detectColumns(header: string[], map: ColumnMap = {}): { columns: ColumnMap; problems: string[] } {
	const loose = header.map(looseName);
	const columns: ColumnMap = {};
	const taken = new Set<number>();
	const problems: string[] = [];
	for (const field of LOG_FIELDS) {
		const column = map[field];
		if (column === undefined || column === '') continue;
		const index = columnIndex(header, loose, column);
		if (index < 0) {
			problems.push(`--map ${field}=${column}: no column "${column}" in the header (columns: ${header.join(', ')})`);
		} else if (taken.has(index)) {
			problems.push(`--map ${field}=${column}: column "${column}" is already mapped to another field`);
		} else {
			columns[field] = header[index];
			taken.add(index);
		}
	}
	for (const field of LOG_FIELDS) {
		if (field in map) continue;
		for (const name of LOOSE_FIELD_NAMES.get(field) ?? []) {
			const index = loose.indexOf(name);
			if (index >= 0 && !taken.has(index)) {
				columns[field] = header[index];
				taken.add(index);
				break;
			}
		}
	}
	for (const field of ['issued', 'service'] as const) {
		if (columns[field] === undefined && !problems.some((p) => p.startsWith(`--map ${field}=`))) {
			problems.push(
				`no column for ${FIELD_WHAT[field]} (looked for ${FIELD_NAMES[field].join(', ')}); use --map ${field}=<column>`
			);
		}
	}
	return { columns, problems };
}

/** The header index of each mapped field (-1 for a field the log does not have). */
export function columnIndices(header: readonly string[], columns: ColumnMap): Record<LogField, number> {
	const out = {} as Record<LogField, number>;
	for (const f of LOG_FIELDS) {
		const c = columns[f];
		out[f] = c === undefined ? -1 : header.indexOf(c);
	}
	return out;
}
