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
import type { RunSummary } from '../stats/runSummary';
import { agencyUtilization } from './agencyUtilization';
import { checkAborted, type Evaluate } from './evaluate';
import { copyLayout, counterHoursPerDay, layoutKey, layoutScenario, totalCounters, type Layout } from './layout';
import { erlangLowerBounds, MAX_COUNTERS_PER_AGENCY } from './lowerBound';
import { explainSizing, type SizingExplanation } from './sizingExplained';
import { DEFAULT_MAX_EVALUATIONS, DEFAULT_SIZING_REPLICATIONS, type AgencyAchieved, type SizingOptions, type SizingResult, type SizingStep } from './sizingTypes';
import { checkTargets, withDefaults, type AgencyCheck, type SizingTargets } from './targets';

export * from './sizingTypes';

// Agencies whose single counter is busier than this are not candidates for sharing.
const SHARE_CANDIDATE_UTILIZATION = 0.45;
// A shared counter is not offered more than this much work (sum of the merged counters' utilisation).
const SHARE_MAX_UTILIZATION = 0.75;

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
	// Async, so a bad start (an aborted signal, an impossible target) rejects the promise rather than throwing.
	return new SizingSearch(base, evaluate, options).run();
}

/** One search: its settings, the evaluations it has cached and the path it took (steps 1–6 above). */
class SizingSearch {
	private readonly targets: SizingTargets;
	private readonly seed: number;
	private readonly replications: number;
	private readonly maxEvaluations: number;
	private readonly deadline: number;
	private readonly agencyIds: string[];
	private readonly lowerBound: Record<string, number>;
	private readonly cache = new Map<string, Evaluation>();
	private readonly path: SizingStep[] = [];
	/** Agencies one more counter did not bring closer to their targets: they grow no more. */
	private readonly saturated = new Set<string>();
	private evaluations = 0;
	private phase: SizingStep['phase'] = 'start';
	private stoppedEarly: SizingResult['stoppedEarly'] = null;
	/** The layout the search stands on (during a prune: the one the prune started from). */
	private current!: Evaluation;

	constructor(
		private readonly base: Scenario,
		private readonly evaluate: Evaluate,
		private readonly options: SizingOptions
	) {
		this.targets = withDefaults(options.targets);
		this.seed = options.seed ?? base.run.seed;
		this.replications = options.replications ?? DEFAULT_SIZING_REPLICATIONS;
		this.maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
		this.deadline = options.maxSeconds === undefined ? Infinity : Date.now() + options.maxSeconds * 1000;
		this.agencyIds = base.agencies.map((a) => a.id);
		checkAborted(options.signal);
		this.lowerBound = erlangLowerBounds(base, this.targets);
	}

	/** The search from the Erlang layout to the result (and its explanation when asked). */
	async run(): Promise<SizingResult> {
		// (a, b) The Erlang layout, raised to the floor where one is given.
		const start = Object.fromEntries(this.agencyIds.map((id) => [id, Math.max(this.lowerBound[id], this.floor(id))]));
		this.current = (await this.evaluateLayout({ dedicated: start, shared: [] })).ev;
		this.record(this.current, 'start', null, true);
		this.phase = 'grow';
		await this.grow();
		// (d) Prune: a layout that meets every target counters can fix. An agency whose miss counters cannot fix
		// (say, one abandonment among a handful of visitors a day) is left as it is, and does not stop the others.
		this.phase = 'prune';
		if (this.holds(this.current)) this.current = await this.prune(this.current);
		// (e) Shared counters for small agencies.
		if (this.options.shared && this.current.met) {
			this.phase = 'share';
			this.current = await this.share(this.current);
		}
		const final = this.current;
		const explanation = this.options.explain
			? await explainSizing({
					agencyIds: this.agencyIds,
					layout: final.layout,
					checks: final.checks,
					targets: this.targets,
					lookup: (l) => this.cache.get(layoutKey(l, this.agencyIds))?.run,
					evaluate: async (l) => (await this.evaluateLayout(l)).ev.run
				})
			: null;
		this.options.onProgress?.({ phase: 'done', evaluations: this.evaluations, maxEvaluations: this.maxEvaluations, step: this.path[this.path.length - 1] ?? null });
		return this.result(final, explanation);
	}

	private floor(id: string): number {
		return this.options.floor?.[id] ?? 0;
	}

	/** Whether the search may spend another evaluation (noting why not when it may not). */
	private more(): boolean {
		if (this.evaluations >= this.maxEvaluations) this.stoppedEarly = 'evaluations';
		else if (Date.now() >= this.deadline) this.stoppedEarly = 'time';
		else return true;
		return false;
	}

	/** Evaluates a layout (cached); `fresh` says whether it was simulated now. */
	private async evaluateLayout(layout: Layout): Promise<{ ev: Evaluation; fresh: boolean }> {
		const key = layoutKey(layout, this.agencyIds);
		const hit = this.cache.get(key);
		if (hit) return { ev: hit, fresh: false };
		checkAborted(this.options.signal);
		const scenario = layoutScenario(this.base, layout);
		const summaries = await this.evaluate(scenario, this.seed, this.replications, this.options.signal);
		this.evaluations++;
		const run = aggregate(scenario, summaries, this.seed);
		const checks = checkTargets(run, this.targets);
		const worstGap = Math.max(...checks.map((c) => c.worstGap));
		const ev: Evaluation = { layout: copyLayout(layout), scenario, run, checks, worstGap, met: checks.every((c) => c.met) };
		this.cache.set(key, ev);
		return { ev, fresh: true };
	}

	/** Adds a step to the path and reports it. */
	private record(ev: Evaluation, action: SizingStep['action'], agency: string | null, accepted: boolean, agencies?: string[]): void {
		const step: SizingStep = {
			step: this.path.length,
			phase: this.phase,
			action,
			agency,
			...(agencies ? { agencies } : {}),
			accepted,
			totalCounters: totalCounters(ev.layout),
			worstGap: ev.worstGap,
			met: ev.met
		};
		this.path.push(step);
		this.options.onProgress?.({ phase: this.phase, evaluations: this.evaluations, maxEvaluations: this.maxEvaluations, step });
	}

	/**
	 * (c) Grow: one counter at a time where the worst target is furthest off. A counter that does not narrow its
	 * agency's gap at all is not kept, and that agency grows no more: what it misses, counters cannot fix (say,
	 * second-service tickets issued during a break, waiting for it to end).
	 */
	private async grow(): Promise<void> {
		const { agencyIds, saturated } = this;
		while (!this.current.met && this.more()) {
			const current = this.current;
			const candidates = current.checks
				.filter((c) => !c.met && !saturated.has(c.id) && (current.layout.dedicated[c.id] ?? 0) < MAX_COUNTERS_PER_AGENCY)
				.sort((a, b) => b.worstGap - a.worstGap || agencyIds.indexOf(a.id) - agencyIds.indexOf(b.id));
			if (candidates.length === 0) break;
			const agency = candidates[0].id;
			const next = copyLayout(current.layout);
			next.dedicated[agency] = (next.dedicated[agency] ?? 0) + 1;
			const ev = (await this.evaluateLayout(next)).ev;
			const gapOf = (e: Evaluation) => e.checks.find((c) => c.id === agency)!.worstGap;
			const helped = gapOf(ev) < gapOf(current);
			this.record(ev, 'add', agency, helped);
			if (helped) this.current = ev;
			else saturated.add(agency);
		}
	}

	/** An agency whose miss in `ev` one more counter did not help. */
	private stuck(ev: Evaluation, id: string): boolean {
		return this.saturated.has(id) && !ev.checks.find((c) => c.id === id)!.met;
	}

	/** Every target met, but for the misses counters could not fix in the layout the prune started from. */
	private holds(ev: Evaluation): boolean {
		return ev.checks.every((c) => c.met || this.stuck(this.current, c.id));
	}

	/** Removes counters, largest agency first, while every target holds; passes repeat until none goes. */
	private async prune(start: Evaluation): Promise<Evaluation> {
		const { agencyIds } = this;
		let best = start;
		for (let changed = true; changed && this.more(); ) {
			changed = false;
			// Largest first: a big agency loses the least when one of many counters goes.
			const order = [...agencyIds].sort((a, b) => (best.layout.dedicated[b] ?? 0) - (best.layout.dedicated[a] ?? 0) || agencyIds.indexOf(a) - agencyIds.indexOf(b));
			for (const agency of order.filter((id) => !this.stuck(best, id))) {
				// An agency keeps at least one counter of its own unless a shared counter serves it.
				const least = Math.max(best.layout.shared.some((g) => g.includes(agency)) ? 0 : 1, this.floor(agency));
				while ((best.layout.dedicated[agency] ?? 0) > least && this.more()) {
					const next = copyLayout(best.layout);
					next.dedicated[agency]--;
					const { ev, fresh } = await this.evaluateLayout(next);
					if (fresh) this.record(ev, 'remove', agency, this.holds(ev));
					if (!this.holds(ev)) break;
					best = ev;
					changed = true;
				}
			}
		}
		return best;
	}

	/** Merges small, lightly used agencies onto shared counters while every target holds. */
	private async share(start: Evaluation): Promise<Evaluation> {
		const { agencyIds } = this;
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
			if (!this.more()) break;
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
				const { ev, fresh } = await this.evaluateLayout(next);
				if (fresh) this.record(ev, 'share', agency, ev.met, group);
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

	/** The result of the search standing on `ev`. */
	private result(ev: Evaluation, explanation: SizingExplanation | null): SizingResult {
		const { agencyIds, lowerBound, saturated, path, stoppedEarly, targets, seed, replications, evaluations } = this;
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
