/** visits.csv written as the legs come, a block of rows at a time: by `mpp run --out` and `mpp replay --out`. */
import { visitsCsv } from '../lib/export/csv';
import { VisitsRows } from '../lib/export/visitsRows';
import type { LegRecord } from '../lib/records/legRecord';
import type { OutFiles } from './outFiles';

// A long replication (a continuous run of a million minutes) has a million legs: its rows are written in blocks
// of about a megabyte, each leg made bytes as it comes (the simulator reuses the object) and never kept.
const BLOCK_BYTES = 1 << 20;

/** visits.csv, each leg made a row as it comes, written a block at a time. */
export function visitsWriter(out: OutFiles): { add: (leg: LegRecord) => void; close: () => void } {
	const file = out.stream('visits.csv');
	file.write(visitsCsv([]));
	const rows = new VisitsRows(BLOCK_BYTES + (1 << 12));
	const flush = () => {
		if (rows.length > 0) file.write(rows.bytes());
		rows.clear();
	};
	return {
		add: (leg) => {
			rows.add(leg);
			if (rows.length >= BLOCK_BYTES) flush();
		},
		close: () => {
			flush();
			file.close();
		}
	};
}
