// The calibrate page's controller without a browser: jobs and storage in memory, so each test says exactly what a
// job returns and when. (Tests run Svelte's server build: state is plain fields, read right after each call.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalibrationResult } from '../../src/lib/calibrate/calibration';
import { CalibrateController, type CalibrateJobs, type LogFile } from '../../src/lib/calibratePage/calibrateController.svelte';
import { mappingProblems } from '../../src/lib/calibratePage/mappingProblems';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';
import type { ValidationResult } from '../../src/lib/replay/validation';
import { JobCancelled, type CalibrateJob, type JobHooks, type ValidateJob } from '../../src/lib/workers/calibrateProtocol';

const lebongJson = JSON.parse(readFileSync('scenarios/lebong.json', 'utf8')) as Record<string, unknown>;
const parsed = parseScenario(lebongJson);
if (!parsed.ok) throw new Error('scenarios/lebong.json is invalid');
const lebong: Scenario = parsed.scenario;

const HEADER = 'tanggal;no_antrian;instansi;jenis_layanan;no_loket;jam_ambil;jam_panggil;jam_selesai;status';
const LOG: LogFile = { name: 'log.csv', input: `${HEADER}\n2026-03-02;A-001;Dukcapil;KTP;L01;08:00;08:05;08:15;selesai\n` };

/** A calibration result as far as the controller reads it. */
function fakeResult(scenario: Scenario = lebong): CalibrationResult {
	return {
		scenario: { ...scenario, $schema: 'x' } as Scenario,
		report: { file: 'log.csv', delimiter: ';', header: HEADER.split(';'), columns: { issued: 'jam_ambil', service: 'jenis_layanan' }, rowsRead: 1, rowsUsed: 1, rejected: [], firstDate: '2026-03-02', lastDate: '2026-03-02', days: 1, emptyDays: [], notes: [], noteCodes: [] },
		fits: [{}, {}, {}]
	} as unknown as CalibrationResult;
}

const fakeReport = { ok: true, verdict: 'agrees' } as unknown as ValidationResult;

/** Jobs that wait until the test settles them, keeping what they were asked. */
function manualJobs() {
	const calls: Array<{ job: CalibrateJob; hooks: JobHooks; resolve: (r: CalibrationResult) => void; reject: (e: Error) => void }> = [];
	const validations: Array<{ job: ValidateJob; hooks: JobHooks; resolve: (r: ValidationResult) => void }> = [];
	const jobs: CalibrateJobs = {
		calibrate: (job, hooks) =>
			new Promise((resolve, reject) => {
				hooks.signal?.addEventListener('abort', () => reject(new JobCancelled()));
				calls.push({ job, hooks, resolve, reject });
			}),
		validate: (job, hooks) =>
			new Promise((resolve, reject) => {
				hooks.signal?.addEventListener('abort', () => reject(new JobCancelled()));
				validations.push({ job, hooks, resolve });
			})
	};
	return { jobs, calls, validations };
}

/** Jobs that answer at once. */
function instantJobs(result = fakeResult()): CalibrateJobs & { asked: CalibrateJob[]; validated: ValidateJob[] } {
	const asked: CalibrateJob[] = [];
	const validated: ValidateJob[] = [];
	return {
		asked,
		validated,
		calibrate: async (job) => (asked.push(job), result),
		validate: async (job) => (validated.push(job), fakeReport)
	};
}

function memoryStore() {
	const saved = new Map<string, unknown>();
	let n = 0;
	return {
		saved,
		failSaves: false,
		async save(name: string, json: Record<string, unknown>) {
			if (this.failSaves) throw new Error('disk full');
			const key = `k${++n}`;
			saved.set(key, structuredClone(json));
			return key;
		},
		async open(key: string) {
			return structuredClone(saved.get(key));
		}
	};
}

function controller(jobs: CalibrateJobs, store = memoryStore()) {
	return new CalibrateController({ jobs, store, sample: async () => LOG });
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('CalibrateController: opening a log', () => {
	it('reads the header, finds the columns by name and calibrates with no map', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open(LOG);
		expect(c.header).toEqual(HEADER.split(';'));
		expect(c.delimiter).toBe(';');
		expect(c.columns).toMatchObject({ date: 'tanggal', ticket: 'no_antrian', agency: 'instansi', service: 'jenis_layanan', issued: 'jam_ambil', status: 'status' });
		expect(c.problems).toEqual([]);
		expect(jobs.asked).toHaveLength(1);
		expect(jobs.asked[0]).toMatchObject({ file: 'log.csv', map: {}, seed: 1 });
		expect(c.status).toBe('done');
		expect(c.result).not.toBeNull();
	});

	it('opens the sample through the function it was given', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.openSample();
		expect(c.log?.name).toBe('log.csv');
		expect(c.status).toBe('done');
	});

	it('a header without an issued-time column is an error naming it, and no job runs', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open({ name: 'bad.csv', input: 'tanggal,layanan,loket\n2026-03-02,KTP,L01\n' });
		expect(c.status).toBe('error');
		expect(c.problems).toEqual([{ kind: 'missing', field: 'issued' }]);
		expect(jobs.asked).toHaveLength(0);
	});

	it('a failed job shows its message', async () => {
		const c = controller({ ...instantJobs(), calibrate: async () => Promise.reject(new Error('line 7: bad time')) });
		await c.open(LOG);
		expect(c.status).toBe('error');
		expect(c.error).toBe('line 7: bad time');
		expect(c.result).toBeNull();
	});
});

describe('CalibrateController: the column mapping', () => {
	it('choosing a column reads the log again with it; "" says the log has no such column', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open(LOG);
		await c.setColumn('status', '');
		expect(jobs.asked).toHaveLength(2);
		expect(jobs.asked[1].map).toEqual({ status: '' });
		expect(c.columns.status).toBeUndefined();
		await c.setColumn('counter', 'no_antrian');
		expect(jobs.asked[2].map).toEqual({ status: '', counter: 'no_antrian' });
		// The ticket column is now the counter's: it is not read twice.
		expect(c.columns.counter).toBe('no_antrian');
		expect(c.columns.ticket).toBeUndefined();
		await c.setColumn('counter', null);
		expect(jobs.asked[3].map).toEqual({ status: '' });
		expect(c.columns.counter).toBe('no_loket');
	});

	it('unmapping the service column is a problem, shown without running a job', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open(LOG);
		await c.setColumn('service', '');
		expect(c.status).toBe('error');
		expect(c.problems).toEqual([{ kind: 'missing', field: 'service' }]);
		expect(jobs.asked).toHaveLength(1);
	});
});

describe('mappingProblems', () => {
	it('names a column chosen for two fields, and a required field left without one', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open(LOG);
		await c.setColumn('date', 'tanggal');
		await c.setColumn('weekday', 'tanggal');
		expect(c.status).toBe('error');
		expect(c.problems).toEqual([{ kind: 'taken', field: 'weekday', column: 'tanggal' }]);
		await c.setColumn('weekday', null);
		expect(c.problems).toEqual([]);
		expect(c.status).toBe('done');
	});

	it('falls back to the reader’s words when its problems are of another kind, and has none when it has none', () => {
		expect(mappingProblems({ issued: 'a', service: 'b' }, {}, ['something else'])).toEqual([{ kind: 'other', text: 'something else' }]);
		expect(mappingProblems({}, {}, [])).toEqual([]);
		expect(mappingProblems({ service: 'b' }, { issued: '' }, ['no column for the issue time'])).toEqual([{ kind: 'missing', field: 'issued' }]);
	});
});

describe('CalibrateController: progress, cancel and superseded jobs', () => {
	it('shows progress, and a cancel ends the job as cancelled with no result', async () => {
		const m = manualJobs();
		const c = controller(m.jobs);
		const done = c.open(LOG);
		await settle();
		expect(c.status).toBe('running');
		m.calls[0].hooks.onProgress?.({ phase: 'read', done: 10, total: 100 });
		expect(c.progress).toEqual({ phase: 'read', done: 10, total: 100 });
		c.cancel();
		await done;
		expect(c.status).toBe('cancelled');
		expect(m.calls[0].hooks.signal?.aborted).toBe(true);
		// A result arriving after the cancel is dropped.
		m.calls[0].resolve(fakeResult());
		await settle();
		expect(c.result).toBeNull();
		expect(c.status).toBe('cancelled');
	});

	it('a new mapping while a job runs replaces it: only the newer result and progress count', async () => {
		const m = manualJobs();
		const c = controller(m.jobs);
		const first = c.open(LOG);
		await settle();
		const second = c.setColumn('status', '');
		await settle();
		expect(m.calls).toHaveLength(2);
		expect(m.calls[0].hooks.signal?.aborted).toBe(true);
		m.calls[0].hooks.onProgress?.({ phase: 'fit', done: 1, total: 2 });
		expect(c.progress).toBeNull();
		const newer = fakeResult();
		m.calls[1].resolve(newer);
		await Promise.all([first, second]);
		expect(c.result).toBe(newer);
		expect(c.status).toBe('done');
	});
});

describe('CalibrateController: saving and validating', () => {
	it('saves the calibrated scenario without $schema and returns its key', async () => {
		const store = memoryStore();
		const c = controller(instantJobs(), store);
		await c.open(LOG);
		const key = await c.save();
		expect(key).toBe('k1');
		expect(c.savedKey).toBe('k1');
		const json = store.saved.get('k1') as Record<string, unknown>;
		expect(json.$schema).toBeUndefined();
		expect(json.name).toBe(lebong.name);
	});

	it('a failed save says why and keeps no key', async () => {
		const store = memoryStore();
		store.failSaves = true;
		const c = controller(instantJobs(), store);
		await c.open(LOG);
		expect(await c.save()).toBeNull();
		expect(c.saveError).toBe('disk full');
		expect(c.savedKey).toBeNull();
	});

	it('validates the calibrated scenario with the settings, accuracy as a fraction', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open(LOG);
		// The seed defaults to the calibrated scenario's.
		expect(c.settings.seed).toBe(lebong.run.seed);
		c.settings.replications = 3;
		c.settings.relativePercent = 15;
		await c.validate();
		expect(jobs.validated).toHaveLength(1);
		expect(jobs.validated[0].options).toEqual({ replications: 3, seed: lebong.run.seed, accuracy: { relative: 0.15, minutes: 2 } });
		expect(jobs.validated[0].scenario.name).toBe(lebong.name);
		expect(c.validation).toBe('done');
		expect(c.report).toBe(fakeReport);
		expect(c.validated).toEqual({ name: lebong.name, source: 'calibrated' });
	});

	it('after saving, validates the saved version, edits in the editor included; an unreadable one falls back', async () => {
		const store = memoryStore();
		const jobs = instantJobs();
		const c = controller(jobs, store);
		await c.open(LOG);
		const key = (await c.save())!;
		(store.saved.get(key) as Record<string, unknown>).name = 'Edited in the editor';
		await c.validate();
		expect(jobs.validated[0].scenario.name).toBe('Edited in the editor');
		expect(c.validated).toEqual({ name: 'Edited in the editor', source: 'saved' });
		store.saved.set(key, { name: 'broken' });
		await c.validate();
		expect(jobs.validated[1].scenario.name).toBe(lebong.name);
		expect(c.validated?.source).toBe('calibrated');
	});

	it('validates another layout when one is chosen; a missing or invalid one is an error naming why', async () => {
		const store = memoryStore();
		const jobs = instantJobs();
		const c = controller(jobs, store);
		await c.open(LOG);
		store.saved.set('other', { ...structuredClone(lebongJson), name: 'One more counter' });
		c.layout = 'other';
		await c.validate();
		expect(jobs.validated[0].scenario.name).toBe('One more counter');
		expect(c.validated).toEqual({ name: 'One more counter', source: 'other' });
		c.layout = 'gone';
		await c.validate();
		expect(c.validation).toBe('error');
		expect(c.validationError).toMatch(/gone: not found/);
		store.saved.set('bad', { name: 'bad' });
		c.layout = 'bad';
		await c.validate();
		expect(c.validation).toBe('error');
		expect(c.validationError).not.toBe('');
		expect(jobs.validated).toHaveLength(1);
	});

	it('does not validate with settings out of range', async () => {
		const jobs = instantJobs();
		const c = controller(jobs);
		await c.open(LOG);
		for (const bad of [0, 1.5, 1001, NaN]) {
			c.settings.replications = bad;
			expect(c.settingsValid, String(bad)).toBe(false);
			await c.validate();
		}
		c.settings.replications = 2;
		c.settings.minutes = -1;
		expect(c.settingsValid).toBe(false);
		await c.validate();
		expect(jobs.validated).toHaveLength(0);
	});

	it('a validation can be cancelled, and calibrating again drops the report and the saved key', async () => {
		const m = manualJobs();
		const c = controller(m.jobs);
		const opened = c.open(LOG);
		await settle();
		m.calls[0].resolve(fakeResult());
		await opened;
		await c.save();
		const v = c.validate();
		await settle();
		expect(c.validation).toBe('running');
		m.validations[0].hooks.onProgress?.({ phase: 'validate', done: 1, total: 3 });
		expect(c.validationProgress).toEqual({ phase: 'validate', done: 1, total: 3 });
		c.cancelValidation();
		await v;
		expect(c.validation).toBe('cancelled');
		expect(c.report).toBeNull();

		const v2 = c.validate();
		await settle();
		m.validations[1].resolve(fakeReport);
		await v2;
		expect(c.report).toBe(fakeReport);
		const again = c.setColumn('status', '');
		await settle();
		expect(c.report).toBeNull();
		expect(c.savedKey).toBeNull();
		m.calls[1].resolve(fakeResult());
		await again;
		expect(c.status).toBe('done');
	});
});

describe('CalibrateController: the sample', () => {
	it('a cancel while the sample is being fetched drops it; a failed fetch says why', async () => {
		let deliver: (f: LogFile) => void = () => {};
		const jobs = instantJobs();
		const c = new CalibrateController({ jobs, store: memoryStore(), sample: () => new Promise((r) => (deliver = r)) });
		const opening = c.openSample();
		expect(c.status).toBe('running');
		c.cancel();
		expect(c.status).toBe('cancelled');
		deliver(LOG);
		await opening;
		expect(c.log).toBeNull();
		expect(jobs.asked).toHaveLength(0);

		const failing = new CalibrateController({ jobs, store: memoryStore(), sample: async () => Promise.reject(new Error('HTTP 404')) });
		await failing.openSample();
		expect(failing.status).toBe('error');
		expect(failing.error).toBe('HTTP 404');
	});
});
