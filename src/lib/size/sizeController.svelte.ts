/**
 * The size page's controller (/size): its inputs (targets, run settings, staffing assumptions, the regency wizard's
 * answers, the growth range) and its two jobs — the sizing search and the growth curve, each in a Web Worker with
 * progress and cancel — as Svelte state. The page and its components add the markup and the translations.
 * Inputs and finished results are kept in IndexedDB (sizeMemory.ts) and come back on the next visit; a result only
 * while the scenario it sized is unchanged. A job that does not finish leaves the last result as it was.
 * Scenarios, storage, workers and messages come through SizeControllerOptions, so tests can run it without a browser.
 *
 * The page calls `noteInputs()` from an effect: it reads every input, so the effect re-runs on every change.
 */
import type { Scenario } from '../model/scenario';
import { validScenario } from '../components/planning/validScenario';
import { agencyNameIn } from '../planning/agencyNames';
import { growthLevels, type GrowthPoint } from '../planning/growth';
import { regencyScenario } from '../planning/regency';
import type { SizingProgress, SizingResult } from '../planning/size';
import { companionsOf, waitingRoomSeats, type WaitingRoomSeats } from '../planning/seats';
import { assumptionsOf, staffing, type Staffing } from '../planning/staffing';
import { newRecord, resultsIdentity } from '../stores/savedScenario';
import { growthRecord, KeepQueue, remember, sizeRecord, wizardRecord, type KeptGrowth, type KeptSizing, type SizedBasis } from './sizeMemory';
import type { JobStatus, SizeChoice, SizeControllerOptions, SizeJobs, SizeStore, Translate } from './sizeOptions';
import {
	defaultGrowthInputs,
	defaultPageInputs,
	defaultWizardInputs,
	keptWhereUntouched,
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

export type { JobStatus, SizeChoice, SizeControllerOptions, SizedBasis, SizeJobs, SizeStore, Translate };

/** The scenario to size, with what its results are valid for (`resultsIdentity`) and where it came from. */
export interface SizingBase {
	scenario: Scenario;
	identity: string;
	basis: SizedBasis;
}

/** A plain copy of state, to keep or to hand on ($state.snapshot alone may return the object itself on the server). */
const plain = <T>(x: T): T => structuredClone($state.snapshot(x) as T);
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
	/** Kept results not shown because the scenario they describe changed since (said once, until the next run). */
	dropped = $state<Array<'size' | 'growth'>>([]);
	/** The kept inputs and results are in (or there were none); before that nothing is kept. */
	restored = $state(false);

	replications = $derived(runNumbers(this.inputs).replications);
	seed = $derived(runNumbers(this.inputs).seed);
	canRun = $derived(this.status !== 'running' && this.replications !== null && this.seed !== null && targetsValid(this.inputs));
	wizardVisitors = $derived(wizardVisitors(this.wizard));
	/** Staff and cost of the shown result under the two assumptions; null while an assumption is invalid. */
	staff = $derived.by<Staffing | null>(() => {
		const assumptions = assumptionsOf(this.inputs.workWeek, this.inputs.salary);
		return this.result && assumptions ? staffing(this.result.scenario, assumptions) : null;
	});
	companionsValid = $derived(companionsOf(this.inputs.companions) !== null);
	/** Waiting-room seats of the shown result; null while the factor is invalid or the result has no day's peak. */
	seats = $derived.by<WaitingRoomSeats | null>(() => {
		const companions = companionsOf(this.inputs.companions);
		return this.result && companions !== null ? waitingRoomSeats(this.result.summary, companions) : null;
	});

	private sizing: AbortController | null = null;
	private growing: AbortController | null = null;
	/** The last finished sizing and curve: what a reload shows, and what a job that does not finish leaves shown. */
	private keptSizing: KeptSizing | null = null;
	private keptGrowth: KeptGrowth | null = null;
	private readonly keep: KeepQueue;
	/** The inputs as last kept (JSON), so only a slot that changed is written. */
	private keptTexts = { size: '', wizard: '', growth: '' };

	constructor(private readonly opts: SizeControllerOptions) {
		this.keep = new KeepQueue(opts.store, opts.keepDelayMs);
	}

	/** The agencies the wizard offers (Kota Bengkulu's), named as the regency's will be (Polres Kaur, Dukcapil Kabupaten Kaur …). */
	wizardAgencies = $derived.by<Array<{ id: string; name: string }>>(() => {
		const place = { kind: 'kabupaten' as const, name: regencyInputOf(this.wizard).name };
		return (this.opts.wizardSource?.agencies ?? []).map((a) => ({ id: a.id, name: agencyNameIn(a.id, a.name, place) }));
	});

	/** Loads the scenarios to pick from; `?sumber=wizard` (the home page's "new MPP" link) opens on the wizard. */
	async mount(search: string): Promise<void> {
		await this.restore();
		if (new URLSearchParams(search).get('sumber') === 'wizard') this.inputs.source = 'wizard';
		this.choices = await this.opts.store.scenarioChoices();
		// A kept choice of a saved scenario deleted since falls back to the default rather than naming nothing.
		if (!this.choices.some((c) => c.ref === this.inputs.ref)) this.inputs.ref = defaultPageInputs().ref;
	}

	/** Brings back the kept inputs, and the kept results that still describe their scenarios (dropping the others). */
	private async restore(): Promise<void> {
		// What the user changes while the kept record is read wins over the record (a quick click is not undone).
		const before = { inputs: plain(this.inputs), wizard: plain(this.wizard), growth: plain(this.growthInputs) };
		try {
			const r = await remember(this.opts.store, (b) => this.identityOf(b));
			Object.assign(this.inputs, keptWhereUntouched(plain(this.inputs), before.inputs, r.inputs));
			Object.assign(this.wizard, keptWhereUntouched(plain(this.wizard), before.wizard, r.wizard));
			Object.assign(this.growthInputs, keptWhereUntouched(plain(this.growthInputs), before.growth, r.growthInputs));
			// A job started meanwhile, or finished, owns what is shown.
			this.keptSizing ??= r.sizing;
			this.keptGrowth ??= r.growth;
			if (this.status === 'idle') this.showKeptSizing();
			if (this.growthStatus === 'idle') this.showKeptGrowth();
			this.dropped = r.dropped;
			if (r.dropped.includes('size')) void this.keep.now('size', () => sizeRecord(plain(this.inputs), this.keptSizing));
			if (r.dropped.includes('growth')) void this.keep.now('growth', () => growthRecord(plain(this.growthInputs), this.keptGrowth));
		} catch {
			// No IndexedDB (private mode) or an unreadable record: the page starts from its defaults.
		}
		this.keptTexts = this.inputTexts();
		this.restored = true;
	}

	/** The results identity the basis has now: null when its scenario is gone or the answers make none. */
	private async identityOf(basis: SizedBasis): Promise<string | null> {
		try {
			if (basis.source === 'wizard') return resultsIdentity(this.wizardDraft(basis.wizard));
			const opened = await this.opts.store.openScenario(basis.ref);
			return opened ? resultsIdentity(opened.json) : null;
		} catch {
			return null;
		}
	}

	private inputTexts() {
		const text = (x: unknown) => JSON.stringify(plain(x));
		return { size: text(this.inputs), wizard: text(this.wizard), growth: text(this.growthInputs) };
	}

	/** Keeps whichever inputs changed, after a moment of quiet. Reads every input (the page's effect depends on them). */
	noteInputs(): void {
		const texts = this.inputTexts();
		if (!this.restored) return;
		if (texts.size !== this.keptTexts.size) this.keep.later('size', () => sizeRecord(plain(this.inputs), this.keptSizing));
		if (texts.growth !== this.keptTexts.growth) this.keep.later('growth', () => growthRecord(plain(this.growthInputs), this.keptGrowth));
		if (texts.wizard !== this.keptTexts.wizard) this.keep.later('wizard', () => wizardRecord(plain(this.wizard), this.wizardIdentity()));
		this.keptTexts = texts;
	}

	private wizardIdentity(): string | null {
		try {
			return resultsIdentity(this.wizardDraft(plain(this.wizard)));
		} catch {
			return null;
		}
	}

	/** Stops both jobs and writes what is still to be kept (the page is going away). */
	destroy(): void {
		this.sizing?.abort();
		this.growing?.abort();
		void this.keep.flush();
	}

	/** Resolves when every write so far is done (tests, and a page that must not leave before). */
	settled(): Promise<void> {
		return this.keep.flush();
	}

	private showKeptSizing(): void {
		this.result = this.keptSizing?.sizing ?? null;
		this.sizedFrom = this.keptSizing?.sizedFrom ?? '';
	}

	private showKeptGrowth(): void {
		this.growthPoints = this.keptGrowth?.points ?? [];
		this.growthLevels = this.keptGrowth?.levels ?? [];
	}

	/** Fills the wizard with a preset's name, population and agencies. */
	applyPreset(id: string): void {
		this.wizard = withPreset(plain(this.wizard), id);
	}

	/** The scenario to size, validated; throws with a readable message. */
	async base(): Promise<SizingBase> {
		const t = this.opts.t;
		if (this.inputs.source === 'existing') {
			const ref = this.inputs.ref;
			const opened = await this.opts.store.openScenario(ref);
			if (!opened) throw new Error(t('planning.size.notFound', { ref }));
			// The identity first: it must be of the JSON as kept, as a later visit will read it.
			const identity = resultsIdentity(opened.json);
			const scenario = validScenario(opened.json, opened.name);
			if ('continuousMinutes' in scenario.calendar) throw new Error(t('planning.size.continuous'));
			return { scenario, identity, basis: { source: 'existing', ref } };
		}
		const wizard = plain(this.wizard);
		const draft = this.wizardDraft(wizard);
		const identity = resultsIdentity(draft);
		return { scenario: validScenario(draft), identity, basis: { source: 'wizard', wizard } };
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
			this.showKeptSizing();
			return;
		}
		const ctrl = new AbortController();
		this.sizing = ctrl;
		this.status = 'running';
		this.progress = null;
		try {
			const sizing = await this.opts.jobs.size(base.scenario, sizeSettings(this.inputs), { signal: ctrl.signal, onProgress: (p) => (this.progress = p) });
			this.keptSizing = { sizing, sizedFrom: base.scenario.name, basis: base.basis, identity: base.identity };
			this.dropped = this.dropped.filter((d) => d !== 'size');
			void this.keep.now('size', () => sizeRecord(plain(this.inputs), this.keptSizing));
			this.status = 'done';
		} catch (e) {
			if (this.opts.jobs.cancelled(e)) this.status = 'cancelled';
			else {
				this.status = 'error';
				this.error = message(e);
			}
		}
		this.showKeptSizing();
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
			this.showKeptGrowth();
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
		this.keepCurve(base);
	}

	/** Keeps the curve drawn (a cancelled one keeps its finished levels); with none drawn, shows the last kept one. */
	private keepCurve(base: SizingBase): void {
		if (this.growthPoints.length === 0) return this.showKeptGrowth();
		this.keptGrowth = { points: this.growthPoints, levels: this.growthLevels, basis: base.basis, identity: base.identity };
		this.dropped = this.dropped.filter((d) => d !== 'growth');
		void this.keep.now('growth', () => growthRecord(plain(this.growthInputs), this.keptGrowth));
	}

	/** Cancels the growth curve. */
	cancelGrowth(): void {
		this.growing?.abort();
	}

	/** The shown result's sized scenario as a file would hold it (with the staff note); null without a result. */
	sizedJson(): Record<string, unknown> | null {
		return this.result ? sizedJson(this.result.scenario, this.staff, this.seats) : null;
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
