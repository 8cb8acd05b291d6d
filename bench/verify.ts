/**
 * What a whole-process run must have printed or written to count: the bench times a build made from a working
 * tree others are editing, and a run that exits 0 having done less (no visitors, an empty CSV) is not fast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildRun } from './child';

/** The summary JSON a `mpp run … --json` printed, or why there is none. */
function summary(run: ChildRun): { replications?: number; overall?: { arrived?: { mean?: number } } } | string {
	try {
		return JSON.parse(run.stdout);
	} catch {
		return `no summary JSON on stdout (${run.stdout.slice(0, 60).trim() || 'empty'})`;
	}
}

/** A run's summary must cover `replications` replications. */
export const replications = (n: number) => (run: ChildRun) => {
	const s = summary(run);
	if (typeof s === 'string') return s;
	return s.replications === n ? undefined : `${s.replications} replications in the summary, not ${n}`;
};

// M/M/10 at 0.9 arrivals a minute over 1,000,000 minutes: about 900,000 visitors (899,168 on seed 7).
const MM10_ARRIVED = [850_000, 950_000];

/** An M/M/10 run's summary must count about 900,000 arrivals. */
export function mm10Arrivals(run: ChildRun): string | undefined {
	const s = summary(run);
	if (typeof s === 'string') return s;
	const n = s.overall?.arrived?.mean ?? NaN;
	return n >= MM10_ARRIVED[0] && n <= MM10_ARRIVED[1] ? undefined : `${n} arrivals, not about 900,000`;
}

/** An M/M/10 --out run must also have written a visits.csv of every visit (a header line and a row per visit). */
export const mm10Out = (dir: string) => (run: ChildRun) => {
	const wrong = mm10Arrivals(run);
	if (wrong) return wrong;
	let rows = -1;
	try {
		const csv = readFileSync(join(dir, 'visits.csv'));
		for (let i = csv.indexOf(10); i !== -1; i = csv.indexOf(10, i + 1)) rows++;
	} catch {
		return 'no visits.csv written';
	}
	return rows >= MM10_ARRIVED[0] ? undefined : `visits.csv has ${rows} rows, not about 900,000`;
};

/** `mpp validate` must have said the file is valid. */
export const valid = (run: ChildRun) => (run.stdout.includes(': valid') ? undefined : `no "valid" on stdout`);
