/**
 * Results a save dropped (the layout, demand or policy changed), by what they are valid for (resultsIdentity):
 * an undo back to such a version brings its results back with it. The last few only: a summary is not small.
 */

/** How many dropped summaries the editor keeps. */
export const DROPPED_RESULTS_KEPT = 5;

export class DroppedResults {
	private readonly byIdentity = new Map<string, unknown>();

	constructor(private readonly limit = DROPPED_RESULTS_KEPT) {}

	/** Keeps results a save is about to drop, under what they are valid for; past the limit the oldest go. */
	keep(identity: string, summary: unknown): void {
		if (summary === undefined) return;
		this.byIdentity.delete(identity);
		this.byIdentity.set(identity, summary);
		if (this.byIdentity.size > this.limit) this.byIdentity.delete(this.byIdentity.keys().next().value!);
	}

	get(identity: string): unknown {
		return this.byIdentity.get(identity);
	}

	delete(identity: string): void {
		this.byIdentity.delete(identity);
	}

	clear(): void {
		this.byIdentity.clear();
	}
}
