import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/lib/model/scenario';
import { continuousScenario, smallScenario } from '../fixtures/scenarios';
import { errorsOf, expectErrorAt, warningsOf } from './helpers';

// Fixtures are loosely typed here: each case breaks them on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function small(mutate: (s: Any) => void): ScenarioInput {
	const s = smallScenario();
	mutate(s);
	return s;
}

function continuous(mutate: (s: Any) => void): ScenarioInput {
	const s = continuousScenario(2, 10, 5);
	mutate(s);
	return s;
}

describe('fixtures', () => {
	it('are valid without warnings', () => {
		expect(warningsOf(smallScenario())).toEqual([]);
		expect(warningsOf(continuousScenario(3, 20, 8))).toEqual([]);
	});
});

describe('ids', () => {
	it('rejects a duplicate agency id', () => {
		expectErrorAt(small((s) => (s.agencies[1].id = 'dukcapil')), 'agencies[1].id', 'duplicate agency id "dukcapil" (also agencies[0])');
	});
	it('rejects a duplicate service id within an agency, but not across agencies', () => {
		expectErrorAt(small((s) => (s.agencies[0].services[1].id = 'kk')), 'agencies[0].services[1].id', /duplicate service id "kk"/);
		warningsOf(small((s) => (s.agencies[1].services[0].id = 'kk')));
	});
	it('rejects a duplicate counter id', () => {
		expectErrorAt(small((s) => (s.counters[2].id = 'L01')), 'counters[2].id', /duplicate counter id "L01"/);
	});
	it('rejects a duplicate ticket prefix', () => {
		expectErrorAt(small((s) => (s.agencies[1].ticketPrefix = 'A')), 'agencies[1].ticketPrefix', /duplicate ticket prefix "A"/);
	});
	it('rejects an agency id that a work profile could not name', () => {
		expectErrorAt(
			small((s) => {
				s.agencies[1].id = 'priority';
				s.counters[1].serves = ['priority'];
				s.counters[1].profile = undefined;
				s.counters[2].serves = ['priority'];
			}),
			'agencies[1].id',
			/reserved/
		);
	});
});

describe('counters[i].serves', () => {
	it('names an entry that is neither an agency nor a service', () => {
		expectErrorAt(small((s) => (s.counters[2].serves = ['bapenda', 'dukcapl'])), 'counters[2].serves[1]', 'no agency or service "dukcapl"');
	});
	it('rejects an unknown service of a known agency, and a service of an unknown agency', () => {
		expectErrorAt(small((s) => (s.counters[1].serves = ['dukcapil/akta', 'bapenda'])), 'counters[1].serves[0]', 'no agency or service "dukcapil/akta"');
		expectErrorAt(small((s) => (s.counters[1].serves = ['bapenda', 'pajak/pbb'])), 'counters[1].serves[1]', 'no agency or service "pajak/pbb"');
	});
});

describe('counters[i].profile', () => {
	it('names an entry that does not exist', () => {
		expectErrorAt(small((s) => (s.counters[0].profile = ['priority', 'pajak'])), 'counters[0].profile[1]', 'no agency or service "pajak"');
	});
	it('rejects an agency the counter does not serve', () => {
		expectErrorAt(small((s) => (s.counters[0].profile = ['priority', 'bapenda'])), 'counters[0].profile[1]', /counter "L01" does not serve "bapenda"/);
	});
	it('allows an agency when the counter serves one of its services', () => {
		warningsOf(small((s) => (s.counters[1].profile = ['dukcapil', 'bapenda'])));
	});
	it('allows "agency/service" when the counter serves the whole agency', () => {
		warningsOf(small((s) => (s.counters[0].profile = ['dukcapil/kk', '*'])));
	});
	it('rejects "agency/service" when the counter serves another service of that agency', () => {
		expectErrorAt(small((s) => (s.counters[1].profile = ['dukcapil/kk', '*'])), 'counters[1].profile[0]', /does not serve "dukcapil\/kk"/);
	});
	it('allows "priority" and "*" anywhere', () => {
		warningsOf(small((s) => (s.counters[2].profile = ['*', 'priority'])));
	});
});

describe('weights', () => {
	it('rejects an agency whose service weights are all zero', () => {
		expectErrorAt(
			small((s) => {
				for (const x of s.agencies[0].services) x.weight = 0;
			}),
			'agencies[0].services',
			/all service weights of agency "dukcapil" are zero/
		);
	});
	it('allows a zero weight next to a positive one', () => {
		warningsOf(small((s) => (s.agencies[0].services[0].weight = 0)));
	});
});

describe('services no counter calls (warnings)', () => {
	it('warns about a service no counter serves, and stays valid', () => {
		const w = warningsOf(
			small((s) => {
				s.counters[0].serves = ['dukcapil/kk'];
				s.counters[0].profile = ['priority', '*'];
				s.counters[1].serves = ['bapenda'];
				s.counters[1].profile = undefined;
			})
		);
		expect(w.map((x) => x.path)).toEqual(['agencies[0].services[1]']);
		expect(w[0].message).toMatch(/no counter serves "dukcapil\/ktp"/);
	});
	it('warns when the counters serving it only ever call its priority tickets', () => {
		const w = warningsOf(
			small((s) => {
				s.counters[1].profile = ['dukcapil'];
				s.counters[2].profile = ['priority'];
			})
		);
		expect(w.map((x) => x.path)).toEqual(['agencies[1].services[0]']);
		expect(w[0].message).toMatch(/L02, L03/);
	});
});

describe('opening hours', () => {
	it('rejects a last ticket after closing', () => {
		expectErrorAt(small((s) => (s.calendar.hours.default.lastTicket = '15:30')), 'calendar.hours.default.lastTicket', /after closing \(15:00\)/);
	});
	it('rejects a last ticket at or before opening', () => {
		expectErrorAt(small((s) => (s.calendar.hours.fri.lastTicket = '08:00')), 'calendar.hours.fri.lastTicket', /must be after opening/);
		expectErrorAt(small((s) => (s.calendar.hours.fri.open = '16:00')), 'calendar.hours.fri.lastTicket');
	});
	it('allows the last ticket at closing time and closing at 24:00', () => {
		warningsOf(small((s) => (s.calendar.hours.default = { open: '08:00', lastTicket: '24:00', close: '24:00' })));
	});
	it('checks an hours entry for a day that is not simulated, but allows it', () => {
		warningsOf(small((s) => (s.calendar.hours.sat = { open: '08:00', lastTicket: '11:00', close: '12:00' })));
		expectErrorAt(small((s) => (s.calendar.hours.sat = { open: '08:00', lastTicket: '13:00', close: '12:00' })), 'calendar.hours.sat.lastTicket');
	});
	it('rejects a break that ends before it starts', () => {
		expectErrorAt(small((s) => (s.calendar.hours.fri.breaks = [['13:00', '11:30']])), 'calendar.hours.fri.breaks[0]', /must end after it starts/);
	});
	it('rejects a break outside opening hours', () => {
		expectErrorAt(small((s) => (s.calendar.hours.fri.breaks = [['07:00', '08:30']])), 'calendar.hours.fri.breaks[0]', /outside opening hours \(08:00–15:30\)/);
		expectErrorAt(small((s) => (s.calendar.hours.default.breaks = [['14:00', '15:10']])), 'calendar.hours.default.breaks[0]');
	});
	it('rejects overlapping breaks, and allows touching ones', () => {
		expectErrorAt(
			small((s) => (s.calendar.hours.fri.breaks = [['11:30', '12:30'], ['12:00', '13:00']])),
			'calendar.hours.fri.breaks[1]',
			/overlaps break 11:30–12:30/
		);
		warningsOf(small((s) => (s.calendar.hours.fri.breaks = [['11:30', '12:00'], ['12:00', '13:00']])));
	});
});

describe('counters[i].shifts', () => {
	it('rejects a shift that ends before it starts', () => {
		expectErrorAt(small((s) => (s.counters[0].shifts[1] = ['15:00', '13:00'])), 'counters[0].shifts[1]', /must end after it starts/);
	});
	it('rejects overlapping shifts', () => {
		expectErrorAt(small((s) => (s.counters[0].shifts = [['08:00', '12:00'], ['11:00', '15:00']])), 'counters[0].shifts[1]', /overlaps/);
	});
	it('rejects a shift before the hall opens', () => {
		expectErrorAt(small((s) => (s.counters[0].shifts = [['07:00', '12:00']])), 'counters[0].shifts[0]', 'shift 07:00–12:00 starts before the hall opens (08:00)');
	});
	it('uses the latest closing over the simulated days', () => {
		// Friday closes at 15:30, Monday at 15:00.
		warningsOf(small((s) => (s.counters[0].shifts = [['13:00', '15:30']])));
		expectErrorAt(small((s) => (s.counters[0].shifts = [['13:00', '16:00']])), 'counters[0].shifts[0]', 'shift 13:00–16:00 ends after the hall closes (15:30)');
		expectErrorAt(
			small((s) => {
				s.calendar.days = ['mon'];
				s.counters[0].shifts = [['13:00', '15:30']];
			}),
			'counters[0].shifts[0]',
			/ends after the hall closes \(15:00\)/
		);
	});
});

describe('continuous calendar', () => {
	it('requires demand.ratePerHour', () => {
		expectErrorAt(continuous((s) => delete s.demand.ratePerHour), 'demand.ratePerHour', 'required with calendar.continuousMinutes');
	});
	it('requires a positive rate', () => {
		expectErrorAt(continuous((s) => (s.demand.ratePerHour = 0)), 'demand.ratePerHour', 'the arrival rate must be positive');
		expectErrorAt(continuous((s) => (s.demand.ratePerHour = -3)), 'demand.ratePerHour', 'the arrival rate must be positive');
	});
	it('rejects the fields of a working-day hall', () => {
		const d = smallScenario().demand as Any;
		for (const field of ['visitorsPerDay', 'profile', 'online', 'dayFactors']) {
			expectErrorAt(continuous((s) => (s.demand[field] = d[field])), `demand.${field}`, /not allowed with calendar.continuousMinutes/);
		}
	});
	it('rejects counter shifts', () => {
		expectErrorAt(continuous((s) => (s.counters[1].shifts = [['08:00', '12:00']])), 'counters[1].shifts', /not allowed/);
	});
	it('requires the warm-up to be shorter than the run', () => {
		expectErrorAt(continuous((s) => (s.run.warmupMinutes = 100_000)), 'run.warmupMinutes', /shorter than the run/);
		warningsOf(continuous((s) => (s.run.warmupMinutes = 99_999)));
	});
});

describe('working-day demand', () => {
	it('requires a positive demand.visitorsPerDay', () => {
		expectErrorAt(small((s) => delete s.demand.visitorsPerDay), 'demand.visitorsPerDay', 'required with calendar.days');
		expectErrorAt(small((s) => (s.demand.visitorsPerDay = 0)), 'demand.visitorsPerDay', 'the arrival rate must be positive');
		expectErrorAt(small((s) => (s.demand.visitorsPerDay = -5)), 'demand.visitorsPerDay', 'the arrival rate must be positive');
	});
	it('rejects demand.ratePerHour', () => {
		expectErrorAt(small((s) => (s.demand.ratePerHour = 20)), 'demand.ratePerHour', /not allowed with calendar.days/);
	});
	it('requires a profile with some weight', () => {
		expectErrorAt(small((s) => delete s.demand.profile), 'demand.profile', 'required with calendar.days');
		expectErrorAt(small((s) => (s.demand.profile.weights = [0, 0, 0])), 'demand.profile.weights', /all weights are zero/);
	});
	it('requires the profile to put weight between opening and last ticket on some day', () => {
		expectErrorAt(small((s) => (s.demand.profile = { from: '16:00', step: 30, weights: [1, 2] })), 'demand.profile', /16:00–17:00/);
		// Weight only before opening: the later steps that overlap the hours are all zero.
		expectErrorAt(small((s) => (s.demand.profile = { from: '06:00', step: 60, weights: [1, 1, 0, 0] })), 'demand.profile');
		// Weight only after the last ticket (14:30): 14:30–15:00 is outside, 14:00–14:30 would not be.
		expectErrorAt(small((s) => (s.demand.profile = { from: '14:00', step: 30, weights: [0, 1] })), 'demand.profile');
		warningsOf(small((s) => (s.demand.profile = { from: '14:00', step: 30, weights: [1, 1] })));
	});
	it('allows day factors for days that are not simulated, but not all simulated days at zero', () => {
		warningsOf(small((s) => (s.demand.dayFactors = { sat: 2, mon: 0 })));
		expectErrorAt(small((s) => (s.demand.dayFactors = { mon: 0, fri: 0 })), 'demand.dayFactors', /no visitor would arrive/);
	});
});

describe('distributions', () => {
	const at = 'agencies[0].services[0].serviceTime';
	const bad: Array<[string, unknown, string, string | RegExp]> = [
		['exponential mean 0', { dist: 'exponential', mean: 0 }, 'mean', 'must be positive'],
		['lognormal cv 0', { dist: 'lognormal', mean: 5, cv: 0 }, 'cv', 'must be at least 0.01 (below that, use a fixed time)'],
		['lognormal mean -1', { dist: 'lognormal', mean: -1, cv: 0.5 }, 'mean', 'must be positive'],
		['gamma cv -1', { dist: 'gamma', mean: 5, cv: -1 }, 'cv', 'must be at least 0.01 (below that, use a fixed time)'],
		['normal sd -1', { dist: 'normal', mean: 5, sd: -1 }, 'sd', 'must not be negative'],
		['normal mean 0 (duration)', { dist: 'normal', mean: 0, sd: 1 }, 'mean', /positive/],
		['uniform min > max', { dist: 'uniform', min: 5, max: 3 }, 'max', /must not be less than min \(5\)/],
		['uniform negative min (duration)', { dist: 'uniform', min: -1, max: 3 }, 'min', 'a duration cannot be negative'],
		['uniform 0..0 (duration)', { dist: 'uniform', min: 0, max: 0 }, 'max', 'a duration must be positive'],
		['triangular mode < min', { dist: 'triangular', min: 1, mode: 0, max: 3 }, 'mode', /between min and max/],
		['triangular mode > max', { dist: 'triangular', min: 1, mode: 4, max: 3 }, 'mode', /between min and max/],
		['triangular min = max', { dist: 'triangular', min: 3, mode: 3, max: 3 }, 'max', /greater than min/],
		['triangular negative min (duration)', { dist: 'triangular', min: -1, mode: 1, max: 3 }, 'min', 'a duration cannot be negative'],
		['fixed 0 (duration)', { dist: 'fixed', value: 0 }, 'value', 'a duration must be positive'],
		['fixed negative (duration)', { dist: 'fixed', value: -2 }, 'value', 'a duration must be positive'],
		['empirical negative (duration)', { dist: 'empirical', values: [3, -1, 2] }, 'values[1]', 'a duration cannot be negative'],
		['empirical all zero (duration)', { dist: 'empirical', values: [0, 0] }, 'values', /at least one positive value/]
	];
	for (const [name, dist, field, message] of bad) {
		it(`rejects ${name} at the field`, () => {
			expectErrorAt(small((s) => (s.agencies[0].services[0].serviceTime = dist)), `${at}.${field}`, message);
		});
	}
	it('points into other services, patience and punctuality', () => {
		expectErrorAt(small((s) => (s.agencies[1].services[0].serviceTime = { dist: 'gamma', mean: 5, cv: 0 })), 'agencies[1].services[0].serviceTime.cv', 'must be at least 0.01 (below that, use a fixed time)');
		expectErrorAt(small((s) => (s.demand.patience = { dist: 'fixed', value: 0 })), 'demand.patience.value', 'a duration must be positive');
		expectErrorAt(
			small((s) => (s.demand.online.punctuality = { dist: 'uniform', min: 5, max: -5 })),
			'demand.online.punctuality.max',
			/must not be less than min/
		);
		expectErrorAt(small((s) => (s.demand.online.punctuality = { dist: 'exponential', mean: 0 })), 'demand.online.punctuality.mean');
	});
	it('accepts edge cases that are possible', () => {
		const ok: unknown[] = [
			{ dist: 'triangular', min: 1, mode: 1, max: 3 },
			{ dist: 'triangular', min: 0, mode: 3, max: 3 },
			{ dist: 'uniform', min: 0, max: 4 },
			{ dist: 'empirical', values: [0, 3] },
			{ dist: 'normal', mean: 5, sd: 0 },
			{ dist: 'fixed', value: 0.5 }
		];
		for (const d of ok) warningsOf(small((s) => (s.agencies[0].services[0].serviceTime = d)));
	});
	it('lets punctuality be negative (arriving early)', () => {
		const ok: unknown[] = [
			{ dist: 'fixed', value: -5 },
			{ dist: 'uniform', min: -10, max: -2 },
			{ dist: 'normal', mean: -5, sd: 10 },
			{ dist: 'empirical', values: [-3, -1, 0] },
			{ dist: 'triangular', min: -10, mode: -5, max: 0 }
		];
		for (const d of ok) warningsOf(small((s) => (s.demand.online.punctuality = d)));
		warningsOf(small((s) => (s.demand.patience = null)));
	});
});

describe('reporting', () => {
	it('reports several independent problems at once', () => {
		const errors = errorsOf(
			small((s) => {
				s.counters[2].serves = ['nope'];
				s.calendar.hours.default.lastTicket = '16:00';
				s.demand.visitorsPerDay = 0;
			})
		);
		expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['counters[2].serves[0]', 'calendar.hours.default.lastTicket', 'demand.visitorsPerDay']));
	});
});
