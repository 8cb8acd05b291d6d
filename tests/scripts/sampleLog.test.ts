/**
 * The committed sample log is exactly what scripts/sampleLog.ts makes from its truth file (so neither drifts from
 * the other), and it is what its README says: 20 real working days of March 2026, the stated columns and words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTruth, SAMPLE_FILE, SAMPLE_HEADER, sampleDates, sampleLogCsv } from '../../scripts/sampleLog';
import { calibrateLog } from '../../src/lib/calibrate/calibration';
import { parseScenario } from '../../src/lib/model/parse';

describe('samples/contoh-log-sintetis-mpp.csv', () => {
	const committed = readFileSync(SAMPLE_FILE, 'utf8');

	it('equals a fresh generation from the truth file, byte for byte (run `npm run sample-log` after changing either)', () => {
		expect(sampleLogCsv(loadTruth())).toBe(committed);
	});

	it('covers 20 Monday-to-Friday dates of March 2026, without Nyepi (19 March) and 20 March', () => {
		const dates = sampleDates();
		expect(dates).toHaveLength(20);
		expect(dates.every((d) => d.date.startsWith('2026-03-') && !['sat', 'sun'].includes(d.weekday))).toBe(true);
		expect(dates.map((d) => d.date)).not.toContain('2026-03-19');
		const lines = committed.trimEnd().split('\n');
		expect(new Set(lines.slice(1).map((l) => l.split(';')[0]))).toEqual(new Set(dates.map((d) => d.date)));
	});

	it('has the stated header and only the stated status, channel and priority words', () => {
		const [head, ...rows] = committed.trimEnd().split('\n');
		expect(head.split(';')).toEqual([...SAMPLE_HEADER]);
		const words = (i: number) => new Set(rows.map((r) => r.split(';')[i]));
		expect([...words(10)].sort()).toEqual(['batal', 'selesai', 'tidak_hadir']);
		expect([...words(11)].sort()).toEqual(['daring', 'langsung']);
		expect([...words(12)].sort()).toEqual(['tidak', 'ya']);
	});

	it('calibrates with no row rejected, to a valid scenario with every agency, service and counter of its truth', async () => {
		const truth = loadTruth();
		const out = await calibrateLog(committed, { file: 'contoh-log-sintetis-mpp.csv', seed: 1 });
		if (!out.ok) throw new Error(out.message);
		const { scenario, report } = out.result;
		expect(report.rejected).toEqual([]);
		expect(report.rowsUsed).toBe(committed.trimEnd().split('\n').length - 1);
		expect(parseScenario(scenario).ok).toBe(true);
		expect(scenario.agencies.map((a) => a.services.length).sort()).toEqual(truth.agencies.map((a) => a.services.length).sort());
		expect(scenario.counters.map((c) => c.id).sort()).toEqual(truth.counters.map((c) => c.id).sort());
	});
});
