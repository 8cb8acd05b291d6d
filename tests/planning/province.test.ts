/** The province plan: demand from the file, regency names, totals as the sum of the regions, monotone in demand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import { inProcessEvaluate } from '../../src/lib/planning/evaluate';
import { laneShape, planChains, planProvince, planTotals } from '../../src/lib/planning/province';
import { DEMAND_LEVELS, type Province } from '../../src/lib/planning/provinceData';
import { regionScenario, regionVisitorsPerDay, tierShare } from '../../src/lib/planning/provinceDemand';
import { base, shippedProvince } from './provinceFixtures';

const province = shippedProvince();
const kaur = province.regions.find((r) => r.id === 'kaur')!;

describe('a region\'s scenario', () => {
	it('scales demand by population, the level\'s visits per resident and the tier\'s share of demand', () => {
		// Kaur, central: 131,063 × 0.185 / 245 × 0.82 (12 agencies' share of Kota Bengkulu's demand).
		const share = tierShare(base, province.tiers.kabupaten.agencies);
		expect(share).toBeCloseTo(0.82, 2);
		expect(regionVisitorsPerDay(province, base, kaur, 'central')).toBeCloseTo((131_063 * 0.185 * share) / 245, 1);
		// Kota Bengkulu hosts all 21 agencies: 391,117 × 0.185 / 245 ≈ 295 visitors a day.
		const city = province.regions.find((r) => r.id === 'kota-bengkulu')!;
		expect(regionVisitorsPerDay(province, base, city, 'central')).toBeCloseTo((391_117 * 0.185) / 245, 1);
	});

	it('is valid, carries the regency\'s names and keeps the agency ids', () => {
		const s = regionScenario(province, base, kaur, 'central');
		expect(parseScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
		const name = (id: string) => s.agencies.find((a) => a.id === id)!.name;
		expect(name('polresta')).toContain('Polres Kaur');
		expect(name('dukcapil')).toContain('Dukcapil Kabupaten Kaur');
		expect(name('bpn')).toContain('Kantor Pertanahan Kabupaten Kaur');
		expect(name('samsat')).toContain('UPTD Samsat Kaur');
		expect(name('bpjs-kes')).toBe('BPJS Kesehatan');
		expect(s.agencies.map((a) => a.id)).toEqual(base.agencies.map((a) => a.id).filter((id) => id in province.tiers.kabupaten.agencies));
		// The city keeps its own names.
		const city = regionScenario(province, base, province.regions[0], 'low');
		expect(city.agencies.map((a) => a.name)).toEqual(base.agencies.map((a) => a.name));
	});
});

/** A province of regencies like Kaur with the given populations, for quick plans. */
function regencies(...populations: number[]): Province {
	const regions = populations.map((value, i) => ({ ...kaur, id: `r${i}`, name: `R${i}`, population: { census2020: { ...kaur.population.census2020, value } } }));
	return { ...province, populationBasis: 'census2020', regions };
}

// Few replications keep these searches quick; the plan is monotone by construction, whatever the noise, so few
// replications (more noise) make the test harder, not easier.
const QUICK = { replications: 8, seed: 5 };

describe('planProvince', () => {
	it('gives totals equal to the sum of the regions at every level', async () => {
		const p = { ...province, regions: province.regions.filter((r) => ['lebong', 'kaur', 'bengkulu-tengah'].includes(r.id)) };
		const plan = await planProvince(p, base, [inProcessEvaluate], { ...QUICK });
		for (const level of DEMAND_LEVELS) {
			const rows = plan.regions.map((r) => r.levels.find((l) => l.level === level)!);
			const t = plan.totals[level]!;
			expect(t.totalCounters).toBe(rows.reduce((s, l) => s + l.totalCounters, 0));
			expect(t.staff).toBe(rows.reduce((s, l) => s + l.staff, 0));
			expect(t.costPerMonth).toBe(rows.reduce((s, l) => s + l.costPerMonth, 0));
			expect(t.counterHoursPerWeek).toBeCloseTo(rows.reduce((s, l) => s + l.counterHoursPerWeek, 0), 9);
			for (const l of rows) expect(l.totalCounters).toBe(Object.values(l.counters).reduce((s, n) => s + n, 0));
			// Seats (seats.ts: the P95 day's peak number waiting × 1.5 companions, rounded up) add up too.
			for (const l of rows) expect(Number.isInteger(l.seats)).toBe(true);
			expect(t.seats).toBe(rows.reduce((s, l) => s + l.seats!, 0));
		}
		expect(planTotals(plan.regions, ['central'])).toEqual({ central: plan.totals.central });
	}, 120_000);

	it('never gives fewer counters to more population or a higher demand level (fixed fast-check seed)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 40_000, max: 400_000 }), fc.integer({ min: 1_000, max: 200_000 }), async (population, more) => {
				// Larger region listed first: the plan's order must not matter.
				const plan = await planProvince(regencies(population + more, population), base, [inProcessEvaluate], QUICK);
				const [b, a] = plan.regions.map((r) => r.levels);
				for (let i = 0; i < a.length; i++) {
					// Per agency, so a shift of counters between agencies cannot hide behind an equal total.
					for (const id of Object.keys(a[i].counters)) {
						expect(b[i].counters[id], `${a[i].level} ${id}: ${population} → ${population + more}`).toBeGreaterThanOrEqual(a[i].counters[id]);
						if (i > 0) expect(a[i].counters[id], `${id}: ${a[i - 1].level} → ${a[i].level}`).toBeGreaterThanOrEqual(a[i - 1].counters[id]);
					}
				}
			}),
			{ numRuns: 3, endOnFailure: true }
		);
	}, 240_000);
});

describe('laneShape', () => {
	it('runs one lane per chain at most and shares the threads out among the lanes', () => {
		expect(laneShape(2, 2)).toEqual({ lanes: 2, workersPerLane: 1 });
		expect(laneShape(8, 2)).toEqual({ lanes: 2, workersPerLane: 4 });
		expect(laneShape(1, 2)).toEqual({ lanes: 1, workersPerLane: 1 });
		expect(laneShape(5, 1)).toEqual({ lanes: 1, workersPerLane: 5 });
		expect(planChains(province)).toBe(2);
	});
});
