import { describe, expect, it } from 'vitest';
import { planServices, thin } from '../../src/lib/calibrate/serviceEstimate';
import { summarise } from '../../src/lib/calibrate/logSummary';
import { rec, recs } from './records';

describe('planServices', () => {
	const rows = [
		...recs(30, { service: 'KTP', start: 500, end: 510 }), // own fit
		...recs(5, { service: 'KK', start: 500, end: 520 }), // pooled to Dukcapil (35 ≥ 30)
		rec({ service: 'KK', outcome: 'abandoned', called: NaN, start: NaN, end: NaN, counter: '' }),
		...recs(4, { agency: 'Samsat', service: 'Pajak', start: 500, end: 530 }) // Samsat has 4: pooled to all
	];
	const plan = planServices(summarise(rows), 30);

	it('weights are shares of legs, whatever their outcome', () => {
		expect(plan.services.map((s) => [s.service, s.legs, s.share])).toEqual([
			['KTP', 30, 30 / 40],
			['KK', 6, 6 / 40],
			['Pajak', 4, 4 / 40]
		]);
	});

	it('pools a service with too few durations to its agency, and an agency with too few to all', () => {
		const pooled = plan.services.map((s) => plan.groups[s.group].pooled);
		expect(pooled).toEqual(['service', 'agency', 'all']);
		expect(plan.groups.map((g) => g.values.length)).toEqual([30, 35, 39]);
		expect(plan.services[1].own.length).toBe(5);
	});

	it('services pooled to the same group share one fit', () => {
		const p = planServices(summarise([...recs(3, { service: 'a' }), ...recs(3, { service: 'b' })]), 30);
		expect(p.groups.length).toBe(1);
		expect(p.services.map((s) => s.group)).toEqual([0, 0]);
	});
});

describe('thin', () => {
	it('keeps at most max values, evenly spread and in order', () => {
		const v = Float64Array.from({ length: 10_000 }, (_, i) => i);
		const t = thin(v, 2000);
		expect(t.length).toBe(2000);
		expect(t[0]).toBe(0);
		expect(t[1]).toBe(5);
		expect(t[1999]).toBe(9995);
		expect(thin(v.subarray(0, 10), 2000).length).toBe(10);
	});
});
