/** compileScenario: what the run loop gets from a validated scenario — engine config, profiles, serves, days and shifts. */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/lib/sim/compile';
import { stream } from '../../src/lib/sim/random';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';

const small = () => compileScenario(mustParse(smallScenario()));

describe('compileScenario: the engine configuration', () => {
	it('lists agencies with their ticket prefixes and services in scenario order', () => {
		expect(small().engine.agencies).toEqual([
			{ id: 'dukcapil', ticketPrefix: 'A', services: ['kk', 'ktp'] },
			{ id: 'bapenda', ticketPrefix: 'B', services: ['pbb'] }
		]);
	});

	it('resolves what each counter serves to (agency, service) pairs: an agency means all its services', () => {
		const [l1, l2, l3] = small().engine.counters;
		expect(l1.serves).toEqual([
			{ agency: 'dukcapil', service: 'kk' },
			{ agency: 'dukcapil', service: 'ktp' }
		]);
		// "dukcapil/ktp" is one service; the order is the scenario's, not the order `serves` was written in.
		expect(l2.serves).toEqual([
			{ agency: 'dukcapil', service: 'ktp' },
			{ agency: 'bapenda', service: 'pbb' }
		]);
		expect(l3.serves).toEqual([{ agency: 'bapenda', service: 'pbb' }]);
		expect(small().engine.counters.map((c) => c.id)).toEqual(['L01', 'L02', 'L03']);
	});

	it("keeps a counter's own work profile and gives the others the policy's default", () => {
		const counters = small().engine.counters;
		expect(counters.map((c) => c.profile)).toEqual([['priority', 'dukcapil'], ['bapenda', '*'], ['priority', '*']]);
		const fifo = smallScenario();
		fifo.policy = { ...fifo.policy!, order: 'fifo' };
		expect(compileScenario(mustParse(fifo)).engine.counters.map((c) => c.profile)).toEqual([['priority', 'dukcapil'], ['bapenda', '*'], ['*']]);
	});

	it('gives counter speeds by counter index (1 unless set)', () => {
		expect(Array.from(small().speeds)).toEqual([1, 1, 1.2]);
	});
});

describe('compileScenario: services', () => {
	it('numbers services agency by agency and draws them by weight (cumulative 6, 10, 13)', () => {
		const m = small();
		expect(Array.from(m.servicePick.cum)).toEqual([6, 10, 13]);
		expect(m.serviceWork).toHaveLength(3);
		expect([0, 0.46, 0.47, 0.76, 0.77, 0.999].map((u) => m.servicePick.pick(u))).toEqual([0, 0, 1, 1, 2, 2]);
	});

	it("compiles each service's time into its sampler, in service order", () => {
		const input = smallScenario();
		input.agencies[0].services[0].serviceTime = { dist: 'fixed', value: 4 };
		input.agencies[1].services[0].serviceTime = { dist: 'uniform', min: 2, max: 3 };
		const m = compileScenario(mustParse(input));
		const rng = stream(1, 0, 'test');
		expect(m.serviceWork[0].draw(rng)).toBe(4);
		for (let i = 0; i < 50; i++) {
			const x = m.serviceWork[2].draw(rng);
			expect(x).toBeGreaterThanOrEqual(2);
			expect(x).toBeLessThan(3);
		}
	});

	it('carries the demand figures: shares, online slot, patience and punctuality samplers, warm-up', () => {
		const m = small();
		expect([m.priorityShare, m.extraService, m.onlineShare, m.onlineSlot, m.noShow, m.warmup]).toEqual([0.1, 0.1, 0.2, 30, 0.1, 0]);
		expect(m.patience).not.toBeNull();
		expect(m.punctuality).not.toBeNull();
		expect(m.continuous).toBe(false);
		const plain = smallScenario();
		delete plain.demand.online;
		plain.demand.patience = null;
		const p = compileScenario(mustParse(plain));
		expect([p.patience, p.punctuality, p.onlineShare, p.noShow]).toEqual([null, null, 0, 0]);
	});
});

describe('compileScenario: days and shifts', () => {
	it('turns each day into minutes after midnight, with its expected visitors and closing rule', () => {
		const [mon, fri] = small().days;
		expect([mon.index, mon.dayId, mon.open, mon.lastTicket, mon.close, mon.expectedVisitors, mon.atClose]).toEqual([0, 'mon', 480, 870, 900, 144, 'serve-waiting']);
		expect([fri.index, fri.dayId, fri.open, fri.lastTicket, fri.close, fri.expectedVisitors]).toEqual([1, 'fri', 480, 870, 930, 96]);
	});

	it('puts counters without shifts on duty while the hall is open, off in breaks; shifts as given, within opening hours', () => {
		const [mon, fri] = small().days;
		// L01 has shifts 08:00–12:00 and 13:00–15:00; L02 and L03 follow the hall.
		expect(mon.duty).toEqual([
			[
				[480, 720],
				[780, 900]
			],
			[[480, 900]],
			[[480, 900]]
		]);
		// Friday: a prayer break 11:30–13:00 and closing at 15:30; a shift ending at 15:00 still ends then.
		expect(fri.duty).toEqual([
			[
				[480, 720],
				[780, 900]
			],
			[
				[480, 690],
				[780, 930]
			],
			[
				[480, 690],
				[780, 930]
			]
		]);
	});

	it("sorts a counter's shifts and clips them to each day's opening hours", () => {
		const input = smallScenario();
		input.counters[0].shifts = [
			['13:00', '15:30'],
			['08:00', '09:00']
		];
		const [mon, fri] = compileScenario(mustParse(input)).days;
		// Monday closes at 15:00, Friday at 15:30.
		expect(mon.duty[0]).toEqual([
			[480, 540],
			[780, 900]
		]);
		expect(fri.duty[0]).toEqual([
			[480, 540],
			[780, 930]
		]);
	});

	it('shapes arrivals by the profile between opening and last ticket, minus breaks', () => {
		const [mon, fri] = small().days;
		// Weights 3,4,4,2,3,3,1 per hour from 08:00; the last hour is cut at 14:30.
		expect(Array.from(mon.arrivals.starts)).toEqual([480, 540, 600, 660, 720, 780, 840]);
		expect(Array.from(mon.arrivals.ends)).toEqual([540, 600, 660, 720, 780, 840, 870]);
		expect(Array.from(mon.arrivals.cum)).toEqual([3, 7, 11, 13, 16, 19, 19.5]);
		// Friday's break takes 11:30–12:00 and the 12:00 hour.
		expect(Array.from(fri.arrivals.starts)).toEqual([480, 540, 600, 660, 780, 840]);
		expect(Array.from(fri.arrivals.ends)).toEqual([540, 600, 660, 690, 840, 870]);
		expect(Array.from(fri.arrivals.cum)).toEqual([3, 7, 11, 12, 15, 15.5]);
		expect(fri.arrivals.pick!.total).toBe(15.5);
	});

	it('makes a continuous hall one day of the whole run, every counter always on duty, arrivals at the hourly rate', () => {
		const m = compileScenario(mustParse(continuousScenario(3, 48, 5, { minutes: 6_000, warmupMinutes: 200 })));
		expect(m.continuous).toBe(true);
		expect(m.ratePerMinute).toBe(0.8);
		expect(m.days).toHaveLength(1);
		const [run] = m.days;
		expect([run.index, run.dayId, run.open, run.lastTicket, run.close, run.expectedVisitors, run.atClose]).toEqual([0, 'run', 0, 6_000, 6_000, 4_800, 'serve-waiting']);
		expect(run.duty).toEqual([[[0, 6_000]], [[0, 6_000]], [[0, 6_000]]]);
		expect(Array.from(run.arrivals.cum)).toEqual([6_000]);
		expect(m.engine.counters.map((c) => c.profile)).toEqual([['*'], ['*'], ['*']]);
		expect(m.warmup).toBe(200);
	});
});
