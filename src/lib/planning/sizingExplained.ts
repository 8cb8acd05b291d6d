/**
 * Why the sizing search gave each agency its counters: which target binds, and what one fewer dedicated counter
 * would give (its figures with 95% intervals). The search's prune phase already simulated most one-fewer layouts
 * (a finished prune tries removing a counter from every agency of the final layout), so their evaluations are
 * reused; a layout it never tried (after sharing, or when the search stopped early) is simulated on the same seed
 * and replications, and the explanation says which.
 *
 * Rules, per agency of a layout that meets every target:
 * - one counter of its own and no shared counter: one fewer leaves its visitors without a counter, so the floor of
 *   one counter binds, not a target (`lastCounter`);
 * - served only by shared counters: it has no dedicated counter to remove (`sharedOnly`);
 * - otherwise the one-fewer layout is judged against the targets: the binding target is the agency's own target
 *   furthest off there, or, when only another agency's target breaks (visitors who go on to a further service),
 *   that agency's target furthest off (`target`); when no target breaks, nothing binds (`none`: the search stopped
 *   before its prune could remove that counter).
 * A layout that misses a target has no binding target: it is `notMet`, and no one-fewer layout is tried.
 */
import type { MetricJSON, RunSummary } from '../stats/runSummary';
import type { Layout } from './layout';
import { checkTargets, type AgencyCheck, type SizingTargets } from './targets';

/** The targets an agency is judged on. */
export type TargetName = 'waitP90' | 'abandonRate' | 'serviceLevel';

/** What binds an agency's count of dedicated counters. */
export type Binding =
	| { kind: 'target'; target: TargetName; agency: string; gapOneFewer: number }
	| { kind: 'lastCounter' | 'sharedOnly' | 'none' | 'notMet' };

/** One agency's figures in the layout with one fewer of its dedicated counters. */
export interface OneFewer {
	counters: number;
	/** 'search': the search's own evaluation of that layout; 'evaluated': simulated for the explanation. */
	source: 'search' | 'evaluated';
	waitMean: MetricJSON;
	waitP90: MetricJSON;
	abandonRate: MetricJSON;
	serviceLevel: MetricJSON;
	/** Relative gaps of the agency's targets there (> 0: missed). */
	gaps: AgencyCheck['gaps'];
	/** Whether every target of every agency still holds with one fewer. */
	met: boolean;
}

/** The explanation of one agency's counters. */
export interface AgencyExplanation {
	counters: number;
	binding: Binding;
	/** Relative gaps of the agency's targets in the sized layout (≤ 0: met; the closest to 0 has least slack). */
	gaps: AgencyCheck['gaps'];
	oneFewer: OneFewer | null;
}

/** The explanation of a sizing result. */
export interface SizingExplanation {
	agencies: Record<string, AgencyExplanation>;
	/** One-fewer layouts simulated for the explanation (not reused from the search). */
	evaluated: number;
}

/** What the explanation needs from the search: its final layout and a way to look up or run a layout. */
export interface ExplainInput {
	agencyIds: readonly string[];
	layout: Layout;
	/** The final layout's judgement. */
	checks: AgencyCheck[];
	targets: SizingTargets;
	/** The search's evaluation of a layout, or undefined when it never tried it. */
	lookup: (layout: Layout) => RunSummary | undefined;
	/** Simulates a layout on the search's seed and replications. */
	evaluate: (layout: Layout) => Promise<RunSummary>;
}

const TARGETS: readonly TargetName[] = ['waitP90', 'abandonRate', 'serviceLevel'];

/** The target of a check with the largest gap, and that gap. */
function furthestOff(check: AgencyCheck): { target: TargetName; gap: number } {
	let best: { target: TargetName; gap: number } = { target: 'waitP90', gap: check.gaps.waitP90 };
	for (const t of TARGETS) {
		const gap = check.gaps[t];
		if (gap !== null && gap > best.gap) best = { target: t, gap };
	}
	return best;
}

/** Which target a one-fewer layout breaks, preferring the agency's own (see the rules above). */
export function bindingOf(agency: string, checks: AgencyCheck[]): Binding {
	const own = checks.find((c) => c.id === agency);
	if (own && !own.met) return { kind: 'target', agency, ...pick(furthestOff(own)) };
	const others = checks.filter((c) => !c.met).map((c) => ({ agency: c.id, ...furthestOff(c) }));
	if (others.length === 0) return { kind: 'none' };
	const worst = others.reduce((a, b) => (b.gap > a.gap ? b : a));
	return { kind: 'target', agency: worst.agency, ...pick(worst) };
}

const pick = (f: { target: TargetName; gap: number }) => ({ target: f.target, gapOneFewer: f.gap });

/** Explains every agency of a sized layout (see the rules above). */
export async function explainSizing(input: ExplainInput): Promise<SizingExplanation> {
	const met = input.checks.every((c) => c.met);
	const agencies: Record<string, AgencyExplanation> = {};
	let evaluated = 0;
	for (const id of input.agencyIds) {
		const check = input.checks.find((c) => c.id === id)!;
		const counters = input.layout.dedicated[id] ?? 0;
		const sharedBy = input.layout.shared.some((g) => g.includes(id));
		const base = { counters, gaps: check.gaps, oneFewer: null };
		if (!met) agencies[id] = { ...base, binding: { kind: 'notMet' } };
		else if (counters === 0) agencies[id] = { ...base, binding: { kind: 'sharedOnly' } };
		else if (counters === 1 && !sharedBy) agencies[id] = { ...base, binding: { kind: 'lastCounter' } };
		else {
			const fewer: Layout = { dedicated: { ...input.layout.dedicated, [id]: counters - 1 }, shared: input.layout.shared.map((g) => [...g]) };
			let run = input.lookup(fewer);
			const source = run ? 'search' : 'evaluated';
			if (!run) {
				run = await input.evaluate(fewer);
				evaluated++;
			}
			const checks = checkTargets(run, input.targets);
			agencies[id] = { ...base, binding: bindingOf(id, checks), oneFewer: oneFewerFigures(id, counters - 1, source, run, checks) };
		}
	}
	return { agencies, evaluated };
}

/** The agency's figures in a one-fewer run. */
function oneFewerFigures(id: string, counters: number, source: OneFewer['source'], run: RunSummary, checks: AgencyCheck[]): OneFewer {
	const a = run.agencies.find((x) => x.id === id)!;
	const gaps = checks.find((c) => c.id === id)!.gaps;
	return { counters, source, waitMean: a.waitMean, waitP90: a.waitP90, abandonRate: a.abandonRate, serviceLevel: a.serviceLevel, gaps, met: checks.every((c) => c.met) };
}
