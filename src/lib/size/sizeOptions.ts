/** What the size page's controller is given (scenarios, storage, the jobs, translations) and its job status. */
import type { Scenario } from '../model/scenario';
import type { GrowthPoint } from '../planning/growth';
import type { SizingProgress, SizingResult } from '../planning/size';
import type { SavedScenario } from '../stores/savedScenario';
import type { SizeSettings } from '../workers/sizeProtocol';
import type { PlanningStore } from './sizeMemory';

/** Where a job (the sizing search, the growth curve) stands. */
export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A translation: the message of `key` with `values` filled in, in the reader's language. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A scenario a page can pick (as scenarioStore's scenarioChoices gives them). */
export interface SizeChoice {
	ref: string;
	name: string;
}

/** Where the controller finds scenarios, saves the sized one and keeps the page's inputs and results. */
export interface SizeStore extends PlanningStore {
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

/** The controller's surroundings; tests pass in-memory ones. */
export interface SizeControllerOptions {
	store: SizeStore;
	jobs: SizeJobs;
	t: Translate;
	/** The scenario the wizard builds from (Kota Bengkulu's), or null when it cannot be read. */
	wizardSource: Scenario | null;
	/** Milliseconds of quiet before typed inputs are kept (default 250). */
	keepDelayMs?: number;
}
