/**
 * The calibrate page's controller (/calibrate): a ticket log opened (dropped, chosen or the sample), its columns
 * found and changed, the log read and fitted by a job (a Web Worker in the browser) with progress and cancel,
 * the calibrated scenario saved, and the validation of a scenario against the log. State is Svelte state for the
 * page to show; jobs, storage and the sample are passed in, so a test runs it in Node without a browser.
 * Every job is numbered: the result of a job replaced or cancelled meanwhile is dropped.
 */
import type { CalibrationResult } from '../calibrate/calibration';
import { detectColumns } from '../calibrate/logColumns';
import type { ColumnMap, LogField } from '../calibrate/logRecord';
import { formatScenarioError } from '../model/errors';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/scenario';
import type { ValidationResult } from '../replay/validation';
import { JobCancelled, type CalibrateJob, type JobHooks, type JobProgress, type LogSource, type ValidateJob } from '../workers/calibrateProtocol';
import { logHead, sniffHeader } from './logHeader';
import { mappingProblems, type MappingProblem } from './mappingProblems';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The two jobs (in a Web Worker on the page, in process in tests). */
export interface CalibrateJobs {
	calibrate(job: CalibrateJob, hooks: JobHooks): Promise<CalibrationResult>;
	validate(job: ValidateJob, hooks: JobHooks): Promise<ValidationResult>;
}

/** Where a calibrated scenario is saved (IndexedDB on the page). */
export interface CalibrateStore {
	/** Saves the scenario JSON as a new saved scenario and returns its key. */
	save(name: string, json: Record<string, unknown>): Promise<string>;
	/** The saved scenario JSON under a key (it may have been edited since), or undefined. */
	open(key: string): Promise<unknown>;
}

/** A log the page holds. */
export interface LogFile {
	name: string;
	input: LogSource;
}

export interface CalibrateControllerOptions {
	jobs: CalibrateJobs;
	store: CalibrateStore;
	/** Fetches the synthetic sample log shipped with the app. */
	sample: () => Promise<LogFile>;
	/** The seed of the fits' bootstrap (default 1). */
	seed?: number;
	/** Bootstrap replicates per fit (the library's default when absent). */
	bootstrap?: number;
}

/** The validation's settings, as the page shows them (accuracy: percent and minutes). */
export interface ValidationSettings {
	replications: number;
	seed: number;
	relativePercent: number;
	minutes: number;
}

/** The settings' defaults: the accuracy the issue names (mean wait within 10% or 2 minutes). */
export const DEFAULT_VALIDATION: ValidationSettings = { replications: 10, seed: 1, relativePercent: 10, minutes: 2 };

/** Which scenario a validation compared with the log. */
export type ValidatedSource = 'calibrated' | 'saved' | 'other';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class CalibrateController {
	log = $state.raw<LogFile | null>(null);
	/** The log's header row and delimiter (from its first lines). */
	header = $state.raw<string[]>([]);
	delimiter = $state(',');
	/** Columns the analyst chose ('' : the field is not in the log); the others are found by name. */
	chosen = $state.raw<ColumnMap>({});
	/** The column of each field, as found with the analyst's choices. */
	columns = $state.raw<ColumnMap>({});
	/** Why the log cannot be read as mapped (no issued time, no service, …), as the page says it. */
	problems = $state.raw<MappingProblem[]>([]);
	status = $state<JobStatus>('idle');
	progress = $state.raw<JobProgress | null>(null);
	error = $state('');
	result = $state.raw<CalibrationResult | null>(null);
	/** The service whose fit is shown (an index into result.fits). */
	service = $state(0);
	savedKey = $state<string | null>(null);
	saveError = $state('');
	settings = $state<ValidationSettings>({ ...DEFAULT_VALIDATION });
	validation = $state<JobStatus>('idle');
	validationProgress = $state.raw<JobProgress | null>(null);
	validationError = $state('');
	report = $state.raw<ValidationResult | null>(null);
	/** The layout to validate: '' for the calibrated scenario (its saved version once saved), else a scenario's reference. */
	layout = $state('');
	/** The scenario the report compares: its name, and whether it was the calibrated one, its saved version or another. */
	validated = $state.raw<{ name: string; source: ValidatedSource } | null>(null);

	private job = 0;
	private abort: AbortController | null = null;
	private validationJob = 0;
	private validationAbort: AbortController | null = null;

	constructor(private readonly opts: CalibrateControllerOptions) {}

	/** The map handed to the reader: the analyst's choices, '' for a field the log does not have (detectColumns' rule). */
	get map(): ColumnMap {
		return { ...this.chosen };
	}

	/** Opens a log: reads its header, finds its columns and calibrates. */
	async open(file: LogFile): Promise<void> {
		this.cancel();
		this.cancelValidation();
		this.log = file;
		this.chosen = {};
		this.result = null;
		this.report = null;
		this.validated = null;
		this.savedKey = null;
		this.saveError = '';
		this.validation = 'idle';
		this.error = '';
		try {
			const head = sniffHeader(await logHead(file.input));
			if (this.log !== file) return;
			this.header = head.header;
			this.delimiter = head.delimiter;
		} catch (e) {
			this.header = [];
			this.status = 'error';
			this.error = message(e);
			return;
		}
		await this.calibrate();
	}

	/** Opens the sample log shipped with the app. */
	async openSample(): Promise<void> {
		this.cancel();
		// Fetching the sample is a job of its own: a cancel meanwhile (or another log opened) drops it.
		const job = ++this.job;
		this.abort = new AbortController();
		this.status = 'running';
		this.progress = null;
		this.error = '';
		let file: LogFile;
		try {
			file = await this.opts.sample();
		} catch (e) {
			if (job !== this.job) return;
			this.abort = null;
			this.status = 'error';
			this.error = message(e);
			return;
		}
		if (job !== this.job) return;
		this.abort = null;
		await this.open(file);
	}

	/** Sets the column a field is read from ('' : none, null : found by its name) and reads the log again. */
	async setColumn(field: LogField, column: string | null): Promise<void> {
		const chosen = { ...this.chosen };
		if (column === null) delete chosen[field];
		else chosen[field] = column;
		this.chosen = chosen;
		await this.calibrate();
	}

	/** The mapping as found with the analyst's choices (fields set to none left out). */
	private detect(): boolean {
		const found = detectColumns(this.header, this.map);
		this.columns = found.columns;
		this.problems = mappingProblems(found.columns, this.chosen, found.problems);
		return found.problems.length === 0;
	}

	/** Reads and fits the open log with the current mapping. Resolves when done, failed or cancelled. */
	async calibrate(): Promise<void> {
		const file = this.log;
		if (!file) return;
		this.cancel();
		this.cancelValidation();
		const job = ++this.job;
		this.result = null;
		this.report = null;
		this.validated = null;
		this.savedKey = null;
		this.service = 0;
		this.error = '';
		this.progress = null;
		if (!this.detect()) {
			this.status = 'error';
			this.error = '';
			return;
		}
		const abort = new AbortController();
		this.abort = abort;
		this.status = 'running';
		try {
			const result = await this.opts.jobs.calibrate(
				{ input: file.input, file: file.name, map: this.map, seed: this.opts.seed ?? 1, bootstrap: this.opts.bootstrap },
				{ signal: abort.signal, onProgress: (p) => job === this.job && (this.progress = p) }
			);
			if (job !== this.job) return;
			this.result = result;
			this.settings = { ...this.settings, seed: result.scenario.run.seed };
			this.status = 'done';
		} catch (e) {
			if (job !== this.job) return;
			if (e instanceof JobCancelled) this.status = 'cancelled';
			else {
				this.status = 'error';
				this.error = message(e);
			}
		} finally {
			if (job === this.job) this.abort = null;
		}
	}

	/** Stops a calibration that is running (its result, if it comes, is dropped). */
	cancel(): void {
		if (!this.abort) return;
		const abort = this.abort;
		this.abort = null;
		this.job++;
		this.status = 'cancelled';
		abort.abort();
	}

	/** Shows the fit of service `index`. */
	selectService(index: number): void {
		if (this.result && index >= 0 && index < this.result.fits.length) this.service = index;
	}

	/** Saves the calibrated scenario; returns its key (to open it in the editor) or null when saving failed. */
	async save(): Promise<string | null> {
		if (!this.result) return null;
		this.saveError = '';
		const json = JSON.parse(JSON.stringify(this.result.scenario)) as Record<string, unknown>;
		delete json.$schema;
		try {
			const key = await this.opts.store.save(this.result.scenario.name, json);
			this.savedKey = key;
			return key;
		} catch (e) {
			this.saveError = message(e);
			return null;
		}
	}

	/**
	 * The scenario to validate: another layout when one is chosen (any saved or shipped scenario: "those days with one
	 * more counter"), else the calibrated one's saved version when there is one (edits in the editor count), else the
	 * calibrated one. Throws when the chosen one is gone or invalid.
	 */
	private async scenarioToValidate(): Promise<{ scenario: Scenario; source: ValidatedSource }> {
		const result = this.result!;
		if (this.layout !== '') {
			const json = await this.opts.store.open(this.layout);
			if (json === undefined) throw new Error(`${this.layout}: not found`);
			const parsed = parseScenario(json);
			if (!parsed.ok) throw new Error(parsed.errors.map((e) => formatScenarioError(e)).join('; '));
			return { scenario: parsed.scenario, source: 'other' };
		}
		if (this.savedKey === null) return { scenario: result.scenario, source: 'calibrated' };
		const json = await this.opts.store.open(this.savedKey).catch(() => undefined);
		const parsed = json === undefined ? null : parseScenario(json);
		return parsed?.ok ? { scenario: parsed.scenario, source: 'saved' } : { scenario: result.scenario, source: 'calibrated' };
	}

	/** True when the validation's settings can run (whole replications 1–1000, accuracy ≥ 0). */
	get settingsValid(): boolean {
		const s = this.settings;
		return Number.isInteger(s.replications) && s.replications >= 1 && s.replications <= 1000 && Number.isInteger(s.seed) && s.seed >= 0 && s.relativePercent >= 0 && s.minutes >= 0;
	}

	/** Validates the scenario against the log with the current settings. */
	async validate(): Promise<void> {
		const file = this.log;
		if (!file || !this.result || !this.settingsValid) return;
		this.cancelValidation();
		const job = ++this.validationJob;
		const abort = new AbortController();
		this.validationAbort = abort;
		this.validation = 'running';
		this.validationProgress = null;
		this.validationError = '';
		this.report = null;
		try {
			const { scenario, source } = await this.scenarioToValidate();
			const s = this.settings;
			const report = await this.opts.jobs.validate(
				{ input: file.input, file: file.name, map: this.map, scenario, options: { replications: s.replications, seed: s.seed, accuracy: { relative: s.relativePercent / 100, minutes: s.minutes } } },
				{ signal: abort.signal, onProgress: (p) => job === this.validationJob && (this.validationProgress = p) }
			);
			if (job !== this.validationJob) return;
			this.report = report;
			this.validated = { name: scenario.name, source };
			this.validation = 'done';
		} catch (e) {
			if (job !== this.validationJob) return;
			if (e instanceof JobCancelled) this.validation = 'cancelled';
			else {
				this.validation = 'error';
				this.validationError = message(e);
			}
		} finally {
			if (job === this.validationJob) this.validationAbort = null;
		}
	}

	/** Stops a validation that is running. */
	cancelValidation(): void {
		if (!this.validationAbort) return;
		const abort = this.validationAbort;
		this.validationAbort = null;
		this.validationJob++;
		this.validation = 'cancelled';
		abort.abort();
	}

	/** Stops every job (the page going away for good). */
	dispose(): void {
		this.cancel();
		this.cancelValidation();
	}
}
