/**
 * The pipeline from CSV text: progress by phase, cancel, reproducibility by seed, failures as messages (never a
 * throw), and the report files. Parameter recovery is recovery.test.ts's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrateLog, calibrationJson, fitsCsv, fromSummary } from '../../src/lib/calibrate/calibration';
import type { LogRecord, QualityReport } from '../../src/lib/calibrate/logRecord';
import { summarise } from '../../src/lib/calibrate/logSummary';
import { DAY_IDS } from '../../src/lib/model/scenario';
import { parseScenario } from '../../src/lib/model/parse';

/** A small log: two agencies, 3 days, one row per ticket, times of day with a date column. */
function log(): string {
	const rows = ['tanggal,no_antrian,instansi,layanan,loket,jam_ambil,jam_panggil,jam_selesai,status'];
	const two = (n: number) => String(n).padStart(2, '0');
	const clock = (m: number) => `${two(Math.floor(m / 60))}:${two(Math.floor(m % 60))}:${two(Math.round((m % 1) * 60) % 60)}`;
	for (const [d, date] of ['2024-03-04', '2024-03-05', '2024-03-06'].entries()) {
		for (let i = 0; i < 40 + 10 * d; i++) {
			const issued = 480 + i * 6;
			const a = i % 3 === 0 ? ['Samsat', 'Pajak Tahunan', 'L2', 'B'] : ['Dukcapil', i % 2 ? 'KTP-el' : 'Kartu Keluarga', 'L1', 'A'];
			const dur = 3 + ((i * 7) % 11) + (i % 5) / 7;
			rows.push(`${date},${a[3]}-${i},${a[0]},${a[1]},${a[2]},${clock(issued)},${clock(issued + 2)},${clock(issued + 2 + dur)},selesai`);
		}
	}
	return rows.join('\n') + '\n';
}

describe('calibrateLog', () => {
	it('calibrates a log into a valid scenario, reporting read and fit progress', async () => {
		const phases: string[] = [];
		let lastFit = { done: 0, total: 0 };
		const fitDone: number[] = [];
		const out = await calibrateLog(log(), {
			file: 'small.csv',
			bootstrap: 9,
			onPhase: (p) => {
				if (phases.at(-1) !== p.phase) phases.push(p.phase);
				if (p.phase === 'fit') {
					lastFit = p;
					fitDone.push(p.done);
				}
			}
		});
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(phases).toEqual(['read', 'fit']);
		expect(lastFit.total).toBeGreaterThan(0);
		// From 0 as fitting starts, one step per fit.
		expect(fitDone).toEqual(Array.from({ length: lastFit.total + 1 }, (_, i) => i));
		expect(parseScenario(JSON.parse(JSON.stringify(out.result.scenario))).ok).toBe(true);
		expect(out.result.demand.visitorsPerDay).toBe(50);
		expect(out.result.demand.byWeekday.map((w) => w.factor)).toEqual([40 / 50, 50 / 50, 60 / 50]);
		expect(out.result.scenario.agencies.map((a) => [a.id, a.ticketPrefix])).toEqual([
			['dukcapil', 'A'],
			['samsat', 'B']
		]);
	});

	it('the same seed gives the same result; the fits draw only from the seeded stream', async () => {
		const a = await calibrateLog(log(), { file: 'x', seed: 7, bootstrap: 19 });
		const b = await calibrateLog(log(), { file: 'x', seed: 7, bootstrap: 19 });
		expect(a.ok && b.ok).toBe(true);
		if (a.ok && b.ok) expect(calibrationJson(a.result)).toEqual(calibrationJson(b.result));
	});

	it('honours a cancel between phases', async () => {
		const ctl = new AbortController();
		const out = await calibrateLog(log(), { file: 'x', signal: ctl.signal, onPhase: (p) => p.phase === 'fit' && p.done === 1 && ctl.abort() });
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.message).toMatch(/cancel/);
	});

	it('a log with no usable row is a message naming why', async () => {
		const out = await calibrateLog('tanggal,layanan,jam_ambil\n2024-03-04,KTP,xx:yy\n', { file: 'bad.csv' });
		expect(out.ok).toBe(false);
	});

	it('arbitrary text never makes it throw', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
				const out = await calibrateLog(`tanggal,layanan,jam_ambil,jam_panggil,jam_selesai\n${text}`, { file: 'f', bootstrap: 0 });
				expect(typeof out.ok).toBe('boolean');
			}),
			{ numRuns: 60, seed: 22 }
		);
	});
});

describe('report files', () => {
	it('fits.csv has one row per fitted service with each family’s AIC; fits.json is plain JSON', async () => {
		const out = await calibrateLog(log(), { file: 'x', bootstrap: 9 });
		if (!out.ok) throw new Error(out.message);
		const lines = fitsCsv(out.result).trim().split('\n');
		expect(lines[0]).toBe('agency,service,name,n,pooled,family,parameters,mean,aic,ks,p_value,aic_exponential,aic_lognormal,aic_gamma,aic_empirical');
		expect(lines).toHaveLength(1 + out.result.fits.length);
		expect(lines[1]).toMatch(/^dukcapil,kartu-keluarga,Kartu Keluarga,\d+,(service|agency|all),\w+,/);
		const json = JSON.parse(JSON.stringify(calibrationJson(out.result)));
		expect(json.fits[0].sample.length).toBe(out.result.fits[0].sample.length);
		expect(json.rows.read).toBe(150);
	});
});

describe('fromSummary on arbitrary records', () => {
	it('property: any records (times anywhere in two days or missing, any outcome) give a valid scenario or a message, never a throw', async () => {
		let ok = 0;
		// Mostly present times, so most logs have durations and the scenario is built (checked below).
		const time = fc.oneof({ arbitrary: fc.double({ min: 0, max: 2879, noNaN: true }), weight: 4 }, { arbitrary: fc.constant(NaN), weight: 1 });
		const record = fc.record({
			date: fc.constantFrom('2024-03-04', '2024-03-05', 'r1-d1'),
			weekday: fc.constantFrom(...DAY_IDS),
			visit: fc.oneof(fc.constantFrom('v1', 'v2', 'v3'), fc.nat(50).map((n) => `#${n}`)),
			ticket: fc.constantFrom('', 'A-1', 'b2', '17'),
			agency: fc.constantFrom('A', 'Dinas', 'priority'),
			service: fc.constantFrom('s', 'KTP', 'Ü'),
			counter: fc.constantFrom('', 'L1', 'L 2'),
			issued: fc.double({ min: 0, max: 2879, noNaN: true }),
			called: time,
			start: time,
			end: time,
			left: time,
			outcome: fc.oneof({ arbitrary: fc.constant('served'), weight: 4 }, { arbitrary: fc.constantFrom('abandoned', 'no-show', 'not-served', 'waiting'), weight: 1 }),
			online: fc.boolean(),
			priority: fc.boolean()
		});
		await fc.assert(
			fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 40 }), async (rows) => {
				const records = rows.map((r, i) => ({ ...r, line: i + 2 })) as LogRecord[];
				const out = await fromSummary(summarise(records), quality(), { file: 'f', bootstrap: 0 });
				if (out.ok) ok++;
				if (out.ok) expect(parseScenario(JSON.parse(JSON.stringify(out.result.scenario))).ok).toBe(true);
				else expect(out.message.length).toBeGreaterThan(0);
			}),
			{ numRuns: 150, seed: 2202 }
		);
		// Not vacuous: most runs build a scenario.
		expect(ok).toBeGreaterThan(75);
	});
});

function quality(): QualityReport {
	return { file: 'f', delimiter: ',', header: [], columns: { visit: 'v', channel: 'c', priority: 'p' }, rowsRead: 0, rowsUsed: 0, rejected: [], firstDate: null, lastDate: null, days: 0, emptyDays: [], notes: [], noteCodes: [] };
}
