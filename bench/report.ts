/** How the whole-process section prints a measure's samples and a target's verdict. */
import type { Samples } from './rounds';
import { mb, median, secs } from './stats';

/** A measure's figures: median and fastest wall time, the largest peak RSS of its runs, how many runs. */
export interface Figures {
	median: number;
	min: number;
	rssKb: number;
	n: number;
}

/** The figures of a measure's samples, or undefined when none counts (it failed, or never ran). */
export function figures(s: Samples | undefined): Figures | undefined {
	if (!s || s.runs.length === 0) return undefined;
	const t = s.runs.map((r) => r.seconds);
	return { median: median(t), min: Math.min(...t), rssKb: Math.max(...s.runs.map((r) => r.rssKb)), n: t.length };
}

/** The column heads for measure rows. */
export function heads(): void {
	console.log(`${''.padEnd(66)}${'median'.padStart(9)}${'min'.padStart(9)}${'peak RSS'.padStart(10)}${'runs'.padStart(6)}`);
}

/** One measure's row: its label and figures, or why it has none. */
export function row(label: string, s: Samples | undefined): void {
	const f = figures(s);
	const skipped = s?.skipped ? `  (${s.skipped.count} skipped: ${s.skipped.why})` : '';
	if (!f) {
		console.log(`  ${label.padEnd(64)}${s?.failed ? `FAILED (${s.failed})` : 'not run'}${skipped}`);
		return;
	}
	const rss = Number.isNaN(f.rssKb) ? 'n/a' : mb(f.rssKb);
	console.log(`  ${label.padEnd(64)}${secs(f.median).padStart(9)}${secs(f.min).padStart(9)}${rss.padStart(10)}${String(f.n).padStart(6)}${skipped}`);
}

let unmet = 0;
/**
 * Prints a target (or, kind 'check', a correctness check) and whether it is met; `met` undefined when a measure
 * it needs has no figures.
 */
export function target(text: string, met: boolean | undefined, detail: string, kind: 'target' | 'check' = 'target'): void {
	const verdict = met === undefined ? 'NOT MEASURED' : met ? 'met' : 'NOT MET';
	if (met !== true) unmet++;
	console.log(`  → ${kind}: ${text}: ${verdict}${detail ? ` (${detail})` : ''}`);
}

/** How many targets printed so far were not met or not measured. */
export const targetsMissed = () => unmet;
