/**
 * An agency whose visitors came and none was served has undefined waits. Shown as a blank and sorted as missing
 * (last), it hid the worst outcome a run can have: here it says "nobody served" and ranks worst instead.
 */
import type { AgencyRun, MetricJSON } from '$lib/stats/runSummary';

/** Visitors came to the agency and nobody was served (in any replication): its waits are undefined. */
export function nobodyServed(a: AgencyRun): boolean {
	return (a.arrived.mean ?? 0) > 0 && (a.served.mean === 0 || a.waitMean.mean === null);
}

/** A wait's sort value: nobody served sorts above every real wait (first when the longest come first). */
export function waitSortValue(a: AgencyRun, m: MetricJSON): number | null {
	return nobodyServed(a) ? Number.MAX_VALUE : m.mean;
}

/** The within-target share's sort value: nobody served sorts below 0% (first when the lowest come first). */
export function withinTargetSortValue(a: AgencyRun): number | null {
	return nobodyServed(a) ? -1 : a.serviceLevel.mean;
}
