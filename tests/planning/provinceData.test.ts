/** The province file: the shipped one is valid and adds up; a broken one is refused with JSON paths. */
import { describe, expect, it } from 'vitest';
import { parseProvince, parseProvinceText, planPopulation } from '../../src/lib/planning/provinceData';
import { regionScenario } from '../../src/lib/planning/provinceDemand';
import { base, provinceJson, shippedProvince } from './provinceFixtures';

describe('data/bengkulu-province.json', () => {
	it('is valid, lists ten regions whose 2020 census adds up to the province, each figure with source and date', () => {
		const p = shippedProvince();
		expect(p.regions).toHaveLength(10);
		expect(p.regions.reduce((s, r) => s + r.population.census2020.value, 0)).toBe(p.provincePopulation2020!.value);
		for (const r of p.regions) {
			expect(r.population.estimate, r.id).toBeDefined();
			expect(planPopulation(p, r)).toBe(r.population.estimate!.value);
		}
		// † The two regions whose census figures are derived from the province total say so.
		expect(p.regions.filter((r) => r.population.census2020.derived).map((r) => r.id)).toEqual(['bengkulu-utara', 'rejang-lebong']);
		expect(p.workingDaysPerYear.assumption).toBe(true);
	});
});

describe('parseProvince', () => {
	it('names the JSON path of every problem', () => {
		const j = provinceJson() as { regions: Array<Record<string, unknown>>; tiers: Record<string, { agencies: Record<string, number> }> };
		(j.regions[2].population as { census2020: { value: unknown } }).census2020.value = 'banyak';
		j.regions[3].id = j.regions[1].id;
		j.regions[4].tier = 'provinsi';
		j.tiers.kabupaten.agencies.dukcapl = 1;
		const shape = parseProvince({ ...j, regions: [j.regions[0], { ...j.regions[2] }] }, base);
		expect(shape.ok).toBe(false);
		if (!shape.ok) expect(shape.errors).toContainEqual({ path: 'regions[1].population.census2020.value', message: 'expected a number, got string' });
		(j.regions[2].population as { census2020: { value: unknown } }).census2020.value = 1000;
		const cross = parseProvince(j, base);
		expect(cross.ok).toBe(false);
		if (!cross.ok) {
			const paths = cross.errors.map((e) => e.path);
			expect(paths).toEqual(expect.arrayContaining(['regions[3].id', 'regions[4].tier', 'tiers.kabupaten.agencies.dukcapl']));
			expect(cross.errors.find((e) => e.path === 'tiers.kabupaten.agencies.dukcapl')!.message).toMatch(/no agency "dukcapl"/);
		}
	});

	it('takes a reader\'s text only as { id, en }, naming the JSON path of a plain string, a missing language or another key', () => {
		const j = provinceJson() as { demand: { derivation: unknown[] }; tiers: Record<string, Record<string, unknown>>; regions: Array<{ mpp: Record<string, unknown> }> };
		j.demand.derivation[1] = 'High: 450 a day (Bengkulu Ekspres, 11 September 2023).';
		j.tiers.kabupaten.why = { id: 'Dua belas instansi.' };
		j.regions[0].mpp.source = { id: 'Bengkulu Ekspres', en: 'Bengkulu Ekspres', de: 'Bengkulu Ekspres' };
		const r = parseProvince(j, base);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toEqual(
				expect.arrayContaining([
					{ path: 'demand.derivation[1]', message: 'expected an object, got string' },
					{ path: 'tiers.kabupaten.why.en', message: 'required' },
					{ path: 'regions[0].mpp.source.de', message: 'unknown field "de"' }
				])
			);
		}
	});

	it('every text a reader sees has Bahasa Indonesia and English, and none cites a repository file', () => {
		const p = shippedProvince();
		const texts = [
			...p.demand.derivation,
			p.workingDaysPerYear.note,
			...Object.values(p.tiers).flatMap((t) => [t.label, t.why]),
			...p.regions.flatMap((r) => [r.population.census2020.source, r.population.estimate!.source, r.mpp.source])
		];
		for (const t of texts) {
			expect(t.id).not.toEqual(t.en);
			for (const s of [t.id, t.en]) expect(s).not.toMatch(/sources\/|\.txt|\.md|docs\/|issue \d/);
		}
	});

	it('writes a sized scenario\'s note in Bahasa Indonesia (its words and numbers), then in English', () => {
		const p = shippedProvince();
		const notes = regionScenario(p, base, p.regions.find((r) => r.id === 'kaur')!, 'central').notes!;
		const [id, en] = notes.split('English: ');
		expect(id).toContain('Provinsi Bengkulu, rencana MPP pada permintaan tengah');
		expect(id).toContain('131.063 penduduk × 0,185 kunjungan per penduduk per tahun ÷ 245 hari kerja');
		expect(id).toContain('instansi MPP kabupaten');
		expect(id).not.toMatch(/central|tier/);
		expect(en).toContain('MPP plan at central demand');
		expect(en).toContain('131063 residents × 0.185 visits per resident per year');
	});

	it('reports a syntax error by line and column', () => {
		const r = parseProvinceText('{\n  "format": "mpp-province",\n  oops\n}');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0].message).toMatch(/^line 3, column 3/);
	});
});
