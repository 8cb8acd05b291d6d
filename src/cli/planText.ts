/** The human-readable province plan of `mpp plan`: one table per demand level, then the totals and assumptions. */
import type { PlanTotals, ProvincePlan } from '../lib/planning/province';
import { rupiah } from '../lib/planning/staffing';
import { metricText, table } from './format';
import { targetsText } from './sizingText';
import { printable } from './terminalText';

/** The columns a region's row and the province's total share: the name, then the demand and what it takes. */
function figures(name: string, x: Omit<PlanTotals, 'regionsMet'>): string[] {
	return [
		name,
		x.visitorsPerDay.toFixed(1),
		String(x.totalCounters),
		x.counterHoursPerWeek.toFixed(0),
		String(x.staff),
		rupiah(x.costPerMonth),
		x.seats === null ? '—' : String(x.seats)
	];
}

/** The plan as text: per level, a row per region and the province's total. */
export function formatPlan(plan: ProvincePlan): string {
	const s = plan.settings;
	const lines = [
		`Province plan: ${plan.province.name} — ${plan.regions.length} regions, targets per agency (95% interval's unfavourable end): ${targetsText(s.targets)}`,
		`seed ${s.seed}, ${s.replications} replications per layout; staff at a ${s.staffing.workWeekHours}-hour week, ${rupiah(s.staffing.monthlySalary)} a month per officer; seats at ${s.companions} people per waiting visitor`
	];
	for (const level of s.levels) {
		const rows = [['region', 'visitors/day', 'counters', 'counter-h/week', 'staff', 'cost/month', 'seats', 'P90 wait (min)', 'abandon (%)', 'binding', 'met']];
		for (const r of plan.regions) {
			const l = r.levels.find((x) => x.level === level);
			if (!l) continue;
			rows.push([
				...figures(r.name, l),
				metricText(l.kpis.waitP90, 1),
				metricText(l.kpis.abandonRate, 2, 100),
				l.binding ? `${l.binding.agency} (${l.binding.target})` : '—',
				l.met ? 'yes' : 'NO'
			]);
		}
		const tot = plan.totals[level];
		if (tot) rows.push([...figures('PROVINCE', tot), '', '', '', `${tot.regionsMet}/${plan.regions.length}`]);
		lines.push('', `Demand ${level}:`, ...table(rows));
	}
	lines.push(
		'',
		'The salary and the companions factor are assumptions (set --salary and --companions); the working week is Perpres 21/2023.',
		'A level never has fewer counters per agency than the level below it: its search starts from that layout.'
	);
	return printable(lines.join('\n') + '\n');
}
