/**
 * The size page's controller (/size): its inputs (targets, run settings, staffing assumptions, the regency wizard's
 * answers, the growth range) and its two jobs — the sizing search and the growth curve, each in a Web Worker with
 * progress and cancel — as Svelte state. The page and its components add the markup and the translations.
 * Scenarios, workers and messages come through SizeControllerOptions, so tests can run it without a browser.
 */
import type { Scenario } from '../model/scenario';
import { validScenario } from '../components/planning/validScenario';
import { growthLevels, type GrowthPoint } from '../planning/growth';
import { regencyScenario } from '../planning/regency';
import type { SizingProgress, SizingResult } from '../planning/size';
import { assumptionsOf, staffing, type Staffing } from '../planning/staffing';
import { newRecord, resultsIdentity, type SavedScenario } from '../stores/savedScenario';
import type { SizeSettings } from '../workers/sizeProtocol';
import {
	defaultGrowthInputs,
	defaultPageInputs,
	defaultWizardInputs,
	regencyInputOf,
	runNumbers,
	sizedJson,
	sizeSettings,
	targetsValid,
	wizardVisitors,
	withPreset,
	type GrowthInputs,
	type SizePageInputs,
	type WizardInputs
} from './sizeInputs';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A translation: the message of `key` with `values` filled in, in the reader's language. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A scenario a page can pick (as scenarioStore's scenarioChoices gives them). */
export interface SizeChoice {
	ref: string;
	name: string;
}

/** Where the controller finds scenarios and saves the sized one. */
export interface SizeStore {
	scenarioChoices(): Promise<SizeChoice[]>;
	openScenario(ref: string): Promise<{ json: unknown; name: string } | undefined>;
	putSaved(rec: SavedScenario): Promise<void>;
}

/** The sizing and growth jobs (sizeClient's Web Workers in the browser). */
export interface SizeJobs {
	size(scenario: Scenario, settings: SizeSettings, opts: { signal: AbortSignal; onProgress: (p: SizingProgress) => void }): Promise<SizingResult>;
	growth(scenario: Scenario, settings: SizeSettings, levels: number[], opts: { signal: AbortSignal; onPoint: (p: GrowthPoint) => void }): Promise<GrowthPoint[]>;
	/** Whether an error is the job's cancellation rather than a failure. */
	cancelled(e: unknown): boolean;
}

export interface SizeControllerOptions {
	store: SizeStore;
	jobs: SizeJobs;
	t: Translate;
	/** The scenario the wizard builds from (Kota Bengkulu's), or null when it cannot be read. */
	wizardSource: Scenario | null;
}

/** What was sized: a shipped or saved scenario by reference, or the wizard's answers. */
export type SizedBasis = { source: 'existing'; ref: string } | { source: 'wizard'; wizard: WizardInputs };

/** The scenario to size, with what its results are valid for (`resultsIdentity`) and where it came from. */
export interface SizingBase {
	scenario: Scenario;
	identity: string;
	basis: SizedBasis;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class SizeController {
	choices = $state.raw<SizeChoice[]>([]);
	inputs = $state<SizePageInputs>(defaultPageInputs());
	wizard = $state<WizardInputs>(defaultWizardInputs());
	growthInputs = $state<GrowthInputs>(defaultGrowthInputs());

	status = $state<JobStatus>('idle');
	progress = $state.raw<SizingProgress | null>(null);
	error = $state('');
	result = $state.raw<SizingResult | null>(null);
	/** The name of the scenario the shown result sized. */
	sizedFrom = $state('');
	saveMessage = $state('');

	growthStatus = $state<JobStatus>('idle');
	growthPoints = $state.raw<GrowthPoint[]>([]);
	growthLevels = $state.raw<number[]>([]);
	growthError = $state('');

	replications = $derived(runNumbers(this.inputs).replications);
	seed = $derived(runNumbers(this.inputs).seed);
	canRun = $derived(this.status !== 'running' && this.replications !== null && this.seed !== null && targetsValid(this.inputs));
	wizardVisitors = $derived(wizardVisitors(this.wizard));
	/** Staff and cost of the shown result under the two assumptions; null while an assumption is invalid. */
	staff = $derived.by<Staffing | null>(() => {
		const assumptions = assumptionsOf(this.inputs.workWeek, this.inputs.salary);
		return this.result && assumptions ? staffing(this.result.scenario, assumptions) : null;
	});

	private sizing: AbortController | null = null;
	private growing: AbortController | null = null;

	constructor(private readonly opts: SizeControllerOptions) {}

	/** The agencies the wizard offers (Kota Bengkulu's). */
	get wizardAgencies(): Array<{ id: string; name: string }> {
		return this.opts.wizardSource?.agencies ?? [];
	}

	/** Loads the scenarios to pick from; `?sumber=wizard` (the home page's "new MPP" link) opens on the wizard. */
	async mount(search: string): Promise<void> {
		if (new URLSearchParams(search).get('sumber') === 'wizard') this.inputs.source = 'wizard';
		this.choices = await this.opts.store.scenarioChoices();
	}

	/** Stops both jobs (the page is going away). */
	destroy(): void {
		this.sizing?.abort();
		this.growing?.abort();
	}

	/** Fills the wizard with a preset's name, population and agencies. */
	applyPreset(id: string): void {
		this.wizard = withPreset($state.snapshot(this.wizard), id);
	}

	/** The scenario to size, validated; throws with a readable message. */
	async base(): Promise<SizingBase> {
		const t = this.opts.t;
		if (this.inputs.source === 'existing') {
			const ref = this.inputs.ref;
			const opened = await this.opts.store.openScenario(ref);
			if (!opened) throw new Error(t('planning.size.notFound', { ref }));
			const scenario = validScenario(opened.json, opened.name);
			if ('continuousMinutes' in scenario.calendar) throw new Error(t('planning.size.continuous'));
			return { scenario, identity: resultsIdentity(opened.json), basis: { source: 'existing', ref } };
		}
		const wizard = $state.snapshot(this.wizard);
		const draft = this.wizardDraft(wizard);
		return { scenario: validScenario(draft), identity: resultsIdentity(draft), basis: { source: 'wizard', wizard } };
	}

	/** The wizard's base scenario before validation; throws when the answers cannot make one. */
	wizardDraft(wizard: WizardInputs): Scenario {
		if (!this.opts.wizardSource) throw new Error(this.opts.t('planning.size.noSource'));
		return regencyScenario(this.opts.wizardSource, regencyInputOf(wizard));
	}

	/** Runs the sizing search; the last result is hidden while it runs. */
	async run(): Promise<void> {
		if (!this.canRun) return;
		this.error = '';
		this.saveMessage = '';
		this.result = null;
		let base: SizingBase;
		try {
			base = await this.base();
		} catch (e) {
			this.status = 'error';
			this.error = message(e);
			return;
		}
		const ctrl = new AbortController();
		this.sizing = ctrl;
		this.status = 'running';
		this.progress = null;
		try {
			this.result = await this.opts.jobs.size(base.scenario, sizeSettings(this.inputs), { signal: ctrl.signal, onProgress: (p) => (this.progress = p) });
			this.sizedFrom = base.scenario.name;
			this.status = 'done';
		} catch (e) {
			if (this.opts.jobs.cancelled(e)) this.status = 'cancelled';
			else {
				this.status = 'error';
				this.error = message(e);
			}
		}
	}

	/** Cancels the sizing search. */
	cancel(): void {
		this.sizing?.abort();
	}

	/** Sizes the base scenario at each visitors-per-day level of the growth range; the chart fills in as points arrive. */
	async runGrowth(): Promise<void> {
		this.growthError = '';
		let levels: number[];
		let base: SizingBase;
		try {
			const g = this.growthInputs;
			levels = growthLevels(g.from ?? NaN, g.to ?? NaN, g.step ?? NaN);
			if (levels.length > 30) throw new Error(this.opts.t('planning.size.growthTooMany'));
			base = await this.base();
		} catch (e) {
			this.growthStatus = 'error';
			this.growthError = message(e);
			return;
		}
		const ctrl = new AbortController();
		this.growing = ctrl;
		this.growthStatus = 'running';
		this.growthPoints = [];
		this.growthLevels = levels;
		try {
			await this.opts.jobs.growth(base.scenario, sizeSettings(this.inputs), levels, {
				signal: ctrl.signal,
				onPoint: (p) => (this.growthPoints = [...this.growthPoints, p])
			});
			this.growthStatus = 'done';
		} catch (e) {
			if (this.opts.jobs.cancelled(e)) this.growthStatus = 'cancelled';
			else {
				this.growthStatus = 'error';
				this.growthError = message(e);
			}
		}
	}

	/** Cancels the growth curve. */
	cancelGrowth(): void {
		this.growing?.abort();
	}

	/** The shown result's sized scenario as a file would hold it (with the staff note); null without a result. */
	sizedJson(): Record<string, unknown> | null {
		return this.result ? sizedJson(this.result.scenario, this.staff) : null;
	}

	/** Saves the sized scenario as a new saved scenario; its key, or null (with `saveMessage` set) when that failed. */
	async saveSized(): Promise<string | null> {
		const json = this.sizedJson();
		if (!this.result || !json) return null;
		this.saveMessage = '';
		const rec = newRecord(this.result.scenario.name, json, 'new');
		try {
			await this.opts.store.putSaved(rec);
			return rec.key;
		} catch (e) {
			this.saveMessage = this.opts.t('planning.size.saveFailed', { message: message(e) });
			return null;
		}
	}
}
