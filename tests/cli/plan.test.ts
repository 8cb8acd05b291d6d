/** `mpp plan`: the same bytes on any number of workers, files written all or nothing, clear errors for bad input. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpp, noTrace, root } from './mppProcess';

const dir = mkdtempSync(join(tmpdir(), 'mpp-plan-'));
// Three regions of the shipped file, central demand, few replications: a quick plan with the real data.
const province = JSON.parse(readFileSync(join(root, 'data/bengkulu-province.json'), 'utf8'));
province.baseScenario = join(root, 'scenarios/kota-bengkulu.json');
province.regions = province.regions.filter((r: { id: string }) => ['lebong', 'kaur', 'seluma'].includes(r.id));
// Lebong with the city's 21 agencies: two tiers make two chains, so 2 workers run two lanes side by side.
province.regions[0].tier = 'kota';
const small = join(dir, 'kecil.json');
writeFileSync(small, JSON.stringify(province));
const QUICK = ['--level', 'central', '--replications', '6', '--seed', '3'];

describe('mpp plan', () => {
	it('gives the same JSON, byte for byte, on 0, 1 and 2 workers (this thread, one lane, two lanes), with totals the sum of the regions', () => {
		const runs = ['0', '1', '2'].map((w) => mpp('plan', small, ...QUICK, '--json', '--workers', w));
		for (const r of runs) {
			expect(r.code, r.stderr).toBe(0);
			noTrace(r.stderr);
		}
		expect(runs[1].stdout).toBe(runs[0].stdout);
		expect(runs[2].stdout).toBe(runs[0].stdout);
		const j = JSON.parse(runs[0].stdout);
		const central = j.regions.map((r: { levels: Array<{ totalCounters: number; staff: number }> }) => r.levels[0]);
		expect(j.totals.central.totalCounters).toBe(central.reduce((s: number, l: { totalCounters: number }) => s + l.totalCounters, 0));
		expect(j.totals.central.staff).toBe(central.reduce((s: number, l: { staff: number }) => s + l.staff, 0));
		expect(runs[0].stderr).toMatch(/plan: \[3\/3\]/);
	}, 120_000);

	it('--out writes plan.json, the CSVs and a sized scenario per region with regency names', () => {
		const out = join(dir, 'out');
		const r = mpp('plan', small, ...QUICK, '--out', out, '--workers', '0');
		expect(r.code, r.stderr).toBe(0);
		expect(readdirSync(out).sort()).toEqual(['plan-agencies.csv', 'plan.csv', 'plan.json', 'scenario-kaur-central.json', 'scenario-lebong-central.json', 'scenario-seluma-central.json']);
		const csv = readFileSync(join(out, 'plan.csv'), 'utf8').trim().split('\n');
		expect(csv[0].split(',')[0]).toBe('region');
		expect(csv).toHaveLength(1 + 3 + 1);
		expect(csv[4]).toMatch(/^province,/);
		const kaur = JSON.parse(readFileSync(join(out, 'scenario-kaur-central.json'), 'utf8'));
		expect(kaur.agencies.find((a: { id: string }) => a.id === 'polresta').name).toContain('Polres Kaur');
		expect(mpp('validate', join(out, 'scenario-kaur-central.json')).code).toBe(0);
	}, 120_000);

	it('refuses a broken province file with its path and JSON path, and bad flags with exit 2', () => {
		const bad = join(dir, 'rusak.json');
		writeFileSync(bad, JSON.stringify({ ...province, regions: [{ ...province.regions[0], tier: 'provinsi' }] }));
		const r = mpp('plan', bad);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`${bad}: regions[0].tier: no tier "provinsi"`);
		noTrace(r.stderr);
		expect(mpp('plan', small, '--level', 'tinggi').code).toBe(2);
		expect(mpp('plan', small, '--targets', 'wait=3').code).toBe(2);
	});
});
