/** The regency wizard: a valid base scenario from Kota Bengkulu's data, scaled by population. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import {
	DEFAULT_REGENCY_HOURS,
	REGENCY_PRESETS,
	regencyScenario,
	regencyVisitorsPerDay,
	VISITS_PER_RESIDENT
} from '../../src/lib/planning/regency';
import { mustParse } from '../fixtures/scenarios';

const root = new URL('../..', import.meta.url).pathname;
const kotaBengkulu = mustParse(JSON.parse(readFileSync(`${root}scenarios/kota-bengkulu.json`, 'utf8')));

describe('regencyScenario', () => {
	it('builds Lebong and Seluma from their presets: valid, scaled by population, agencies from Kota Bengkulu', () => {
		for (const preset of REGENCY_PRESETS) {
			const s = regencyScenario(kotaBengkulu, preset);
			const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
			expect(parsed.ok, preset.id).toBe(true);
			expect(s.demand.visitorsPerDay).toBeCloseTo((425 * preset.population) / 373_591, 2);
			expect(s.agencies.map((a) => a.id)).toEqual(kotaBengkulu.agencies.map((a) => a.id).filter((id) => preset.agencies.includes(id)));
			for (const a of s.agencies) {
				const source = kotaBengkulu.agencies.find((x) => x.id === a.id)!;
				expect(a.services).toEqual(source.services);
				expect(a.name).not.toContain('Kota Bengkulu');
			}
			expect(s.counters).toHaveLength(s.agencies.length);
			expect(s.name).toBe(`MPP Kabupaten ${preset.name}`);
			expect(s.notes).toMatch(/Sensus Penduduk 2020/);
		}
		// Lebong: 425 × 106,293 / 373,591 = 120.92 visitors a day (as in scenarios/lebong.json).
		expect(regencyVisitorsPerDay({ population: 106_293 })).toBe(120.92);
		expect(VISITS_PER_RESIDENT).toBeCloseTo(425 / 373_591, 15);
	});

	it('takes visitors a day directly, other hours and days, and stretches the arrival profile over them', () => {
		const s = regencyScenario(kotaBengkulu, {
			id: 'contoh',
			name: 'Contoh',
			visitorsPerDay: 80,
			days: ['mon', 'wed'],
			hours: { ...DEFAULT_REGENCY_HOURS, open: '07:30', lastTicket: '13:00', close: '14:00', fridayBreak: null },
			agencies: ['dukcapil', 'samsat']
		});
		expect(parseScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
		expect(s.demand.visitorsPerDay).toBe(80);
		expect(s.calendar).toMatchObject({ days: ['mon', 'wed'], hours: { default: { open: '07:30', lastTicket: '13:00', close: '14:00' } } });
		expect(s.demand.profile!.from).toBe('07:30');
		expect(s.demand.profile!.weights).toEqual(kotaBengkulu.demand.profile!.weights);
	});

	it('names each agency for the regency (Polres Kaur, Dukcapil Kabupaten Kaur …), keeping ids and province-wide names', () => {
		const all = kotaBengkulu.agencies.map((a) => a.id);
		const s = regencyScenario(kotaBengkulu, { id: 'kaur', name: 'Kaur', population: 126_551, agencies: all });
		const name = (id: string) => s.agencies.find((a) => a.id === id)!.name;
		expect(s.agencies.map((a) => a.id)).toEqual(all);
		expect(name('polresta')).toBe('Kepolisian Resor Kaur (Polres Kaur)');
		expect(name('dukcapil')).toBe('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kaur (Dukcapil Kabupaten Kaur)');
		expect(name('bpn')).toBe('Kantor Pertanahan Kabupaten Kaur (BPN)');
		expect(name('samsat')).toBe('UPTD Samsat Kaur (Bapenda Provinsi Bengkulu)');
		expect(name('pln')).toBe('PT PLN (Persero) ULP Kaur');
		for (const id of ['imigrasi', 'bpjs-kes', 'bpjs-tk', 'taspen', 'bank-bengkulu', 'kpp', 'bprs']) expect(name(id)).toBe(kotaBengkulu.agencies.find((a) => a.id === id)!.name);
		for (const a of s.agencies) expect(a.name).not.toMatch(/Kota Bengkulu|Polresta/);
		// Kota Bengkulu itself keeps its agencies' real names.
		const city = regencyScenario(kotaBengkulu, { id: 'kota', name: 'Bengkulu', kind: 'kota', visitorsPerDay: 300, agencies: all });
		expect(city.agencies.map((a) => a.name)).toEqual(kotaBengkulu.agencies.map((a) => a.name));
	});

	it('refuses unknown agencies, an empty choice and a missing population', () => {
		expect(() => regencyScenario(kotaBengkulu, { id: 'x', name: 'X', population: 1000, agencies: ['dukcapil', 'nope'] })).toThrow(/"nope"/);
		expect(() => regencyScenario(kotaBengkulu, { id: 'x', name: 'X', population: 1000, agencies: [] })).toThrow(/at least one/);
		expect(() => regencyScenario(kotaBengkulu, { id: 'x', name: 'X', agencies: ['dukcapil'] })).toThrow(/population/);
	});
});
