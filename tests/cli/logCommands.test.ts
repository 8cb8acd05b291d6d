/**
 * The log commands end to end on the built CLI: `mpp calibrate` (the acceptance commands on the synthetic
 * sample log), `mpp replay` and `mpp validate-model`, and their bad inputs — each a one-line message naming the
 * file (and line, where there is one), a non-zero exit, no stack trace, and no file written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import { mpp, noTrace } from './mppProcess';

const SAMPLE = 'samples/contoh-log-sintetis-mpp.csv';
const dir = mkdtempSync(join(tmpdir(), 'mpp-log-cli-'));
const calibrated = join(dir, 'cal.json');
const report = join(dir, 'report');

describe('mpp calibrate', () => {
	let run: ReturnType<typeof mpp>;
	beforeAll(() => {
		run = mpp('calibrate', SAMPLE, '--out', calibrated, '--report', report);
	});

	it('calibrates the sample log into a valid scenario that mpp validate accepts', () => {
		expect(run.code).toBe(0);
		const parsed = parseScenario(JSON.parse(readFileSync(calibrated, 'utf8')));
		expect(parsed.ok).toBe(true);
		expect(mpp('validate', calibrated).code).toBe(0);
		if (parsed.ok) expect(parsed.scenario.notes).toMatch(/contoh-log-sintetis-mpp\.csv/);
	});

	it('prints the quality report, demand and every fit with its KS distance and p-value', () => {
		expect(run.stdout).toMatch(/4469 rows read, 4469 used \(2026-03-02 – 2026-03-31, 20 day\(s\)\)/);
		expect(run.stdout).toMatch(/visitors a day over 20 day\(s\)/);
		expect(run.stdout).toMatch(/akta-kelahiran\s+\d+\s+service\s+\w+ mean [\d.]+/);
	});

	it('writes the report folder: quality.csv, fits.csv and calibration.json', () => {
		expect(readdirSync(report).sort()).toEqual(['calibration.json', 'fits.csv', 'quality.csv']);
		expect(readFileSync(join(report, 'quality.csv'), 'utf8').split('\n')[0]).toBe('reason,line,column');
		expect(readFileSync(join(report, 'fits.csv'), 'utf8')).toMatch(/^agency,service,/);
		expect(JSON.parse(readFileSync(join(report, 'calibration.json'), 'utf8'))).toHaveProperty('fits');
	});

	it('names the line and column of every rejected row and lists them in quality.csv', () => {
		const log = join(dir, 'bad-rows.csv');
		writeFileSync(
			log,
			[
				'tanggal,no_antrian,jenis_layanan,jam_ambil,jam_panggil,jam_selesai,status',
				'2026-03-02,A-001,KTP,08:00,08:05,08:15,selesai',
				'2026-03-02,A-002,KTP,08:10,08:02,08:20,selesai',
				'2026-03-02,A-003,KTP,8 pagi,08:20,08:30,selesai',
				'2026-03-02,A-004,KTP,08:30,08:35,08:45,hilang',
				...Array.from({ length: 40 }, (_, i) => `2026-03-03,A-${100 + i},KTP,09:${String(i).padStart(2, '0')},09:${String(i + 1).padStart(2, '0')},10:00,selesai`)
			].join('\n')
		);
		const r = mpp('calibrate', log, '--report', join(dir, 'bad-report'));
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/rejected 1: call-before-issue \(line 3, column jam_panggil\)/);
		expect(r.stdout).toMatch(/rejected 1: bad-time \(line 4, column jam_ambil\)/);
		expect(r.stdout).toMatch(/rejected 1: unknown-status \(line 5, column status\)/);
		expect(readFileSync(join(dir, 'bad-report', 'quality.csv'), 'utf8')).toMatch(/call-before-issue,3,jam_panggil/);
	});

	it.each([
		['a log with no issue-time column', 'tanggal,layanan\n2026-03-02,KTP\n', [], 1, /line 1: .*issue/],
		['an empty file', '', [], 1, /empty|no header/i],
		['a --map naming a column the log lacks', 'tanggal,layanan,jam_ambil\n2026-03-02,KTP,08:00\n', ['--map', 'service=jenis'], 1, /jenis/],
		['a --map with an unknown field', 'tanggal,layanan,jam_ambil\n', ['--map', 'colour=x'], 2, /--map: .*colour/]
	])('refuses %s with a clear message', (_, text, extra, code, message) => {
		const log = join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
		writeFileSync(log, text);
		const out = join(dir, `never-${Math.random().toString(36).slice(2)}.json`);
		const r = mpp('calibrate', log, '--out', out, ...extra);
		expect(r.code).toBe(code);
		expect(r.stderr).toMatch(message);
		noTrace(r.stderr);
		expect(existsSync(out)).toBe(false);
	});

	it('refuses a missing file, a folder, and an endless line (/dev/zero) at once', () => {
		for (const [file, message] of [
			['no/such.csv', /no\/such\.csv: no such file/],
			['samples', /samples: is a folder/],
			['/dev/zero', /\/dev\/zero: line 1 is longer than 1 MB/]
		] as const) {
			const r = mpp('calibrate', file);
			expect(r.code, file).toBe(1);
			expect(r.stderr).toMatch(message);
			noTrace(r.stderr);
		}
	});
});

describe('mpp replay', () => {
	it('replays the sample log through its calibrated layout: observed beside replayed, close to it', () => {
		const r = mpp('replay', SAMPLE, '--scenario', calibrated, '--json');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j.days).toHaveLength(20);
		const all = j.rows[0];
		expect(all.agency).toBeNull();
		// The calibrated layout is the log's own counters and shifts (from first call to last end, so a little shorter):
		// the replay's mean wait comes within 25% of the observed (measured: 8.7 against 9.0 minutes).
		expect(Math.abs(all.replay.waitMean - all.observed.waitMean)).toBeLessThan(0.25 * all.observed.waitMean);
		expect(j.summary.replications).toBe(1);
	});

	it('writes visits.csv, summary.csv, hourly.csv and replay.csv with --out', () => {
		const out = join(dir, 'replay-out');
		const r = mpp('replay', SAMPLE, '--scenario', calibrated, '--out', out);
		expect(r.code).toBe(0);
		expect(readdirSync(out).sort()).toEqual(['hourly.csv', 'replay.csv', 'summary.csv', 'visits.csv']);
		expect(readFileSync(join(out, 'visits.csv'), 'utf8').split('\n').length).toBeGreaterThan(4000);
		expect(r.stdout).toMatch(/per agency: observed \/ replayed/);
	});

	it('refuses a continuous scenario, which has no days to replay, and needs --scenario', () => {
		const r = mpp('replay', SAMPLE, '--scenario', 'bench/mm10.json');
		expect(r.code).toBe(1);
		noTrace(r.stderr);
		expect(mpp('replay', SAMPLE).code).toBe(2);
	});
});

describe('mpp validate-model', () => {
	it('judges the calibrated scenario against its log: observed, replay and model, with a verdict', () => {
		const r = mpp('validate-model', SAMPLE, '--scenario', calibrated, '--replications', '6', '--json');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j.replications).toBe(6);
		expect(['agrees', 'differs', 'too-few']).toContain(j.verdict);
		expect(j.overall.observed.waitMean).toBeGreaterThan(0);
		expect(j.agencies.length).toBeGreaterThan(0);
		expect(j.overall).not.toHaveProperty('waits');
		const text = mpp('validate-model', SAMPLE, '--scenario', calibrated, '--replications', '4', '--accuracy', '20%,3');
		expect(text.stdout).toMatch(/verdict: the model (AGREES with|DIFFERS from) the log \(mean wait within 20% or 3\.0 min/);
	});

	it('refuses a bad --accuracy with exit 2', () => {
		const r = mpp('validate-model', SAMPLE, '--scenario', calibrated, '--accuracy', 'close');
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--accuracy: expected/);
	});
});
