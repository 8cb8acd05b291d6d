/**
 * Time-left estimate of a run: replications so far came at the average pace since Run was pressed, so the rest
 * will too. Start-up (loading workers) makes the first estimates pessimistic; they shrink as results arrive.
 */
export function estimateRemainingMs(elapsedMs: number, done: number, total: number): number | null {
	if (!(done > 0) || !(total > 0) || !(elapsedMs >= 0)) return null;
	if (done >= total) return 0;
	return (elapsedMs / done) * (total - done);
}

/** A duration split for display: whole minutes and seconds, rounded up to the second (never "0 s left" early). */
export function splitDuration(ms: number): { minutes: number; seconds: number } {
	const total = Math.max(0, Math.ceil(ms / 1000));
	return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
