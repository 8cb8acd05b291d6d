/**
 * The calibrated scenario: always valid (parseScenario) whatever the log calls things, a base scenario's ids,
 * names, policy and hours kept, and notes that carry each fit's n, KS distance and p-value. Built through
 * fromSummary (the pipeline after reading) on hand-built records, so no CSV is involved.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSummary, type CalibrateOptions } from '../../src/lib/calibrate/calibration';
import type { LogRecord, QualityReport } from '../../src/lib/calibrate/logRecord';
import { summarise } from '../../src/lib/calibrate/logSummary';
import { generatedPrefix } from '../../src/lib/calibrate/scenarioIds';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';
import { rec, recs } from './records';

function report(columns: QualityReport['columns'] = {}): QualityReport {
	return { file: 'log.csv', delimiter: ',', header: [], columns, rowsRead: 0, rowsUsed: 0, rejected: [], firstDate: '2024-03-04', lastDate: '2024-03-04', days: 1, emptyDays: [], notes: [], noteCodes: [] };
}

async function calibrate(rows: LogRecord[], options: Partial<CalibrateOptions> = {}, columns?: QualityReport['columns']) {
	const out = await fromSummary(summarise(rows), report(columns), { file: 'log.csv', bootstrap: 9, ...options });
	if (!out.ok) throw new Error(out.message);
	return out.result;
}

/** 40 served legs of a service (durations 5…14.75 minutes), tickets with the given prefix. */
const service = (agency: string, name: string, counter: string, prefix = '') =>
	recs(40, (i) => ({ agency, service: name, counter, ticket: prefix ? `${prefix}-${i}` : '', issued: 480 + i * 5, called: 485 + i * 5, end: 490 + i * 5 + (i % 40) / 4 }));

describe('calibrated scenario', () => {
	it('is valid on awkward names: spaces, accents, punctuation, reserved words, duplicates after slugging', async () => {
		const rows = [
			...service('Dinas Kependudukan & Catatan Sipil', ' KTP-el ', 'Loket 1', 'a'),
			...service('Dinas Kependudukan & Catatan Sipil', 'ktp el', 'Loket 1', 'A'),
			...service('dinas kependudukan catatan sipil', 'Akta (Kelahiran)', 'loket-1'),
			...service('Priority', 'Ürün Çeşit', 'L/2'),
			...service('!!!', '???', 'L 3')
		];
		const r = await calibrate(rows);
		const check = parseScenario(JSON.parse(JSON.stringify(r.scenario)));
		expect(check.ok).toBe(true);
		const a = r.scenario.agencies;
		expect(a.map((x) => x.id)).toEqual(['dinas-kependudukan-catatan-sipil', 'dinas-kependudukan-catatan-sipil-2', 'priority-2', 'x']);
		expect(a.map((x) => x.name)).toEqual(['Dinas Kependudukan & Catatan Sipil', 'dinas kependudukan catatan sipil', 'Priority', '!!!']);
		expect(a[0].services.map((s) => [s.id, s.name])).toEqual([
			['ktp-el', ' KTP-el '],
			['ktp-el-2', 'ktp el']
		]);
		expect(a[2].services[0].id).toBe('urun-cesit');
		// The first agency's tickets say "A" (written "a" too); the others get free letters in order.
		expect(a.map((x) => x.ticketPrefix)).toEqual(['A', 'B', 'C', 'D']);
		// Counters in name order (a space before "/"); a name that is a free id stays the id.
		expect(r.scenario.counters.map((c) => [c.id, c.name])).toEqual([
			['l-3', 'L 3'],
			['l-2', 'L/2'],
			['loket-1', 'Loket 1'],
			['loket-1-2', 'loket-1']
		]);
	});

	it('maps every log key to the scenario ids it became', async () => {
		const r = await calibrate([...service('Samsat', 'Pajak', 'L1', 'D'), ...service('Dukcapil', 'KK', 'L2', 'A')]);
		expect(r.ids).toEqual([
			{ agencyKey: 'Samsat', serviceKey: 'Pajak', agency: 'samsat', service: 'pajak' },
			{ agencyKey: 'Dukcapil', serviceKey: 'KK', agency: 'dukcapil', service: 'kk' }
		]);
		// Agencies ordered by ticket prefix, and the log's prefixes kept.
		expect(r.scenario.agencies.map((a) => [a.id, a.ticketPrefix])).toEqual([
			['dukcapil', 'A'],
			['samsat', 'D']
		]);
	});

	it('notes carry the file, the rows, and each fit with n, parameters, KS and p-value', async () => {
		const r = await calibrate([...service('Samsat', 'Pajak', 'L1'), ...recs(3, { agency: 'Samsat', service: 'Balik nama', counter: 'L1' })]);
		const notes = r.scenario.notes ?? '';
		expect(notes).toContain('"log.csv"');
		expect(notes).toMatch(/samsat\/pajak: n 40, \w+ .*, AIC [\d.]+, KS [\d.]+, (p [\d.]+|p-value not tested)/);
		expect(notes).toMatch(/samsat\/balik-nama: n 43 — pooled to its agency \(own n 3 < 30\)/);
		for (const f of r.fits) expect(notes).toContain(`KS ${Number(f.fit.ks.toPrecision(4))}`);
		expect(r.fits.map((f) => [f.service, f.pooled, f.n])).toEqual([
			['balik-nama', 'agency', 43],
			['pajak', 'service', 40]
		]);
	});

	it('a log with no counter column gets, per agency, the counters its busiest half hour kept busy', async () => {
		// One Monday: Dukcapil 3 legs of 20 minutes started 08:00–08:02 (60 service minutes in a half hour: 2 counters),
		// Samsat 1 leg of 10 minutes (1 counter).
		const rows = [
			...recs(3, (i) => ({ counter: '', issued: 470, called: 480 + i, end: 500 + i })),
			rec({ agency: 'Samsat', service: 'Pajak', counter: '', issued: 470, called: 480, end: 490 })
		];
		const r = await calibrate(rows);
		expect(r.scenario.counters.map((c) => [c.id, c.serves])).toEqual([
			['dukcapil-1', ['dukcapil']],
			['dukcapil-2', ['dukcapil']],
			['samsat-1', ['samsat']]
		]);
		expect(r.scenario.notes).toMatch(/busiest half hour/);
	});

	it('a log with no service durations and no base fails with a message, not a throw', async () => {
		const out = await fromSummary(summarise(recs(5, { end: NaN })), report(), { file: 'x.csv' });
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.message).toMatch(/no service durations/);
	});

	it('generated prefixes run A … Z, AA …', () => {
		expect([0, 25, 26, 27, 701, 702].map(generatedPrefix)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
	});
});

describe('calibrated scenario with a base', () => {
	const base = parseScenario(JSON.parse(readFileSync('scenarios/kota-bengkulu.json', 'utf8')));
	if (!base.ok) throw new Error('kota-bengkulu.json must parse');
	const b: Scenario = base.scenario;

	it("keeps the base's id, name, policy, run settings, hours and closing rule, and its ids and names for the services it knows", async () => {
		const rows = [
			...service('Dinas Kependudukan dan Pencatatan Sipil Kota Bengkulu', 'Kartu Keluarga Baru', 'L01', 'A'),
			...service('dukcapil', 'ktp-el', 'L01', 'A'),
			...service('Kantor Baru', 'Layanan X', 'L99', 'A')
		];
		const r = await calibrate(rows, { base: b });
		expect(r.scenario.id).toBe('kota-bengkulu-kalibrasi');
		expect(r.scenario.name).toBe('MPP Kota Bengkulu (kalibrasi)');
		expect(r.scenario.policy).toEqual(b.policy);
		expect(r.scenario.run).toEqual(b.run);
		if (!('days' in r.scenario.calendar) || !('days' in b.calendar)) throw new Error('days calendars');
		expect(r.scenario.calendar.hours).toEqual(b.calendar.hours);
		expect(r.scenario.calendar.atClose).toBe(b.calendar.atClose);
		const dukcapil = r.scenario.agencies[0];
		expect([dukcapil.id, dukcapil.name, dukcapil.ticketPrefix]).toEqual(['dukcapil', b.agencies[0].name, 'A']);
		// Base order: ktp-el before kk.
		expect(dukcapil.services.map((s) => [s.id, s.name])).toEqual([
			['ktp-el', 'Perekaman dan Pencetakan KTP-el'],
			['kk', 'Kartu Keluarga Baru']
		]);
		// The new agency's "A" tickets clash with the kept base agency's A: it gets the next free letter.
		const fresh = r.scenario.agencies[1];
		expect([fresh.id, fresh.name, fresh.ticketPrefix]).toEqual(['kantor-baru', 'Kantor Baru', 'B']);
		// Agencies absent from the log are left out.
		expect(r.scenario.agencies).toHaveLength(2);
		expect(parseScenario(JSON.parse(JSON.stringify(r.scenario))).ok).toBe(true);
	});

	it('two spellings of one base service become that service, weights added; a log agency the base knows (by id, name or prefix) is the base one', async () => {
		const rows = [...service('dukcapil', 'Kartu Keluarga Baru', 'L01'), ...service('dukcapil', 'kk', 'L01'), ...service('Samsat', 'Pajak', 'L02'), ...service('DUKCAPIL!', 'x', 'L02')];
		const r = await calibrate(rows, { base: b });
		expect(r.scenario.agencies.map((a) => [a.id, a.ticketPrefix])).toEqual([
			['dukcapil', 'A'],
			['samsat', 'D']
		]);
		const kk = r.scenario.agencies[0].services.find((s) => s.id === 'kk')!;
		expect(kk.weight).toBeCloseTo(0.5, 6);
		expect(r.ids.filter((x) => x.service === 'kk')).toHaveLength(2);
		// "DUKCAPIL!" matches the base's dukcapil by its loose key: its service "x" is new there.
		expect(r.scenario.agencies[0].services.map((s) => s.id)).toEqual(['kk', 'x']);
	});

	it("log counters the base knows (by id or name) keep its ids and names; without a counter column the base's counters stay, cut to what remains", async () => {
		const r = await calibrate([...service('dukcapil', 'kk', 'Loket 2'), ...service('dukcapil', 'ikd', 'l01'), ...service('samsat', 'pkb', 'Meja 9')], { base: b });
		expect(r.scenario.counters.map((c) => [c.id, c.name])).toEqual([
			['L01', 'Loket 1'],
			['L02', 'Loket 2'],
			['meja-9', 'Meja 9']
		]);
		const none = await calibrate(service('samsat', 'pkb', ''), { base: b });
		const samsatCounters = b.counters.filter((c) => c.serves.includes('samsat')).map((c) => c.id);
		expect(none.scenario.counters.map((c) => c.id)).toEqual(samsatCounters);
		expect(none.scenario.counters.every((c) => c.serves.every((e) => e === 'samsat'))).toBe(true);
	});

	it('a base hall that never closes lends its policy and run settings, not its calendar', async () => {
		const continuous = parseScenario({
			version: 1,
			id: 'mmc',
			name: 'M/M/c',
			calendar: { continuousMinutes: 10000 },
			agencies: [{ id: 'a', name: 'A', ticketPrefix: 'A', services: [{ id: 's', name: 'S', weight: 1, serviceTime: { dist: 'exponential', mean: 5 } }] }],
			demand: { ratePerHour: 10 },
			counters: [{ id: 'c1', serves: ['a'] }],
			policy: { order: 'fifo' },
			run: { replications: 7, seed: 3, warmupMinutes: 100 }
		});
		if (!continuous.ok) throw new Error('continuous base must parse');
		const r = await calibrate(service('a', 's', 'c1'), { base: continuous.scenario });
		expect(r.scenario.policy.order).toBe('fifo');
		expect(r.scenario.run.replications).toBe(7);
		expect('days' in r.scenario.calendar && r.scenario.calendar.days).toEqual(['mon']);
		expect(parseScenario(JSON.parse(JSON.stringify(r.scenario))).ok).toBe(true);
	});

	it("takes from the base what the log cannot tell: extra services, priority, online, service times without durations", async () => {
		const rows = [...service('dukcapil', 'kk', 'L01'), ...recs(5, { agency: 'dukcapil', service: 'akta-lahir', counter: 'L01', end: NaN })];
		const r = await calibrate(rows, { base: b, minObservations: 100 });
		expect(r.scenario.demand.extraServiceProbability).toBe(b.demand.extraServiceProbability);
		expect(r.scenario.demand.priorityShare).toBe(b.demand.priorityShare);
		expect(r.scenario.demand.online).toEqual(b.demand.online);
		// Pooled to all (45 < 100) the fit still exists; with no durations at all the base's distribution is used.
		const none = await calibrate(recs(5, { agency: 'dukcapil', service: 'akta-lahir', counter: 'L01', end: NaN }), { base: b });
		expect(none.scenario.agencies[0].services[0].serviceTime).toEqual(b.agencies[0].services.find((s) => s.id === 'akta-lahir')!.serviceTime);
		expect(none.fits).toEqual([]);
	});
});

describe('calibrated scenario, any names', () => {
	it('property: whatever the log calls agencies, services and counters, the scenario parses valid with unique ids', async () => {
		const name = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom(' ', 'priority', '*', '--', 'Ü'));
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(name, name, name, fc.stringMatching(/^[A-Za-z]{0,4}$/)), { minLength: 1, maxLength: 6 }), async (names) => {
				const rows = names.flatMap(([agency, svc, counter, prefix], k) =>
					recs(3, (i) => ({ agency, service: svc, counter, ticket: `${prefix}${i}`, issued: 480 + k * 7 + i, called: 490 + k * 7 + i, end: 495 + k * 7 + i * 2 }))
				);
				const out = await fromSummary(summarise(rows), report(), { file: 'f', bootstrap: 0 });
				expect(out.ok).toBe(true);
				if (!out.ok) return;
				expect(parseScenario(JSON.parse(JSON.stringify(out.result.scenario))).ok).toBe(true);
				expect(new Set(out.result.scenario.agencies.map((a) => a.ticketPrefix)).size).toBe(out.result.scenario.agencies.length);
			}),
			{ numRuns: 60, seed: 2201 }
		);
	});
});
