/** JSON export of a run's results. */
import type { RunSummary } from '../stats/runSummary';

/** The run's results as pretty JSON (2-space indent, trailing newline); key order is the RunSummary's. */
export function summaryJson(run: RunSummary): string {
	// RunSummary holds null, not NaN, for undefined values; stringify would write null for a stray NaN anyway.
	return `${JSON.stringify(run, null, 2)}\n`;
}
