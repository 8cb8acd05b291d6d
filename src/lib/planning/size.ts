/**
 * The sizing search: the fewest counters per agency that meet the targets, verified by simulation.
 *
 * 1. Start from the Erlang lower bound per agency at the peak-hour load (lowerBound.ts).
 * 2. Build a layout of dedicated counters, on duty whenever the hall is open, and simulate it.
 * 3. While some target is missed, add a counter to the agency whose worst target is furthest off (relative gap).
 * 4. Prune: try removing a counter from each agency, largest first; keep a removal when every target still
 *    holds. Passes repeat until none succeeds, so the result is minimal: removing any one counter breaks a target.
 * 5. Optionally merge small, lightly used agencies onto shared counters when the targets still hold.
 * 6. Optionally explain the result per agency: the binding target and one fewer counter (sizingExplained.ts).
 *
 * Every evaluation uses the same seed and replication indices, so the layouts are compared on the same visitors
 * (common random numbers): a step's effect is not drowned in replication noise. Evaluations are cached by layout.
 */
import type { Scenario } from '../model/scenario';
import { aggregate } from '../stats/runAccumulator';
import type { MetricJSON, Num, RunSummary } from '../stats/runSummary';
import { agencyUtilization } from './agencyUtilization';
import { checkAborted, type Evaluate } from './evaluate';
import { copyLayout, counterHoursPerDay, layoutKey, layoutScenario, totalCounters, type Layout } from './layout';
import { erlangLowerBounds, MAX_COUNTERS_PER_AGENCY } from './lowerBound';
import { explainSizing, type SizingExplanation } from './sizingExplained';
import { checkTargets, withDefaults, type AgencyCheck, type SizingTargets } from './targets';

/** Replications per evaluation unless told otherwise: enough for useful intervals, few enough to be quick. */
export const DEFAULT_SIZING_REPLICATIONS = 20;
/** Most evaluations a search may spend. */
export const DEFAULT_MAX_EVALUATIONS = 200;
// Agencies whose single counter is busier than this are not candidates for sharing.
const SHARE_CANDIDATE_UTILIZATION = 0.45;
// A shared counter is not offered more than this much work (sum of the merged counters' utilisation).
const SHARE_MAX_UTILIZATION = 0.75;

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

interface Evaluation {
	layout: Layout;
	scenario: Scenario;
	run: RunSummary;
	checks: AgencyCheck[];
	worstGap: number;
	met: boolean;
}

/** Runs the sizing search on `base` (its calendar, demand and policy; its counters are replaced). */
export async function sizeScenario(base: Scenario, evaluate: Evaluate, options: SizingOptions = {}): Promise<SizingResult> {
	const targets = withDefaults(options.targets);
	const seed = options.seed ?? base.run.seed;
	const replications = options.replications ?? DEFAULT_SIZING_REPLICATIONS;
	const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
	const deadline = options.maxSeconds === undefined ? Infinity : Date.now() + options.maxSeconds * 1000;
	let stoppedEarly: SizingResult['stoppedEarly'] = null;
	/** Whether the search may spend another evaluation (noting why not when it may not). */
	const more = (): boolean => {
		if (evaluations >= maxEvaluations) stoppedEarly = 'evaluations';
		else if (Date.now() >= deadline) stoppedEarly = 'time';
		else return true;
		return false;
	};
	const signal = options.signal;
	const agencyIds = base.agencies.map((a) => a.id);
	const cache = new Map<string, Evaluation>();
	const path: SizingStep[] = [];
	let evaluations = 0;
	let phase: SizingStep['phase'] = 'start';

	checkAborted(signal);
	const lowerBound = erlangLowerBounds(base, targets);

	/** Evaluates a layout (cached); `fresh` says whether it was simulated now. */
	const evaluateLayout = async (layout: Layout): Promise<{ ev: Evaluation; fresh: boolean }> => {
		const key = layoutKey(layout, agencyIds);
		const hit = cache.get(key);
		if (hit) return { ev: hit, fresh: false };
		checkAborted(signal);
		const scenario = layoutScenario(base, layout);
		const summaries = await evaluate(scenario, seed, replications, signal);
		evaluations++;
		const run = aggregate(scenario, summaries, seed);
		const checks = checkTargets(run, targets);
		const worstGap = Math.max(...checks.map((c) => c.worstGap));
		const ev: Evaluation = { layout: copyLayout(layout), scenario, run, checks, worstGap, met: checks.every((c) => c.met) };
		cache.set(key, ev);
		return { ev, fresh: true };
	};

	const record = (ev: Evaluation, action: SizingStep['action'], agency: string | null, accepted: boolean, agencies?: string[]) => {
		const step: SizingStep = {
			step: path.length,
			phase,
			action,
			agency,
			...(agencies ? { agencies } : {}),
			accepted,
			totalCounters: totalCounters(ev.layout),
			worstGap: ev.worstGap,
			met: ev.met
		};
		path.push(step);
		options.onProgress?.({ phase, evaluations, maxEvaluations, step });
	};

	// (a, b) The Erlang layout, raised to the floor where one is given.
	const floor = (id: string) => options.floor?.[id] ?? 0;
	const start = Object.fromEntries(agencyIds.map((id) => [id, Math.max(lowerBound[id], floor(id))]));
	let current = (await evaluateLayout({ dedicated: start, shared: [] })).ev;
	record(current, 'start', null, true);

	// (c) Grow: one counter at a time where the worst target is furthest off. A counter that does not narrow its
	// agency's gap at all is not kept, and that agency grows no more: what it misses, counters cannot fix (say,
	// second-service tickets issued during a break, waiting for it to end).
	phase = 'grow';
	const saturated = new Set<string>();
	while (!current.met && more()) {
		const candidates = current.checks
			.filter((c) => !c.met && !saturated.has(c.id) && (current.layout.dedicated[c.id] ?? 0) < MAX_COUNTERS_PER_AGENCY)
			.sort((a, b) => b.worstGap - a.worstGap || agencyIds.indexOf(a.id) - agencyIds.indexOf(b.id));
		if (candidates.length === 0) break;
		const agency = candidates[0].id;
		const next = copyLayout(current.layout);
		next.dedicated[agency] = (next.dedicated[agency] ?? 0) + 1;
		const ev = (await evaluateLayout(next)).ev;
		const gapOf = (e: Evaluation) => e.checks.find((c) => c.id === agency)!.worstGap;
		const helped = gapOf(ev) < gapOf(current);
		record(ev, 'add', agency, helped);
		if (helped) current = ev;
		else saturated.add(agency);
	}

	// (d) Prune: a layout that meets every target counters can fix. An agency whose miss counters cannot fix (say, one
	// abandonment among a handful of visitors a day) is left as it is, and does not stop the others being pruned.
	phase = 'prune';
	const stuck = (ev: Evaluation, id: string) => saturated.has(id) && !ev.checks.find((c) => c.id === id)!.met;
	const holds = (ev: Evaluation) => ev.checks.every((c) => c.met || stuck(current, c.id));
	if (holds(current)) current = await prune(current);

	// (e) Shared counters for small agencies.
	if (options.shared && current.met) {
		phase = 'share';
		current = await share(current);
	}

	const final = current;
	const explanation = options.explain
		? await explainSizing({
				agencyIds,
				layout: final.layout,
				checks: final.checks,
				targets,
				lookup: (l) => cache.get(layoutKey(l, agencyIds))?.run,
				evaluate: async (l) => (await evaluateLayout(l)).ev.run
			})
		: null;
	options.onProgress?.({ phase: 'done', evaluations, maxEvaluations, step: path[path.length - 1] ?? null });
	return result(final, explanation);

	async function prune(start: Evaluation): Promise<Evaluation> {
		let best = start;
		for (let changed = true; changed && more(); ) {
			changed = false;
			// Largest first: a big agency loses the least when one of many counters goes.
			const order = [...agencyIds].sort((a, b) => (best.layout.dedicated[b] ?? 0) - (best.layout.dedicated[a] ?? 0) || agencyIds.indexOf(a) - agencyIds.indexOf(b));
			for (const agency of order.filter((id) => !stuck(best, id))) {
				// An agency keeps at least one counter of its own unless a shared counter serves it.
				const least = Math.max(best.layout.shared.some((g) => g.includes(agency)) ? 0 : 1, floor(agency));
				while ((best.layout.dedicated[agency] ?? 0) > least && more()) {
					const next = copyLayout(best.layout);
					next.dedicated[agency]--;
					const { ev, fresh } = await evaluateLayout(next);
					if (fresh) record(ev, 'remove', agency, holds(ev));
					if (!holds(ev)) break;
					best = ev;
					changed = true;
				}
			}
		}
		return best;
	}

	async function share(start: Evaluation): Promise<Evaluation> {
		let best = start;
		// Small agencies: one counter is enough for them after pruning (the simulation's lower bound is 1, whatever
		// the Erlang bound said) and it is mostly idle.
		const utilization = agencyUtilization(best.scenario, best.run);
		const candidates = agencyIds
			.filter((a) => best.layout.dedicated[a] === 1 && (utilization.get(a) ?? 1) < SHARE_CANDIDATE_UTILIZATION)
			.sort((a, b) => (utilization.get(a) ?? 1) - (utilization.get(b) ?? 1));
		const load = (group: string[]) => group.reduce((x, a) => x + (utilization.get(a) ?? 1), 0);
		const single: string[] = [];
		for (const agency of candidates) {
			if (!more()) break;
			let placed = false;
			// Onto an existing shared counter first, then paired with another candidate left on its own.
			const placements: Array<{ group: string[]; index: number; partner?: string }> = [
				...best.layout.shared.map((group, index) => ({ group, index })),
				...single.map((partner) => ({ group: [partner], index: -1, partner }))
			];
			for (const o of placements) {
				if (load(o.group) + (utilization.get(agency) ?? 1) > SHARE_MAX_UTILIZATION) continue;
				const next = copyLayout(best.layout);
				next.dedicated[agency] = 0;
				const group = [...o.group, agency];
				if (o.partner !== undefined) {
					next.dedicated[o.partner] = 0;
					next.shared.push(group);
				} else next.shared[o.index] = group;
				const { ev, fresh } = await evaluateLayout(next);
				if (fresh) record(ev, 'share', agency, ev.met, group);
				if (!ev.met) continue;
				best = ev;
				placed = true;
				if (o.partner !== undefined) single.splice(single.indexOf(o.partner), 1);
				break;
			}
			if (!placed) single.push(agency);
		}
		return best;
	}

	function result(ev: Evaluation, explanation: SizingExplanation | null): SizingResult {
		const utilization = agencyUtilization(ev.scenario, ev.run, true);
		const achieved: Record<string, AgencyAchieved> = {};
		for (const check of ev.checks) {
			const a = ev.run.agencies.find((x) => x.id === check.id)!;
			achieved[check.id] = {
				name: a.name,
				counters: ev.layout.dedicated[check.id] ?? 0,
				sharedCounters: ev.layout.shared.filter((g) => g.includes(check.id)).length,
				lowerBound: lowerBound[check.id],
				waitMean: a.waitMean,
				waitP90: a.waitP90,
				abandonRate: a.abandonRate,
				serviceLevel: a.serviceLevel,
				utilization: utilization.get(check.id) ?? null,
				worstGap: check.worstGap,
				met: check.met
			};
		}
		const counters: Record<string, number> = {};
		for (const id of agencyIds) counters[id] = ev.layout.dedicated[id] ?? 0;
		return {
			counters,
			totalCounters: totalCounters(ev.layout),
			achieved,
			path,
			countersDoNotHelp: agencyIds.filter((a) => saturated.has(a) && !ev.checks.find((c) => c.id === a)!.met),
			shared: ev.layout.shared,
			counterHoursPerDay: counterHoursPerDay(ev.scenario),
			met: ev.met,
			stoppedEarly,
			targets,
			seed,
			replications,
			evaluations,
			lowerBound,
			scenario: ev.scenario,
			summary: ev.run,
			explanation
		};
	}
}
