/** `mpp size` explains itself: per agency the binding target and one fewer counter, staff and cost with named assumptions. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpp, noTrace } from './mppProcess';
import { morningHall } from '../planning/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'mpp-size-'));
const hall = join(dir, 'pagi.json');
writeFileSync(hall, JSON.stringify(morningHall({ patienceMean: 240, visitorsPerDay: 120 })));
const SMALL = ['--replications', '12', '--seed', '11', '--workers', '0'];

describe('mpp size explains its counters and their staff', () => {
	it('--json has per agency the binding target and one fewer counter, and staff totals with the assumptions', () => {
		const out = join(dir, 'sized.json');
		const r = mpp('size', hall, ...SMALL, '--json', '--out', out);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		const agencies = j.explanation.agencies as Record<string, { counters: number; binding: { kind: string; target?: string }; oneFewer: { counters: number; source: string; waitP90: { ci95: number[] } } | null }>;
		expect(Object.keys(agencies)).toEqual(['dukcapil', 'bapenda', 'pln']);
		for (const [id, a] of Object.entries(agencies)) {
			expect(a.counters).toBe(j.counters[id]);
			if (a.counters > 1) {
				expect(a.binding.kind).toBe('target');
				expect(a.oneFewer).toMatchObject({ counters: a.counters - 1, source: 'search' });
				expect(a.oneFewer!.waitP90.ci95).toHaveLength(2);
			} else expect(a.binding.kind).toBe('lastCounter');
		}
		// One Monday morning, 08:00–12:00: 4 counter-hours a week per counter, one officer per agency.
		expect(j.staffing.counterHoursPerWeek).toBeCloseTo(4 * j.totalCounters, 9);
		expect(j.staffing.staff).toBe(3);
		expect(j.staffing.costPerMonth).toBe(3 * 4_500_000);
		expect(j.staffing.assumptions).toMatchObject({ workWeekHours: 37.5, monthlySalary: 4_500_000 });
		expect(j.staffing.assumptions.workWeekSource).toMatch(/Perpres 21\/2023/);
		expect(j.staffing.assumptions.salarySource).toMatch(/assumption/);
		// Seats: the P95 day peak × the assumed 1.5 people per waiting visitor, rounded up, over 12 replications of one day.
		expect(j.seats).toMatchObject({ days: 12, companions: 1.5 });
		expect(j.seats.seats).toBe(Math.ceil(j.seats.peakP95 * 1.5 - 1e-9));
		expect(j.seats.peakP50).toBeLessThanOrEqual(j.seats.peakP95);
		expect(j.seats.peakP95).toBeLessThanOrEqual(j.seats.peakMax);
		expect(j.seats.companionsSource).toMatch(/assumption/);
		expect(JSON.parse(readFileSync(out, 'utf8')).notes).toMatch(/Waiting room: \d+ seats = P95 over 12 simulated days/);
		// The sized scenario carries the staff figure and what it assumes.
		expect(JSON.parse(readFileSync(out, 'utf8')).notes).toMatch(/Staff: 3 full-time officers .*37\.5-hour week .*Rp 13,500,000 a month at Rp 4,500,000 per officer \(an assumption/);
	});

	it('prints the binding targets, the one-fewer figures and the staff with --work-week and --salary', () => {
		const r = mpp('size', hall, ...SMALL, '--work-week', '2', '--salary', '3000000');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/Why these counters: one fewer dedicated counter per agency/);
		const dukcapil = r.stdout.split('\n').filter((l) => l.trim().startsWith('dukcapil'));
		// The sizing row, the explanation row (a target, one fewer, its P90 with an interval, from the search), the staff row.
		expect(dukcapil).toHaveLength(3);
		expect(dukcapil[1]).toMatch(/(P90 wait ≤ 15 min|abandonment ≤ 2\.0%)\s+\d+\s+[\d.]+ \[[\d.-]+, [\d.]+\].*the search$/);
		// A 2-hour week: each 4-hour counter needs two officers.
		const [, n, hours, fte, staff] = dukcapil[2].match(/^\s*dukcapil\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)$/)!;
		expect([Number(hours), Number(fte), Number(staff)]).toEqual([4 * Number(n), 2 * Number(n), 2 * Number(n)]);
		expect(r.stdout).toMatch(/a working week of 2 h \(--work-week; set by the user\)/);
		expect(r.stdout).toMatch(/Rp 3,000,000 a month per officer \(--salary; set by the user\)/);
		expect(r.stdout).toMatch(/Waiting room: \d+ seats = P95 of the day's peak number waiting \([\d.]+ over 12 simulated days/);
		const total = Number(r.stdout.match(/total counters: (\d+)/)![1]);
		expect(r.stdout).toContain(`staff: ${2 * total}   cost per month: Rp ${(2 * total * 3_000_000).toLocaleString('en-US')}`);
	});

	it.each([
		[['--work-week', '0'], /--work-week.*from 1 to 168/],
		[['--work-week', 'full'], /--work-week.*expected a number/],
		[['--salary', '-1'], /--salary.*from 0 to 1000000000/],
		[['--companions', '0.5'], /--companions.*from 1 to 10/]
	])('rejects %j with exit 2', (flags, message) => {
		const r = mpp('size', hall, ...flags);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		noTrace(r.stderr);
	});
});
