/** `mpp compare` and `mpp size` end to end: exit codes, JSON shapes, zero self-differences, a runnable sized file. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mpp, noTrace, root } from './mppProcess';
import { parseScenario } from '../../src/lib/model/parse';
import { removeCounters } from '../../src/lib/planning/variants';
import { continuousScenario, mustParse } from '../fixtures/scenarios';
import { morningHall } from '../planning/fixtures';



const tmp = () => mkdtempSync(join(tmpdir(), 'mpp-plan-'));

describe('mpp compare', () => {
	it('shows exactly zero differences for a scenario against itself (--json prints only JSON)', () => {
		const r = mpp('compare', 'scenarios/lebong.json', 'scenarios/lebong.json', '--json', '--replications', '6');
		expect(r.code).toBe(0);
		const c = JSON.parse(r.stdout);
		expect(c).toMatchObject({ seed: 20240611, replications: 6, replicationIndices: [0, 1, 2, 3, 4, 5] });
		expect(c.scenarios.map((s: { id: string }) => s.id)).toEqual(['lebong', 'lebong']);
		const d = c.differences[0];
		expect(Object.keys(d.overall)).toEqual(['arrived', 'served', 'abandoned', 'notServedAtClose', 'waitMean', 'waitP50', 'waitP90', 'waitP95', 'serviceLevel', 'utilization', 'timeInHall', 'abandonRate']);
		const all = [...Object.values(d.overall), ...d.agencies.flatMap((a: Record<string, unknown>) => [a.waitMean, a.waitP90, a.serviceLevel, a.abandonRate])] as Array<{ mean: number; ci95: number[]; significant: boolean }>;
		expect(all.length).toBe(12 + 10 * 4);
		for (const x of all) expect(x).toEqual({ mean: 0, ci95: [0, 0], significant: false });
	});

	it('marks a significant difference in the table and writes compare.csv and each summary with --out', () => {
		const dir = tmp();
		const base = mustParse(JSON.parse(readFileSync(join(root, 'scenarios/lebong.json'), 'utf8')));
		const fewer = join(dir, 'fewer.json');
		writeFileSync(fewer, JSON.stringify(removeCounters(base, 'dukcapil')));
		const out = join(dir, 'out');
		const r = mpp('compare', 'scenarios/lebong.json', fewer, '--replications', '10', '--seed', '3', '--workers', '0', '--out', out);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/A = lebong: MPP Kabupaten Lebong \(baseline\)/);
		expect(r.stdout).toMatch(/B − A/);
		// The verdict comes first, then the agency table with Dukcapil's longer wait starred and flagged.
		expect(r.stdout.indexOf('Verdict, B (lebong) against A (lebong):')).toBeLessThan(r.stdout.indexOf('KPI (mean [95% CI]; counts per day)'));
		// The table's row (indented 2), not the verdict's line (indented 4).
		const dukcapil = r.stdout.split('\n').find((l) => l.startsWith('  dukcapil '))!;
		expect(dukcapil).toMatch(/\+[\d.]+ \[\+[\d.]+, \+[\d.]+\] \*\s+LOSS: \S/);
		const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'compare.csv'), 'utf8'), { header: true, skipEmptyLines: true });
		expect(csv.errors).toEqual([]);
		expect(csv.data.find((x) => x.scenario_index === '2' && x.id === 'dukcapil' && x.metric === 'waitMean')!.significant).toBe('1');
		expect(csv.data.find((x) => x.scenario_index === '2' && x.id === 'dukcapil' && x.metric === 'waitMean')!.effect).toBe('loss');
		expect(existsSync(join(out, 'summary-lebong.csv'))).toBe(true);
		// Both scenarios have the id "lebong": the second summary is numbered rather than overwriting the first.
		expect(existsSync(join(out, 'summary-lebong-2.csv'))).toBe(true);
		noTrace(r.stderr);
	});

	// Kota Bengkulu's only Bank Bengkulu counter (L20) moved to Dukcapil: Dukcapil and the overall waits improve,
	// Bank Bengkulu serves nobody. 6 replications suffice: the loss needs no interval (nobody is served in any
	// replication), and its served-per-day fall (~15 a day, replication sd ~1.5) is significant with far fewer.
	const L20 = 'scenarios/variants/kota-bengkulu-l20-dukcapil.json';
	const KOTA = 'scenarios/kota-bengkulu.json';
	// The agency table's row (indented 2), not the verdict's line (indented 4).
	const bankRow = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('  bank-bengkulu '))!;

	it('names Bank Bengkulu as a significant loss when L20 moves to Dukcapil, in the verdict and the agency table', () => {
		const j = mpp('compare', KOTA, L20, '--json', '--replications', '6', '--workers', '0');
		expect(j.code).toBe(0);
		const d = JSON.parse(j.stdout).differences[0];
		expect(d.verdict.losses[0]).toMatchObject({ id: 'bank-bengkulu', code: 'nobodyServed', kpi: 'servedPerDay', b: 0 });
		const bank = d.outcomes.find((r: { id: string }) => r.id === 'bank-bengkulu');
		expect(bank).toMatchObject({ status: 'loss', nobodyServed: { a: false, b: true } });
		expect(bank.figures.servedPerDay.a.mean).toBeGreaterThan(10);
		expect(bank.figures.servedPerDay.diff.significant).toBe(true);
		expect(bank.figures.servedPerDay.diff.ci95[1]).toBeLessThan(-10);
		expect(bank.figures.abandonShare.effect).toBe('loss');
		// Overall the move looks better: the verdict must not let that hide the loss.
		expect(d.verdict.overall.gain).not.toBeNull();
		const t = mpp('compare', KOTA, L20, '--replications', '6', '--workers', '0');
		expect(t.code).toBe(0);
		const verdict = t.stdout.slice(t.stdout.indexOf('Verdict'), t.stdout.indexOf('KPI ('));
		expect(verdict).toMatch(/LOSS for \d+ agenc(y|ies):\n {4}bank-bengkulu \(Bank Bengkulu\): nobody served in B \(A: 1\d\.\d a day\)/);
		const row = bankRow(t.stdout);
		expect(row).toMatch(/LOSS: nobody served$/);
		expect(row).toMatch(/→ nobody served/);
		expect(row).not.toMatch(/— \[—/);
		noTrace(t.stderr);
	});

	it('finds no loss for Bank Bengkulu with the move reversed (the files swapped)', () => {
		const j = mpp('compare', L20, KOTA, '--json', '--replications', '6', '--workers', '0');
		expect(j.code).toBe(0);
		const d = JSON.parse(j.stdout).differences[0];
		expect(d.verdict.losses.map((i: { id: string }) => i.id)).not.toContain('bank-bengkulu');
		expect(d.verdict.gains.map((i: { id: string }) => i.id)).toContain('bank-bengkulu');
		expect(d.outcomes.find((r: { id: string }) => r.id === 'bank-bengkulu').status).toBe('gain');
		const t = mpp('compare', L20, KOTA, '--replications', '6', '--workers', '0');
		expect(bankRow(t.stdout)).toMatch(/gain: served\/day$/);
	});

	it.each([
		[['compare', 'scenarios/lebong.json'], 2, /2 to 4 scenario files, got 1/],
		[['compare', ...Array(5).fill('scenarios/lebong.json')], 2, /2 to 4 scenario files, got 5/],
		[['compare', 'scenarios/lebong.json', 'scenarios/lebong.json', '--replications', '1'], 2, /--replications/],
		[['compare', 'scenarios/lebong.json', 'no/such.json'], 1, /no\/such\.json: no such file/]
	])('rejects %j with exit %i and a one-line message', (args, code, message) => {
		const r = mpp(...args);
		expect(r.code).toBe(code);
		expect(r.stderr).toMatch(message);
		noTrace(r.stderr);
	});
});

describe('mpp size', () => {
	it('sizes Lebong: --json has counters, totalCounters, achieved and path; --out is a valid, runnable scenario', () => {
		const out = join(tmp(), 'lebong-sized.json');
		const r = mpp('size', 'scenarios/lebong.json', '--json', '--out', out);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(Object.keys(j).slice(0, 4)).toEqual(['counters', 'totalCounters', 'achieved', 'path']);
		expect(Object.keys(j.counters)).toHaveLength(10);
		expect(j.totalCounters).toBe(Object.values(j.counters as Record<string, number>).reduce((a, b) => a + b, 0));
		expect(j.met).toBe(true);
		for (const a of Object.values(j.achieved) as Array<{ waitP90: { ci95: number[] }; abandonRate: { ci95: number[] }; met: boolean }>) {
			expect(a.met).toBe(true);
			expect(a.waitP90.ci95[1]).toBeLessThanOrEqual(15);
			expect(a.abandonRate.ci95[1]).toBeLessThanOrEqual(0.02);
		}
		expect(j.path[0]).toMatchObject({ step: 0, action: 'start' });
		expect(r.stderr).toMatch(/size: step 0 start/);
		const sized = parseScenario(JSON.parse(readFileSync(out, 'utf8')));
		expect(sized.ok).toBe(true);
		if (sized.ok) expect(sized.scenario.counters).toHaveLength(j.totalCounters);
		const run = mpp('run', out, '--seed', '99', '--json', '--replications', '5', '--workers', '0');
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({ scenario: 'lebong-sized', seed: 99, replications: 5 });
	});

	it('stops at --max-seconds with the best layout found so far, says so, and still writes it', () => {
		const out = join(tmp(), 'kota-sized.json');
		const r = mpp('size', 'scenarios/kota-bengkulu.json', '--max-seconds', '1', '--replications', '4', '--workers', '0', '--json', '--out', out);
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j.stoppedEarly).toBe('time');
		expect(r.stderr).toMatch(/size: stopped early: its 1 s ran out \(--max-seconds\); the result is the best layout found so far/);
		expect(parseScenario(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
	});

	it('prints a table by default, with the targets it was given', () => {
		const f = join(tmp(), 'pagi.json');
		writeFileSync(f, JSON.stringify(morningHall({ patienceMean: 240 })));
		const r = mpp('size', f, '--wait-p90', '10', '--abandon', '0.05', '--service-level', '0.8', '--replications', '8', '--workers', '0', '--shared');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/P90 wait ≤ 10 min, abandonment ≤ 5\.0%, service level ≥ 80\.0%/);
		expect(r.stdout).toMatch(/total counters: \d+/);
		expect(r.stdout).toMatch(/dukcapil/);
	});

	it.each([
		[['size', 'scenarios/lebong.json', '--abandon', '2'], 2, /--abandon.*from 0 to 1/],
		[['size', 'scenarios/lebong.json', '--wait-p90', 'soon'], 2, /--wait-p90.*expected a number/],
		[['size', 'no/such.json'], 1, /no\/such\.json: no such file/],
		[['size', 'scenarios/lebong.json', '--max-seconds', '0'], 2, /--max-seconds.*from 1 to 86400/]
	])('rejects %j with exit %i', (args, code, message) => {
		const r = mpp(...args);
		expect(r.code).toBe(code);
		expect(r.stderr).toMatch(message);
		noTrace(r.stderr);
	});

	it('refuses a hall that never closes', () => {
		const f = join(tmp(), 'mmc.json');
		writeFileSync(f, JSON.stringify(continuousScenario(2, 10, 5)));
		const r = mpp('size', f);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/sizing needs opening days/);
		noTrace(r.stderr);
	});
});
