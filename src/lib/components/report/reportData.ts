/**
 * What every report states on its cover: the targets it judges against and the assumptions written in the
 * scenario's notes. Plain functions, so the app's print view and `mpp report` word them the same way.
 */
import type { Scenario } from '$lib/model/scenario';
import { DEFAULT_TARGETS, type SizingTargets } from '$lib/planning/targets';

/** The targets a report states and judges against. */
export interface ReportTargets extends SizingTargets {
	/** policy.serviceLevelMinutes: the wait a visitor should be called within. */
	serviceLevelMinutes: number;
}

/**
 * A run's targets: the run page's rule (P90 wait within the scenario's service-level minutes) and `mpp size`'s
 * default abandonment limit, since a scenario sets no abandonment target of its own.
 */
export function runTargets(scenario: Scenario): ReportTargets {
	const minutes = scenario.policy.serviceLevelMinutes;
	return { serviceLevelMinutes: minutes, waitP90Minutes: minutes, abandonRate: DEFAULT_TARGETS.abandonRate, serviceLevel: null };
}

/** A sizing's targets: the ones the search met, with the scenario's service-level minutes. */
export function sizingTargets(scenario: Scenario, targets: SizingTargets): ReportTargets {
	return { ...targets, serviceLevelMinutes: scenario.policy.serviceLevelMinutes };
}

/** The scenario's notes as paragraphs (a blank line separates them), for the report's assumptions. */
export function assumptionParagraphs(notes: string | undefined): string[] {
	return (notes ?? '')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

/** The fixed width, in CSS pixels, the report draws its charts at: A4's printable width at 96 px an inch. */
export const REPORT_CHART_WIDTH = 680;
