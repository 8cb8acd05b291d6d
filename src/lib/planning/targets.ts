/**
 * Sizing targets and how a run is judged against them. A target counts as met only when the unfavourable end
 * of its 95% interval meets it (the upper end of a wait or abandonment, the lower end of a service level), so a
 * layout is accepted only when the simulation is confident about it, not when it is lucky on average.
 */
import type { MetricJSON, RunSummary } from '../stats/runSummary';

/** What every agency must achieve. */
export interface SizingTargets {
	/** Largest acceptable 90th-percentile wait of served visitors, minutes. */
	waitP90Minutes: number;
	/** Largest acceptable share of visitors who leave the queue (0–1). */
	abandonRate: number;
	/** Smallest acceptable share called within policy.serviceLevelMinutes (0–1); null: no such target. */
	serviceLevel: number | null;
}

/** The defaults: P90 wait ≤ 15 minutes, abandonment ≤ 2%, no service-level target. */
export const DEFAULT_TARGETS: SizingTargets = { waitP90Minutes: 15, abandonRate: 0.02, serviceLevel: null };

/** The gap reported when a metric is undefined although the agency had visitors (nobody was served). */
export const UNDEFINED_GAP = 1000;
// A zero target would make relative gaps divide by zero; a thousandth is "practically zero" for shares.
const MIN_SCALE = 1e-3;

/** One agency judged against the targets. Gaps are relative: (value − limit) / limit, positive when missed. */
export interface AgencyCheck {
	id: string;
	name: string;
	waitP90: MetricJSON;
	abandonRate: MetricJSON;
	serviceLevel: MetricJSON;
	gaps: { waitP90: number; abandonRate: number; serviceLevel: number | null };
	/** The largest gap: > 0 when some target is missed. */
	worstGap: number;
	met: boolean;
}

/** Fills in the defaults for targets a caller did not give. */
export function withDefaults(t: Partial<SizingTargets> | undefined): SizingTargets {
	return { ...DEFAULT_TARGETS, ...Object.fromEntries(Object.entries(t ?? {}).filter(([, v]) => v !== undefined)) };
}

/** Relative gap of an "at most" target from the interval's upper end. */
function gapAtMost(m: MetricJSON, limit: number, hasVisitors: boolean): number {
	const hi = m.ci95[1] ?? m.mean;
	if (hi === null) return hasVisitors ? UNDEFINED_GAP : -1;
	return (hi - limit) / Math.max(limit, MIN_SCALE);
}

/** Relative gap of an "at least" target from the interval's lower end. */
function gapAtLeast(m: MetricJSON, limit: number, hasVisitors: boolean): number {
	const lo = m.ci95[0] ?? m.mean;
	if (lo === null) return hasVisitors ? UNDEFINED_GAP : -1;
	return (limit - lo) / Math.max(limit, MIN_SCALE);
}

/** Judges every agency of a run against the targets (scenario order). */
export function checkTargets(run: RunSummary, targets: SizingTargets): AgencyCheck[] {
	return run.agencies.map((a) => {
		const hasVisitors = (a.arrived.mean ?? 0) > 0;
		const gaps = {
			waitP90: gapAtMost(a.waitP90, targets.waitP90Minutes, hasVisitors),
			abandonRate: gapAtMost(a.abandonRate, targets.abandonRate, hasVisitors),
			serviceLevel: targets.serviceLevel === null ? null : gapAtLeast(a.serviceLevel, targets.serviceLevel, hasVisitors)
		};
		const worstGap = Math.max(gaps.waitP90, gaps.abandonRate, gaps.serviceLevel ?? -Infinity);
		return { id: a.id, name: a.name, waitP90: a.waitP90, abandonRate: a.abandonRate, serviceLevel: a.serviceLevel, gaps, worstGap, met: worstGap <= 0 };
	});
}
