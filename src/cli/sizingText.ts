/** `mpp size`'s plain-text explanation: per agency what binds and what one fewer counter gives; staff and cost. */
import type { SizingResult } from '../lib/planning/size';
import type { Binding, TargetName } from '../lib/planning/sizingExplained';
import type { WaitingRoomSeats } from '../lib/planning/seats';
import { rupiah, type Staffing } from '../lib/planning/staffing';
import type { SizingTargets } from '../lib/planning/targets';
import { fmt, metricText as metric, table } from './format';

/** "P90 wait ≤ 15 min": a target as the reader set it. */
export function targetText(target: TargetName, t: SizingTargets): string {
	if (target === 'waitP90') return `P90 wait ≤ ${t.waitP90Minutes} min`;
	if (target === 'abandonRate') return `abandonment ≤ ${(t.abandonRate * 100).toFixed(1)}%`;
	return `service level ≥ ${((t.serviceLevel ?? 0) * 100).toFixed(1)}%`;
}

/** "P90 wait ≤ 15 min, abandonment ≤ 2.0%": every target set, as the headers of `mpp size` and `mpp plan` list them. */
export function targetsText(t: SizingTargets): string {
	const names: TargetName[] = t.serviceLevel === null ? ['waitP90', 'abandonRate'] : ['waitP90', 'abandonRate', 'serviceLevel'];
	return names.map((n) => targetText(n, t)).join(', ');
}

/** What binds an agency, in words. */
export function bindingText(agency: string, b: Binding, t: SizingTargets): string {
	switch (b.kind) {
		case 'target':
			return `${targetText(b.target, t)}${b.agency === agency ? '' : ` (of ${b.agency})`}`;
		case 'lastCounter':
			return 'its only counter (none would leave it unserved)';
		case 'sharedOnly':
			return 'served by shared counters only';
		case 'none':
			return 'nothing: one fewer still meets every target';
		case 'notMet':
			return 'targets not met';
	}
}

/** The per-agency explanation table: binding target and one fewer counter's figures with 95% intervals. */
export function formatExplanation(r: SizingResult): string[] {
	const e = r.explanation;
	if (!e) return [];
	const rows = [['agency', 'counters', 'binding target', 'one fewer', 'P90 wait (min)', 'abandon (%)', 'service level (%)', 'figures from']];
	for (const [id, a] of Object.entries(e.agencies)) {
		const f = a.oneFewer;
		rows.push([
			id,
			String(a.counters),
			bindingText(id, a.binding, r.targets),
			f ? String(f.counters) : '—',
			f ? metric(f.waitP90, 1) : '—',
			f ? metric(f.abandonRate, 2, 100) : '—',
			f ? metric(f.serviceLevel, 1, 100) : '—',
			f ? (f.source === 'search' ? 'the search' : 'simulated now') : '—'
		]);
	}
	const fresh = e.evaluated ? `; ${e.evaluated} one-fewer layout${e.evaluated === 1 ? '' : 's'} simulated for this` : '';
	return ['', `  Why these counters: one fewer dedicated counter per agency, on the search's seeds (a target breaks when its interval's unfavourable end misses it)${fresh}`, ...table(rows)];
}

/** The staff table and the totals, with the two assumptions named and where they come from. */
export function formatStaffing(s: Staffing): string[] {
	const rows = [['agency', 'counters', 'counter-hours/week', 'full-time equiv.', 'staff']];
	const line = (id: string, l: Staffing['agencies'][string]) => [id, String(l.counters), fmt(l.counterHoursPerWeek, 1), fmt(l.fullTimeEquivalent, 2), String(l.staff)];
	for (const [id, l] of Object.entries(s.agencies)) rows.push(line(id, l));
	if (s.shared) rows.push(line('(shared)', s.shared));
	const a = s.assumptions;
	return [
		'',
		'  Staff: full-time officers on the counters, rounded up per agency (no relief for leave or sickness added)',
		...table(rows),
		'',
		`  counter-hours per week: ${s.counterHoursPerWeek.toFixed(1)}   staff: ${s.staff}   cost per month: ${rupiah(s.costPerMonth)}`,
		`  assumptions: a working week of ${a.workWeekHours} h (--work-week; ${a.workWeekSource});`,
		`               ${rupiah(a.monthlySalary)} a month per officer (--salary; ${a.salarySource})`
	];
}

/** The waiting-room seats and what they come from, with the companions assumption named. */
export function formatSeats(s: WaitingRoomSeats | null): string[] {
	if (s === null) return ['', '  Waiting room: no simulated day to size it from'];
	return [
		'',
		`  Waiting room: ${s.seats} seats = P95 of the day's peak number waiting (${fmt(s.peakP95, 1)} over ${s.days} simulated days; median day ${fmt(s.peakP50, 1)}, largest ${fmt(s.peakMax, 0)})`,
		`               × ${s.companions} people per waiting visitor (--companions; ${s.companionsSource})`
	];
}
