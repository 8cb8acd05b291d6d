/**
 * A replication's over-the-day trace as time-weighted means per bin and per day (the "over the day" chart), and
 * the same areas folded into clock hours (the hourly table's waiting, busy and staffed).
 */
import type { ReplicationOutput } from '../records/replicationOutput';
import { listOf, ratio } from './plainArrays';
import { HOURS_PER_DAY, hourOf } from './replicationTally';

/** Time-weighted means per trace bin, per day: the "over the day" chart. */
export interface TraceReplication {
	binMinutes: number;
	from: number;
	waiting: number[];
	busy: number[];
	staffed: number[];
}

/** Per-bin per-day means of the trace, and the same areas folded into clock hours. */
export function summarizeTrace(out: Pick<ReplicationOutput, 'trace'>): {
	trace: TraceReplication;
	hourlyWaiting: number[];
	hourlyBusy: number[];
	hourlyStaffed: number[];
} {
	const tr = out.trace;
	const b = tr.binMinutes;
	const days = tr.days > 0 ? tr.days : 1;
	const nBins = Math.max(tr.waitingArea.length, tr.busyArea.length, tr.staffedArea.length);
	const perDay = b > 0 ? 1 / (b * days) : NaN;
	const waiting = new Array<number>(nBins);
	const busy = new Array<number>(nBins);
	const staffed = new Array<number>(nBins);
	const wArea = new Float64Array(HOURS_PER_DAY);
	const bArea = new Float64Array(HOURS_PER_DAY);
	const sArea = new Float64Array(HOURS_PER_DAY);
	// Minutes of each clock hour the trace covers in one day: the denominator of the hourly means, so an hour the
	// trace only half covers (or, in a continuous run, covers many times) still gets a true time average.
	const cover = new Float64Array(HOURS_PER_DAY);
	for (let i = 0; i < nBins; i++) {
		const w = tr.waitingArea[i] ?? 0;
		const bu = tr.busyArea[i] ?? 0;
		const st = tr.staffedArea[i] ?? 0;
		waiting[i] = w * perDay;
		busy[i] = bu * perDay;
		staffed[i] = st * perDay;
		if (!(b > 0)) continue;
		// Split the bin across the clock hours it overlaps, in proportion to the overlap.
		const start = tr.from + i * b;
		const end = start + b;
		let s = start;
		while (s < end) {
			const hourEnd = (Math.floor(s / 60) + 1) * 60;
			const e = hourEnd < end ? hourEnd : end;
			const h = hourOf(s);
			const share = (e - s) / b;
			wArea[h] += w * share;
			bArea[h] += bu * share;
			sArea[h] += st * share;
			cover[h] += e - s;
			s = e;
		}
	}
	const hourly = (area: Float64Array) => listOf(HOURS_PER_DAY, (h) => ratio(area[h], cover[h] * days));
	return {
		trace: { binMinutes: b, from: tr.from, waiting, busy, staffed },
		hourlyWaiting: hourly(wArea),
		hourlyBusy: hourly(bArea),
		hourlyStaffed: hourly(sArea)
	};
}
