/** A replication's counters from the simulator's usage: each counter's figures in scenario order, and the hall's totals. */
import type { Scenario } from '../model/scenario';
import type { CounterUsage } from '../records/replicationOutput';
import { ratio } from './plainArrays';
import { HOURS_PER_DAY } from './replicationTally';

/** One counter's usage (minutes) in one replication. */
export interface CounterReplication {
	id: string;
	name: string;
	served: number;
	/** busy / staffed; NaN if never staffed. */
	utilization: number;
	staffed: number;
	busy: number;
	overtime: number;
	/** busyByHour / staffedByHour for the heatmap (24 entries, NaN where not staffed). */
	utilizationByHour: number[];
}

/** Counters, in scenario order, and the hall's totals over every counter the simulator reported. */
export function counterUsage(scenario: Scenario, usage: readonly CounterUsage[]) {
	const usageById = new Map<string, CounterUsage>();
	for (const u of usage) usageById.set(u.counter, u);
	let staffedTotal = 0;
	let busyTotal = 0;
	let overtimeTotal = 0;
	const hBusyMinutes = new Float64Array(HOURS_PER_DAY);
	const hStaffedMinutes = new Float64Array(HOURS_PER_DAY);
	for (const u of usage) {
		staffedTotal += u.staffed;
		busyTotal += u.busy;
		overtimeTotal += u.overtime;
		for (let h = 0; h < HOURS_PER_DAY; h++) {
			hBusyMinutes[h] += u.busyByHour[h] ?? 0;
			hStaffedMinutes[h] += u.staffedByHour[h] ?? 0;
		}
	}
	const counters: CounterReplication[] = scenario.counters.map((c) => {
		const u = usageById.get(c.id);
		const utilizationByHour = new Array<number>(HOURS_PER_DAY);
		for (let h = 0; h < HOURS_PER_DAY; h++) {
			utilizationByHour[h] = u ? ratio(u.busyByHour[h] ?? 0, u.staffedByHour[h] ?? 0) : NaN;
		}
		return {
			id: c.id,
			name: c.name ?? c.id,
			served: u ? u.served : 0,
			utilization: u ? ratio(u.busy, u.staffed) : NaN,
			staffed: u ? u.staffed : 0,
			busy: u ? u.busy : 0,
			overtime: u ? u.overtime : 0,
			utilizationByHour
		};
	});
	return { counters, staffedTotal, busyTotal, overtimeTotal, hBusyMinutes, hStaffedMinutes };
}
