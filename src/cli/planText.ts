/** The human-readable province plan of `mpp plan`: one table per demand level, then the totals and assumptions. */
import type { ProvincePlan } from '../lib/planning/province';
import { rupiah } from '../lib/planning/staffing';
import { metricText, table } from './format';
import { printable } from './terminalText';

/** The plan as text: per level, a row per region and the province's total. */
export function formatPlan(plan: ProvincePlan): string {
	const s = plan.settings;
	const t = s.targets;
	const targets = [`P90 wait ≤ ${t.waitP90Minutes} min`, `abandonment ≤ ${(t.abandonRate * 100).toFixed(1)}%`];
	if (t.serviceLevel !== null) targets.push(`service level ≥ ${(t.serviceLevel * 100).toFixed(1)}%`);
	const lines = [
		`Province plan: ${plan.province.name} — ${plan.regions.length} regions, targets per agency (95% interval's unfavourable end): ${targets.join(', ')}`,
		`seed ${s.seed}, ${s.replications} replications per layout; staff at a ${s.staffing.workWeekHours}-hour week, ${rupiah(s.staffing.monthlySalary)} a month per officer; seats at ${s.companions} people per waiting visitor`
	];
	for (const level of s.levels) {
		const rows = [['region', 'visitors/day', 'counters', 'counter-h/week', 'staff', 'cost/month', 'seats', 'P90 wait (min)', 'abandon (%)', 'binding', 'met']];
		for (const r of plan.regions) {
			const l = r.levels.find((x) => x.level === level);
			if (!l) continue;
			rows.push([
				r.name,
				l.visitorsPerDay.toFixed(1),
				String(l.totalCounters),
				l.counterHoursPerWeek.toFixed(0),
				String(l.staff),
				rupiah(l.costPerMonth),
				l.seats === null ? '—' : String(l.seats),
				metricText(l.kpis.waitP90, 1),
				metricText(l.kpis.abandonRate, 2, 100),
				l.binding ? `${l.binding.agency} (${l.binding.target})` : '—',
				l.met ? 'yes' : 'NO'
			]);
		}
		const tot = plan.totals[level];
		if (tot) {
			rows.push([
				'PROVINCE',
				tot.visitorsPerDay.toFixed(1),
				String(tot.totalCounters),
				tot.counterHoursPerWeek.toFixed(0),
				String(tot.staff),
				rupiah(tot.costPerMonth),
				tot.seats === null ? '—' : String(tot.seats),
				'',
				'',
				'',
				`${tot.regionsMet}/${plan.regions.length}`
			]);
		}
		lines.push('', `Demand ${level}:`, ...table(rows));
	}
	lines.push(
		'',
		'The salary and the companions factor are assumptions (set --salary and --companions); the working week is Perpres 21/2023.',
		'A level never has fewer counters per agency than the level below it: its search starts from that layout.'
	);
	return printable(lines.join('\n') + '\n');
}
