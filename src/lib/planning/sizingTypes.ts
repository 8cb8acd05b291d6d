/** The sizing search's settings, progress and result: what callers of `sizeScenario` (size.ts) see. */
import type { Scenario } from '../model/scenario';
import type { MetricJSON, Num, RunSummary } from '../stats/runSummary';
import type { SizingExplanation } from './sizingExplained';
import type { SizingTargets } from './targets';

/** Replications per evaluation unless told otherwise: enough for useful intervals, few enough to be quick. */
export const DEFAULT_SIZING_REPLICATIONS = 20;
/** Most evaluations a search may spend. */
export const DEFAULT_MAX_EVALUATIONS = 200;

/** What the search did at one step (for the path chart). */
export interface SizingStep {
	step: number;
	phase: 'start' | 'grow' | 'prune' | 'share';
	/** start: the Erlang layout; add: one more counter; remove: one fewer; share: agencies merged onto one counter. */
	action: 'start' | 'add' | 'remove' | 'share';
	/** The agency acted on (null at the start); for share, the agencies of the shared counter. */
	agency: string | null;
	agencies?: string[];
	/**
	 * Whether the search kept the step: an addition only if it narrowed its agency's gap, a removal or share only if
	 * every target still holds.
	 */
	accepted: boolean;
	totalCounters: number;
	/** The largest relative gap of any agency in the evaluated layout (≤ 0: every target met). */
	worstGap: number;
	met: boolean;
}

/** Progress of a search. */
export interface SizingProgress {
	phase: SizingStep['phase'] | 'done';
	evaluations: number;
	maxEvaluations: number;
	step: SizingStep | null;
}

/** Options of a search. */
export interface SizingOptions {
	targets?: Partial<SizingTargets>;
	/** Seed of every evaluation (default: the scenario's run.seed). */
	seed?: number;
	replications?: number;
	/** Allow shared counters for small agencies. */
	shared?: boolean;
	/** Counters per agency the search starts at and never prunes below (say, a lower demand's layout). */
	floor?: Readonly<Record<string, number>>;
	/** Explain the result (sizingExplained.ts): may simulate a one-fewer layout per agency past maxEvaluations/maxSeconds. */
	explain?: boolean;
	maxEvaluations?: number;
	/** Wall-clock seconds the search may take: past them it stops with the best layout so far (default: no limit). */
	maxSeconds?: number;
	onProgress?: (p: SizingProgress) => void;
	signal?: AbortSignal;
}

/** What one agency achieves in the sized layout. */
export interface AgencyAchieved {
	name: string;
	/** Counters dedicated to the agency. */
	counters: number;
	/** Shared counters that also serve it. */
	sharedCounters: number;
	/** Erlang lower bound the search started from. */
	lowerBound: number;
	waitMean: MetricJSON;
	waitP90: MetricJSON;
	abandonRate: MetricJSON;
	serviceLevel: MetricJSON;
	/** Mean utilisation of the counters serving the agency (dedicated and shared). */
	utilization: Num;
	worstGap: number;
	met: boolean;
}

/** The result of a search (JSON-ready). */
export interface SizingResult {
	/** Dedicated counters per agency id. */
	counters: Record<string, number>;
	totalCounters: number;
	/** Per agency id: what the sized layout achieves (metrics with 95% intervals). */
	achieved: Record<string, AgencyAchieved>;
	path: SizingStep[];
	/** Agencies whose targets one more counter did not bring closer: what they miss, counters cannot fix. */
	countersDoNotHelp: string[];
	/** Shared counters (each lists the agencies it serves). */
	shared: string[][];
	counterHoursPerDay: number;
	/** True when every target is met (false: the search ran out of evaluations, time or counters). */
	met: boolean;
	/** Why the search stopped before it was done: its evaluations or its time ran out (null: it finished). */
	stoppedEarly: 'evaluations' | 'time' | null;
	targets: SizingTargets;
	seed: number;
	replications: number;
	evaluations: number;
	lowerBound: Record<string, number>;
	/** The sized scenario: valid, ready to run, compare or export. */
	scenario: Scenario;
	/** The sized layout's results over the search's replications. */
	summary: RunSummary;
	/** Per agency, the binding target and one fewer counter's figures (null unless asked for). */
	explanation: SizingExplanation | null;
}
