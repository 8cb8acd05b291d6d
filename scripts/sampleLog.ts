/**
 * Writes samples/contoh-log-sintetis-mpp.csv: a SYNTHETIC ticket log of a small Kota Bengkulu-like hall, in the
 * SIPPPADEK-like Indonesian dialect, so a new user can try calibration without data of their own. The truth is
 * samples/contoh-log-sintetis.truth.json (a valid scenario); this project's simulator runs it for one replication
 * whose calendar.days are the weekdays of the log's 20 dates, and each simulated day becomes a real date.
 * Deterministic (the truth's run.seed): running it twice writes the same bytes. `npm run sample-log`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatClockSeconds } from '../src/lib/model/clock';
import { parseScenario } from '../src/lib/model/parse';
import type { Scenario } from '../src/lib/model/scenario';
import type { LegRecord } from '../src/lib/records/legRecord';
import { BatchRunner } from '../src/lib/sim/batch';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TRUTH_FILE = join(ROOT, 'samples/contoh-log-sintetis.truth.json');
export const SAMPLE_FILE = join(ROOT, 'samples/contoh-log-sintetis-mpp.csv');

export const SAMPLE_HEADER = [
	'tanggal',
	'no_antrian',
	'id_kunjungan',
	'instansi',
	'jenis_layanan',
	'no_loket',
	'jam_ambil',
	'jam_panggil',
	'jam_selesai',
	'waktu_batal',
	'status',
	'kanal',
	'prioritas'
] as const;

// Hari Suci Nyepi (Thu 19 March 2026) and the Idul Fitri collective leave on Friday 20 March are left out; the
// other leave days around Idul Fitri are kept so the log has 20 working days (it is synthetic: see the README).
const LEFT_OUT = ['2026-03-19', '2026-03-20'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The log's dates: Monday to Friday of March 2026 except LEFT_OUT, with their weekdays. */
export function sampleDates(): Array<{ date: string; weekday: (typeof WEEKDAYS)[number] }> {
	const out: Array<{ date: string; weekday: (typeof WEEKDAYS)[number] }> = [];
	for (let d = 1; d <= 31; d++) {
		const date = `2026-03-${String(d).padStart(2, '0')}`;
		const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
		if (weekday !== 'sat' && weekday !== 'sun' && !LEFT_OUT.includes(date)) out.push({ date, weekday });
	}
	return out;
}

/** The truth scenario, checked, and its calendar checked against the log's dates. */
export function loadTruth(text = readFileSync(TRUTH_FILE, 'utf8')): Scenario {
	const parsed = parseScenario(JSON.parse(text));
	if (!parsed.ok) throw new Error(`truth file is not a valid scenario: ${JSON.stringify(parsed.errors[0])}`);
	const cal = parsed.scenario.calendar;
	const days = 'days' in cal ? cal.days : [];
	const dates = sampleDates();
	if (days.length !== dates.length || dates.some((d, i) => d.weekday !== days[i]))
		throw new Error('truth calendar.days must be the weekdays of the sample dates, in order');
	return parsed.scenario;
}

const STATUS: Record<LegRecord['outcome'], string> = {
	served: 'selesai',
	abandoned: 'batal',
	'no-show': 'tidak_hadir',
	// Never under atClose "serve-waiting" (not 'lewati': logs use that word for a called visitor who was not there).
	'not-served': 'tidak_dilayani'
};

/** A ";"-separated cell: quoted only when it holds the delimiter, a quote or a line end. */
function cell(s: string): string {
	return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const clock = (m: number) => (Number.isFinite(m) ? formatClockSeconds(m) : '');

/** One log row of a leg on `date`; names are the truth's display names. */
function row(l: LegRecord, date: string, names: Map<string, string>): string {
	// A no-show never took a ticket: its row is the booking, at the time it was due.
	const issued = l.outcome === 'no-show' ? l.arrival : l.ticketTime;
	const left = l.outcome === 'abandoned' ? l.ticketTime + l.wait : NaN;
	return [
		date,
		l.ticket,
		`${date.replace(/-/g, '')}-${String(l.visitor).padStart(4, '0')}`,
		names.get(l.agency) ?? l.agency,
		names.get(`${l.agency}/${l.service}`) ?? l.service,
		l.counter,
		clock(issued),
		clock(l.call),
		clock(l.end),
		clock(left),
		STATUS[l.outcome],
		l.channel === 'online' ? 'daring' : 'langsung',
		l.priority ? 'ya' : 'tidak'
	]
		.map(cell)
		.join(';');
}

/** The sample log's text for a truth scenario (one replication, seed run.seed), rows by date and ticket time. */
export function sampleLogCsv(truth: Scenario): string {
	const dates = sampleDates();
	const names = new Map<string, string>();
	for (const a of truth.agencies) {
		names.set(a.id, a.name);
		for (const s of a.services) names.set(`${a.id}/${s.id}`, s.name);
	}
	const legs = new BatchRunner(truth, truth.run.seed).run(0, true).legs ?? [];
	const issued = (l: LegRecord) => (l.outcome === 'no-show' ? l.arrival : l.ticketTime);
	// The simulator hands legs by (day, visitor, leg); a queue system lists tickets as they were taken.
	const ordered = legs.map((l, i) => ({ l, i })).sort((a, b) => a.l.day - b.l.day || issued(a.l) - issued(b.l) || a.i - b.i);
	const lines = [SAMPLE_HEADER.join(';')];
	for (const { l } of ordered) lines.push(row(l, dates[l.day].date, names));
	return lines.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const text = sampleLogCsv(loadTruth());
	writeFileSync(SAMPLE_FILE, text);
	process.stderr.write(`wrote ${SAMPLE_FILE}: ${text.split('\n').length - 2} rows, ${text.length} bytes\n`);
}
