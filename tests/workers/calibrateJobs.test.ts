// The calibrate page's jobs in process, on the sample log the page offers (samples/contoh-log-sintetis-mpp.csv):
// what the Web Worker runs, so the page's flow — calibrate, save, validate — is checked here without a browser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrateJob, readRecords, validateJob } from '../../src/lib/workers/calibrateJobs';
import { CalibrateController } from '../../src/lib/calibratePage/calibrateController.svelte';
import { parseScenario } from '../../src/lib/model/parse';
import { JobCancelled, type JobProgress } from '../../src/lib/workers/calibrateProtocol';

const SAMPLE = readFileSync('samples/contoh-log-sintetis-mpp.csv', 'utf8');
const FILE = 'contoh-log-sintetis-mpp.csv';
/** Few bootstrap replicates: these tests check the page's flow, not the fits' p-values. */
const BOOTSTRAP = 19;

describe('calibrate jobs on the sample log', () => {
	it('calibrate: every row read, a valid scenario, a fit per service, progress through reading and fitting', async () => {
		const seen: JobProgress[] = [];
		const result = await calibrateJob({ input: SAMPLE, file: FILE, seed: 1, bootstrap: BOOTSTRAP }, { onProgress: (p) => seen.push(p) });
		expect(result.report.rowsRead).toBe(SAMPLE.trim().split('\n').length - 1);
		expect(result.report.rowsUsed).toBeGreaterThan(0.9 * result.report.rowsRead);
		expect(parseScenario(JSON.parse(JSON.stringify(result.scenario))).ok).toBe(true);
		expect(result.fits.length).toBeGreaterThan(10);
		for (const f of result.fits) expect(f.sample.length).toBeGreaterThan(0);
		expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['read', 'fit']));
	});

	it('a map naming a column the log lacks is refused with the reader’s message', async () => {
		await expect(calibrateJob({ input: SAMPLE, file: FILE, seed: 1, map: { service: 'no_such_column' } })).rejects.toThrow(/no_such_column/);
	});

	it('an aborted job rejects as cancelled', async () => {
		const abort = new AbortController();
		abort.abort();
		await expect(calibrateJob({ input: SAMPLE, file: FILE, seed: 1 }, { signal: abort.signal })).rejects.toBeInstanceOf(JobCancelled);
		await expect(readRecords({ input: SAMPLE, file: FILE, seed: 1 }, { signal: abort.signal })).rejects.toBeInstanceOf(JobCancelled);
	});

	it('the controller with in-process jobs: calibrate, save, validate the saved scenario, get a verdict', async () => {
		const saved = new Map<string, unknown>();
		const c = new CalibrateController({
			jobs: { calibrate: calibrateJob, validate: validateJob },
			store: { save: async (_name, json) => (saved.set('k', json), 'k'), open: async (key) => saved.get(key) },
			sample: async () => ({ name: FILE, input: SAMPLE }),
			bootstrap: BOOTSTRAP
		});
		await c.openSample();
		expect(c.status, c.error).toBe('done');
		expect(c.columns).toMatchObject({ issued: 'jam_ambil', service: 'jenis_layanan', status: 'status' });
		expect(await c.save()).toBe('k');
		c.settings.replications = 2;
		await c.validate();
		expect(c.validation, c.validationError).toBe('done');
		const r = c.report!;
		expect(['agrees', 'differs', 'too-few']).toContain(r.verdict);
		expect(r.agencies.length).toBe(c.result!.scenario.agencies.length);
		expect(r.replications).toBe(2);
		expect(r.accuracy).toEqual({ relative: 0.1, minutes: 2 });
		expect(c.validated?.source).toBe('saved');
	});
});
