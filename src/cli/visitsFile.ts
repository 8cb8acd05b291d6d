/** visits.csv written as the legs come, a block of rows at a time: by `mpp run --out` and `mpp replay --out`. */
import { visitsCsv, visitsRow } from '../lib/export/csv';
import type { LegRecord } from '../lib/records/legRecord';
import type { OutFiles } from './outFiles';

// A long replication (a continuous run of a million minutes) has a million legs: its CSV text is made in blocks,
// never as one string, and the legs are dropped once written.
const LEGS_PER_BLOCK = 10_000;

/** visits.csv, each leg made a row as it comes (the simulator reuses the object), written a block at a time. */
export function visitsWriter(out: OutFiles): { add: (leg: LegRecord) => void; close: () => void } {
	const file = out.stream('visits.csv');
	file.write(visitsCsv([]));
	let block: string[] = [];
	const flush = () => {
		if (block.length > 0) file.write(block.join('\n') + '\n');
		block = [];
	};
	return {
		add: (leg) => {
			if (block.push(visitsRow(leg)) === LEGS_PER_BLOCK) flush();
		},
		close: () => {
			flush();
			file.close();
		}
	};
}

