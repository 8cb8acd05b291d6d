/**
 * The independent FIFO log generator is itself right, before any recovery test trusts it: the queue discipline
 * (FIFO per agency, one visitor per counter at a time, work-conserving, waits ≥ 0), abandonment and extra services
 * as stated, the Poisson day count and the samplers' means and cvs, and the three CSV dialects.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import { drawTime, generateFifoLog, poissonCount, truthScenario, weekdayOf, workingDays, type FifoRow, type TimeDist, type Truth } from './fifoLog';
import { fifoCsv } from './fifoLogCsv';

const truth: Truth = {
	visitorsPerDay: 120,
	dayFactors: { mon: 1.3, fri: 0.7 },
	profile: { from: '08:00', step: 30, weights: [4, 8, 8, 6, 5, 4, 3, 2] },
	agencies: [
		{ name: 'Dukcapil', prefix: 'A', counters: 2, services: [
			{ name: 'KTP-el', weight: 5, time: { dist: 'lognormal', mean: 6, cv: 0.5 } },
			{ name: 'Kartu Keluarga', weight: 3, time: { dist: 'gamma', mean: 8, cv: 0.6 } }
		] },
		{ name: 'Samsat', prefix: 'B', counters: 1, services: [{ name: 'Pajak Kendaraan', weight: 2, time: { dist: 'exponential', mean: 5 } }] }
	],
	patienceMean: 40,
	extraServiceProbability: 0.2,
	onlineShare: 0.3,
	priorityShare: 0.1,
	walkUp: 0.5
};
const dates = workingDays('2026-03-02', 10);
const log = generateFifoLog(truth, dates, 7);

function groups(rows: readonly FifoRow[], key: (r: FifoRow) => string): FifoRow[][] {
	const m = new Map<string, FifoRow[]>();
	for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
	return [...m.values()];
}

describe('fifoLog: dates', () => {
	it('working days are real Monday-to-Friday dates, holidays skipped', () => {
		expect(weekdayOf('2026-03-02')).toBe('mon');
		expect(workingDays('2026-03-06', 3)).toEqual(['2026-03-06', '2026-03-09', '2026-03-10']);
		expect(workingDays('2026-03-18', 3, ['2026-03-19', '2026-03-20'])).toEqual(['2026-03-18', '2026-03-23', '2026-03-24']);
	});
});

describe('fifoLog: the queue discipline', () => {
	it('times are ordered for every row (issued ≤ called ≤ start ≤ end; abandoned: left = issued + wait) and waits ≥ 0', () => {
		for (const r of log.rows) {
			expect(r.wait).toBeGreaterThanOrEqual(0);
			if (r.status === 'served') {
				expect(r.issued <= r.called && r.called <= r.start && r.start < r.end).toBe(true);
				expect(r.called - r.issued).toBeCloseTo(r.wait, 9);
			} else {
				expect(r.left - r.issued).toBeCloseTo(r.wait, 9);
				expect([r.called, r.start, r.end].every(Number.isNaN)).toBe(true);
			}
		}
		expect(log.rows.some((r) => r.status === 'abandoned')).toBe(true);
	});

	it('within an agency and day, served tickets are called in issue order (FIFO)', () => {
		for (const g of groups(log.rows, (r) => `${r.date}|${r.agency}`)) {
			const served = g.filter((r) => r.status === 'served').sort((a, b) => a.issued - b.issued);
			for (let i = 1; i < served.length; i++) expect(served[i].called).toBeGreaterThanOrEqual(served[i - 1].called);
		}
	});

	it('no counter serves two visitors at once, and a ticket that waited is called the moment its counter frees (work-conserving)', () => {
		for (const g of groups(log.rows.filter((r) => r.status === 'served'), (r) => `${r.date}|${r.counter}`)) {
			g.sort((a, b) => a.start - b.start);
			for (let i = 1; i < g.length; i++) {
				expect(g[i].called).toBeGreaterThanOrEqual(g[i - 1].end);
				if (g[i].called > g[i].issued) expect(g[i].called).toBe(g[i - 1].end);
			}
		}
	});

	it('a further service shares its visit id and is issued when the visit\'s previous service ends, never after one left unserved', () => {
		const visits = groups(log.rows, (r) => r.visit);
		expect(visits.some((v) => v.length >= 2)).toBe(true);
		for (const v of visits) {
			for (let i = 1; i < v.length; i++) {
				expect(v[i - 1].status).toBe('served');
				expect(v[i].issued).toBe(v[i - 1].end);
			}
		}
	});

	it('the same truth, dates and seed give the same rows', () => {
		expect(generateFifoLog(truth, dates, 7)).toEqual(log);
	});
});

describe('fifoLog: the random parts', () => {
	it('the day count is Poisson: its mean over 400 days is within 4 standard errors (sqrt(λ/400)) of λ', () => {
		const rng = seedrandom('poisson');
		for (const lambda of [3, 50, 800]) {
			let sum = 0;
			for (let i = 0; i < 400; i++) sum += poissonCount(rng, lambda);
			expect(Math.abs(sum / 400 - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 400));
		}
	});

	it('each sampler has the stated mean and cv (20,000 draws; mean within 4 SE, cv within 0.05)', () => {
		// SE of the mean = cv·mean/√n (≈ 0.7% of the mean here); the sample cv's SE is below 0.012 for cv ≤ 1 and near 0.03 for the heavy-tailed gamma with cv 1.5 (tolerance 0.12 there).
		const rng = seedrandom('samplers');
		const dists: TimeDist[] = [
			{ dist: 'exponential', mean: 5 },
			{ dist: 'lognormal', mean: 9, cv: 0.5 },
			{ dist: 'gamma', mean: 12, cv: 0.6 },
			{ dist: 'gamma', mean: 4, cv: 1.5 }
		];
		for (const d of dists) {
			const n = 20_000;
			const x = Array.from({ length: n }, () => drawTime(rng, d));
			const mean = x.reduce((a, b) => a + b, 0) / n;
			const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
			const cv = d.cv ?? 1;
			expect(Math.abs(mean - d.mean)).toBeLessThan((4 * cv * d.mean) / Math.sqrt(n));
			expect(Math.abs(sd / mean - cv)).toBeLessThan(cv > 1 ? 0.12 : 0.05);
			expect(x.every((v) => v > 0)).toBe(true);
		}
	});
});

describe('fifoLog: CSV dialects', () => {
	it('sipppadek: ";" with Indonesian names, times of day and selesai/batal', () => {
		const text = fifoCsv(log.rows, 'sipppadek', { visit: true, channel: true, priority: true, dayFirst: true });
		const lines = text.trimEnd().split('\n');
		expect(lines[0]).toBe('tanggal;no_antrian;id_kunjungan;instansi;jenis_layanan;no_loket;jam_ambil;jam_panggil;jam_selesai;status;kanal;prioritas');
		expect(lines).toHaveLength(log.rows.length + 1);
		expect(lines[1]).toMatch(/^02\/03\/2026;A-001;2026-03-02-\d+;Dukcapil;[^;]+;A[12];\d\d:\d\d:\d\d;\d\d:\d\d:\d\d;\d\d:\d\d:\d\d;selesai;(daring|langsung);(ya|tidak)$/);
		expect(text).toContain(';batal;');
	});

	it('iso: "," with ISO date-times and the fixed English header', () => {
		const text = fifoCsv(log.rows, 'iso', { visit: true, left: true, channel: true, priority: true });
		const [head, first] = text.split('\n');
		expect(head).toBe('visit_id,ticket_number,agency,service,counter,created_at,called_at,start_time,end_time,left_at,status,channel,priority');
		expect(first).toMatch(/,2026-03-02T\d\d:\d\d:\d\d,/);
	});

	it('qmatic: tab-separated with Qmatic\'s timestamp column names', () => {
		const head = fifoCsv(log.rows, 'qmatic').split('\n')[0].split('\t');
		expect(head).toContain('visit_transaction_create_ts');
		expect(head).toContain('delivered_service_end_ts');
		expect(head).toContain('service_point');
	});
});

describe('fifoLog: the truth as a scenario', () => {
	it('is a valid scenario whose counters carry the log\'s counter names and serve only their agency', () => {
		const parsed = parseScenario(truthScenario(truth, ['mon', 'tue']));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const counters = new Set(log.rows.filter((r) => r.status === 'served').map((r) => r.counter));
		expect(new Set(parsed.scenario.counters.map((c) => c.id))).toEqual(counters);
		expect(parsed.scenario.counters.map((c) => c.serves)).toEqual([['dukcapil'], ['dukcapil'], ['samsat']]);
		expect(parsed.scenario.policy.order).toBe('fifo');
	});
});
