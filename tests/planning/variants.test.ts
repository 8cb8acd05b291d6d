/** What-if variants: pure, valid, with derived ids, and only the intended change. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import type { Distribution } from '../../src/lib/model/distribution';
import {
	addCounters,
	applyWhatIf,
	applyWhatIfs,
	moveCounters,
	removeCounters,
	scaleDemand,
	scaleDistribution,
	scaleServiceTime,
	setAtClose,
	setPolicyOrder,
	setWorkProfile,
	VariantError,
	withVisitorsPerDay,
	type WhatIf
} from '../../src/lib/planning/variants';
import { runInProcess } from '../../src/lib/sim/run';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';
import { morningHall } from './fixtures';

const valid = (s: unknown) => {
	const r = parseScenario(s);
	if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
	return r.scenario;
};

describe('counters ±', () => {
	it('adds clones of the last dedicated counter with new unique ids, leaving the base untouched', () => {
		const base = mustParse(smallScenario());
		const before = JSON.stringify(base);
		const v = valid(addCounters(base, 'dukcapil', 2));
		expect(JSON.stringify(base)).toBe(before);
		expect(v.counters.map((c) => c.id)).toEqual(['L01', 'L02', 'L03', 'L04', 'L05']);
		// Clones of L01, the only counter serving dukcapil alone: same shifts and profile.
		for (const c of v.counters.slice(3)) {
			expect(c.serves).toEqual(['dukcapil']);
			expect(c.shifts).toEqual(base.counters[0].shifts);
			expect(c.profile).toEqual(base.counters[0].profile);
		}
	});

	it('adds a plain counter for an agency that has none of its own', () => {
		const base = mustParse(morningHall({ counters: { pln: 0 } }));
		const v = valid(addCounters(base, 'pln'));
		const added = v.counters[v.counters.length - 1];
		expect(added.serves).toEqual(['pln']);
		expect(added.shifts).toBeUndefined();
		expect(new Set(v.counters.map((c) => c.id)).size).toBe(v.counters.length);
	});

	it('removes the last counter serving only that agency, and says so when there is none', () => {
		const base = mustParse(smallScenario());
		const v = valid(removeCounters(base, 'dukcapil'));
		expect(v.counters.map((c) => c.id)).toEqual(['L02', 'L03']);
		// L02 serves dukcapil/ktp and bapenda: not Dukcapil's own, so it is never removed for Dukcapil.
		expect(() => removeCounters(v, 'dukcapil')).toThrow(VariantError);
		expect(() => removeCounters(v, 'dukcapil')).toThrow(/no counter serves only "dukcapil"/);
		expect(() => removeCounters(base, 'nope')).toThrow(/no agency "nope"/);
	});
});

describe('demand and service time', () => {
	it('scales visitors per day, or the hourly rate of a hall that never closes', () => {
		expect(valid(scaleDemand(mustParse(smallScenario()), 1.5)).demand.visitorsPerDay).toBeCloseTo(180, 10);
		expect(valid(scaleDemand(mustParse(continuousScenario(2, 10, 5)), 0.5)).demand.ratePerHour).toBeCloseTo(5, 10);
		expect(valid(withVisitorsPerDay(mustParse(smallScenario()), 300)).demand.visitorsPerDay).toBeCloseTo(300, 10);
		expect(() => scaleDemand(mustParse(smallScenario()), 0)).toThrow(VariantError);
	});

	it('scales every location/scale parameter of every distribution kind, keeping the shape', () => {
		const cases: Array<[Distribution, Distribution]> = [
			[{ dist: 'fixed', value: 4 }, { dist: 'fixed', value: 8 }],
			[{ dist: 'exponential', mean: 5 }, { dist: 'exponential', mean: 10 }],
			[{ dist: 'lognormal', mean: 9, cv: 0.6 }, { dist: 'lognormal', mean: 18, cv: 0.6 }],
			[{ dist: 'gamma', mean: 7, cv: 0.5 }, { dist: 'gamma', mean: 14, cv: 0.5 }],
			[{ dist: 'normal', mean: 6, sd: 2 }, { dist: 'normal', mean: 12, sd: 4 }],
			[{ dist: 'uniform', min: 1, max: 3 }, { dist: 'uniform', min: 2, max: 6 }],
			[{ dist: 'triangular', min: 2, mode: 3, max: 9 }, { dist: 'triangular', min: 4, mode: 6, max: 18 }],
			[{ dist: 'empirical', values: [1, 2, 5] }, { dist: 'empirical', values: [2, 4, 10] }]
		];
		for (const [d, want] of cases) expect(scaleDistribution(d, 2)).toEqual(want);
	});

	it('scales only the chosen agency', () => {
		const base = mustParse(smallScenario());
		const v = valid(scaleServiceTime(base, 'bapenda', 1.5));
		expect(v.agencies[1].services[0].serviceTime).toEqual({ dist: 'gamma', mean: 10.5, cv: 0.5 });
		expect(v.agencies[0]).toEqual(base.agencies[0]);
	});
});

describe('profile, order and closing rule', () => {
	it('gives every counter the profile, keeping only entries it serves and never stranding a queue', () => {
		const v = valid(setWorkProfile(mustParse(smallScenario()), ['bapenda', 'priority']));
		expect(v.counters.map((c) => c.profile)).toEqual([
			['priority', '*'],
			['bapenda', 'priority', '*'],
			['bapenda', 'priority', '*']
		]);
		expect(valid(setWorkProfile(mustParse(smallScenario()), null)).counters.every((c) => c.profile === undefined)).toBe(true);
	});

	it('switches the policy order and the closing rule', () => {
		expect(valid(setPolicyOrder(mustParse(smallScenario()), 'fifo')).policy.order).toBe('fifo');
		const v = valid(setAtClose(mustParse(smallScenario()), 'send-home'));
		expect('atClose' in v.calendar && v.calendar.atClose).toBe('send-home');
		expect(() => setAtClose(mustParse(continuousScenario(1, 6, 5)), 'send-home')).toThrow(/never closes/);
	});
});

describe('derived variants', () => {
	it('get a derived, valid id and a name that says what changed', () => {
		const base = mustParse(smallScenario());
		const list: WhatIf[] = [
			{ kind: 'counters', agency: 'bapenda', delta: 1 },
			{ kind: 'demand', factor: 1.25 },
			{ kind: 'serviceTime', agency: 'dukcapil', factor: 0.9 },
			{ kind: 'workProfile', profile: ['priority', '*'] },
			{ kind: 'order', order: 'fifo' },
			{ kind: 'atClose', atClose: 'send-home' }
		];
		for (const w of list) {
			const v = valid(applyWhatIf(base, w));
			expect(v.id.startsWith('kecil-')).toBe(true);
			expect(v.name.startsWith(base.name)).toBe(true);
		}
		const all = valid(applyWhatIfs(base, list));
		// Every change named would make 103 characters: the id keeps its start and ends in a hash of the whole (ids name files).
		expect(all.id).toMatch(/^kecil-bapenda-plus1-demand-x1_25-dukcapil-service-x0_9-[0-9a-f]{8}$/);
		expect(all.id.length).toBeLessThanOrEqual(64);
		expect(all.name).toContain('permintaan ×1.25');
	});

	it('keep the visitors the same when only counters change (common random numbers)', () => {
		const base = mustParse(smallScenario());
		const variant = valid(applyWhatIf(base, { kind: 'counters', agency: 'bapenda', delta: 1 }));
		const a = runInProcess(base, 7, 3);
		const b = runInProcess(variant, 7, 3);
		expect(b.map((r) => r.summary.overall.arrived)).toEqual(a.map((r) => r.summary.overall.arrived));
		expect(b.map((r) => r.summary.overall.noShow)).toEqual(a.map((r) => r.summary.overall.noShow));
		// (Tickets may differ: a visitor who gives up on a first service never queues for the second.)
	});
});

describe('move N counters from agency X to agency Y', () => {
	const kota = () => mustParse(JSON.parse(readFileSync(new URL('../../scenarios/kota-bengkulu.json', import.meta.url), 'utf8')));
	const shippedMove = () => mustParse(JSON.parse(readFileSync(new URL('../../scenarios/variants/kota-bengkulu-l20-dukcapil.json', import.meta.url), 'utf8')));
	/** A scenario without what only names it (id, name, notes). */
	const content = (s: ReturnType<typeof mustParse>) => ({ ...s, id: '', name: '', notes: '' });

	it('expresses the shipped L20-to-Dukcapil variant: one counter moved, taking Dukcapil\'s hours', () => {
		const v = valid(applyWhatIfs(kota(), [{ kind: 'move', from: 'bank-bengkulu', to: 'dukcapil', count: 1, shifts: 'take' }]));
		expect(content(v)).toEqual(content(shippedMove()));
		expect(v.id).toBe('kota-bengkulu-move1-bank-bengkulu-to-dukcapil-hours');
		expect(v.name).toContain('1 loket bank-bengkulu → dukcapil (jam dukcapil)');
	});

	it('keeps the moved counters\' own shifts when asked, and their ids, names, speed and places', () => {
		const base = kota();
		const v = valid(moveCounters(base, 'bank-bengkulu', 'dukcapil', 1, 'keep'));
		const l20 = v.counters.find((c) => c.id === 'L20')!;
		expect(l20.serves).toEqual(['dukcapil']);
		expect(l20.shifts).toEqual([['08:00', '14:00']]);
		expect(v.counters.map((c) => c.id)).toEqual(base.counters.map((c) => c.id));
		expect(l20.name).toBe('Loket 20');
	});

	it("takes the shifts of Y's last own counter, moves X's last counters first and drops their work profile", () => {
		const base = mustParse(smallScenario());
		// L03 is Bapenda's only own counter (L02 shares Bapenda with Dukcapil's KTP: never moved).
		const v = valid(moveCounters(base, 'bapenda', 'dukcapil', 1, 'take'));
		expect(v.counters[2]).toEqual({ ...base.counters[2], serves: ['dukcapil'], shifts: base.counters[0].shifts });
		// The other way: L01 goes to Bapenda, on Bapenda's hours (L03 has none: the hall's), without its Dukcapil profile.
		const w = valid(moveCounters(base, 'dukcapil', 'bapenda', 1, 'take'));
		expect(w.counters[0].serves).toEqual(['bapenda']);
		expect(w.counters[0].shifts).toBeUndefined();
		expect(w.counters[0].profile).toBeUndefined();
	});

	it('gives the hall\'s opening hours when Y has no counter, and a shared counter\'s hours when Y has only that', () => {
		const none = mustParse(morningHall({ counters: { pln: 0 } }));
		const split: Array<[string, string]> = [['08:00', '10:00']];
		const onShift = { ...none, counters: none.counters.map((c) => (c.id === 'dukcapil-2' ? { ...c, shifts: split } : c)) };
		const v = valid(moveCounters(onShift, 'dukcapil', 'pln', 1, 'take'));
		expect(v.counters.find((c) => c.id === 'dukcapil-2')).toMatchObject({ serves: ['pln'] });
		expect(v.counters.find((c) => c.id === 'dukcapil-2')!.shifts).toBeUndefined();
		// PLN served only by a counter it shares with Bapenda, on 10:00–12:00: a counter moved to PLN takes those hours.
		const late: Array<[string, string]> = [['10:00', '12:00']];
		const shared = { ...onShift, counters: [...onShift.counters, { id: 'bersama', name: 'Loket bersama', serves: ['bapenda', 'pln'], shifts: late, speed: 1 }] };
		expect(valid(moveCounters(shared, 'dukcapil', 'pln', 1, 'take')).counters.find((c) => c.id === 'dukcapil-2')!.shifts).toEqual(late);
	});

	it('refuses more counters than X has of its own, with a message saying how many it has', () => {
		const base = kota();
		expect(() => moveCounters(base, 'dukcapil', 'samsat', 4, 'keep')).toThrow(VariantError);
		expect(() => moveCounters(base, 'dukcapil', 'samsat', 4, 'keep')).toThrow('"dukcapil" has only 3 counter(s) of its own (serving only it); cannot move 4');
		expect(() => moveCounters(base, 'pln', 'dukcapil', 1, 'keep')).toThrow(/no counter serves only "pln": there is none to move/);
	});

	it('refuses an unknown agency, a move to the same agency and a count that is not a whole number ≥ 1', () => {
		const base = kota();
		expect(() => moveCounters(base, 'bank', 'dukcapil', 1, 'keep')).toThrow(/no agency "bank"/);
		expect(() => moveCounters(base, 'dukcapil', 'nowhere', 1, 'keep')).toThrow(/no agency "nowhere"/);
		expect(() => moveCounters(base, 'dukcapil', 'dukcapil', 1, 'keep')).toThrow(/to itself change nothing/);
		for (const n of [0, -1, 1.5, NaN]) expect(() => moveCounters(base, 'dukcapil', 'samsat', n, 'keep')).toThrow(/whole number of at least 1/);
	});
});

describe('a variant of several changes', () => {
	it('applies the changes in order, each seeing the one before', () => {
		const base = mustParse(smallScenario());
		// Add a Bapenda counter, then move both own Bapenda counters (L03 and the new one) to Dukcapil.
		const v = valid(
			applyWhatIfs(base, [
				{ kind: 'counters', agency: 'bapenda', delta: 1 },
				{ kind: 'move', from: 'bapenda', to: 'dukcapil', count: 2, shifts: 'keep' },
				{ kind: 'demand', factor: 1.5 }
			])
		);
		expect(v.counters.map((c) => c.serves)).toEqual([['dukcapil'], ['dukcapil/ktp', 'bapenda'], ['dukcapil'], ['dukcapil']]);
		expect(v.demand.visitorsPerDay).toBeCloseTo(180, 10);
		expect(v.name).toBe(`${base.name} (bapenda +1 loket; 2 loket bapenda → dukcapil; permintaan ×1.5)`);
	});

	it('names the change that fails, by number and description, and keeps the reason apart', () => {
		const base = mustParse(smallScenario());
		const list: WhatIf[] = [
			{ kind: 'demand', factor: 1.2 },
			{ kind: 'move', from: 'bapenda', to: 'dukcapil', count: 2, shifts: 'take' }
		];
		let error: unknown;
		try {
			applyWhatIfs(base, list);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(VariantError);
		const ve = error as VariantError;
		expect(ve.message).toBe('change 2 of 2 (2 loket bapenda → dukcapil (jam dukcapil)): "bapenda" has only 1 counter(s) of its own (serving only it); cannot move 2');
		expect(ve.change).toBe(1);
		expect(ve.detail).toBe('"bapenda" has only 1 counter(s) of its own (serving only it); cannot move 2');
	});

	it('checks the scenario after each change: a change that leaves it invalid is named', () => {
		const base = mustParse(smallScenario());
		// A base no what-if could make valid (a negative speed) shows the check: the first change is named.
		const bad = { ...base, counters: base.counters.map((c) => ({ ...c, speed: -1 })) };
		expect(() => applyWhatIfs(bad, [{ kind: 'order', order: 'fifo' }])).toThrow(/^change 1 of 1 \(urutan fifo\): the result is not a valid scenario: counters\[0\]\.speed/);
	});
});
