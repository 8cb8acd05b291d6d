/**
 * The province plan as CSV: plan.csv (one row per region and level, then the province totals per level) and
 * plan-agencies.csv (one row per region, level and agency). Numbers are deterministic text (`fixed`), names
 * spreadsheet-safe (`textCell`), so equal plans give equal bytes.
 */
import Papa from 'papaparse';
import { fixed, textCell } from '../export/cells';
import type { MetricJSON } from '../stats/runSummary';
import type { ProvincePlan } from './province';

const PLAN_HEADER = [
	'region', 'name', 'kind', 'status', 'level', 'population', 'visits_per_resident_year', 'visitors_per_day',
	'counters', 'counter_hours_week', 'staff', 'cost_month', 'seats',
	'wait_p90_mean', 'wait_p90_low', 'wait_p90_high', 'abandon_mean', 'abandon_low', 'abandon_high',
	'service_level_mean', 'service_level_low', 'service_level_high', 'utilization_mean', 'met', 'binding_agency', 'binding_target'
] as const;

const PLAN_AGENCY_HEADER = [
	'region', 'level', 'agency', 'name', 'counters', 'counter_hours_week', 'staff',
	'wait_p90_mean', 'wait_p90_low', 'wait_p90_high', 'abandon_mean', 'abandon_low', 'abandon_high', 'met'
] as const;

const metric = (m: MetricJSON, d: number) => [fixed(m.mean, d), fixed(m.ci95[0], d), fixed(m.ci95[1], d)];

/** plan.csv: regions × levels, then a "province" row per level with the totals (KPI columns empty). */
export function planCsv(plan: ProvincePlan): string {
	const rows: string[][] = [];
	for (const r of plan.regions) {
		for (const l of r.levels) {
			rows.push([
				textCell(r.id), textCell(r.name), r.kind, r.status, l.level, String(r.population), fixed(l.visitsPerResident, 4), fixed(l.visitorsPerDay, 2),
				String(l.totalCounters), fixed(l.counterHoursPerWeek, 1), String(l.staff), fixed(l.costPerMonth, 0), l.seats === null ? '' : String(l.seats),
				...metric(l.kpis.waitP90, 2), ...metric(l.kpis.abandonRate, 4), ...metric(l.kpis.serviceLevel, 4), fixed(l.kpis.utilization.mean, 4),
				l.met ? 'yes' : 'no', textCell(l.binding?.agency ?? ''), l.binding?.target ?? ''
			]);
		}
	}
	const population = plan.regions.reduce((s, r) => s + r.population, 0);
	for (const level of plan.settings.levels) {
		const t = plan.totals[level];
		if (!t) continue;
		rows.push([
			'province', textCell(plan.province.name), '', '', level, String(population), '', fixed(t.visitorsPerDay, 2),
			String(t.totalCounters), fixed(t.counterHoursPerWeek, 1), String(t.staff), fixed(t.costPerMonth, 0), t.seats === null ? '' : String(t.seats),
			...Array(10).fill(''), `${t.regionsMet}/${plan.regions.length}`, '', ''
		]);
	}
	return `${Papa.unparse({ fields: [...PLAN_HEADER], data: rows }, { newline: '\n' })}\n`;
}

/** plan-agencies.csv: every agency of every region at every level. */
export function planAgenciesCsv(plan: ProvincePlan): string {
	const rows: string[][] = [];
	for (const r of plan.regions) {
		for (const l of r.levels) {
			for (const [id, a] of Object.entries(l.agencies)) {
				const s = l.staffing[id];
				rows.push([
					textCell(r.id), l.level, textCell(id), textCell(a.name), String(a.counters), fixed(s?.counterHoursPerWeek ?? 0, 1), String(s?.staff ?? 0),
					...metric(a.waitP90, 2), ...metric(a.abandonRate, 4), a.met ? 'yes' : 'no'
				]);
			}
		}
	}
	return `${Papa.unparse({ fields: [...PLAN_AGENCY_HEADER], data: rows }, { newline: '\n' })}\n`;
}
