/**
 * The magnitude limits (model/limits.ts): every number a scenario may hold is bounded, so what validation
 * accepts the simulator can run — the cases here each hung, crashed or gave nonsense before the bounds.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MINUTES } from '../../src/lib/model/limits';
import { parseScenario } from '../../src/lib/model/parse';
import type { ScenarioInput } from '../../src/lib/model/scenario';
import { continuousScenario, smallScenario } from '../fixtures/scenarios';
import { errorsOf, expectErrorAt } from './helpers';

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

const HUGE = [1e12, 1e308, Number.MAX_VALUE];

describe('magnitude limits', () => {
	it.each(HUGE)('rejects %d visitors a day, a day factor or an hourly rate that large, at the field', (x) => {
		expectErrorAt(small((s) => (s.demand.visitorsPerDay = x)), 'demand.visitorsPerDay', /at most 100000/);
		expectErrorAt(small((s) => (s.demand.dayFactors.mon = x)), 'demand.dayFactors.mon', 'must be at most 100');
		expectErrorAt(continuous((s) => (s.demand.ratePerHour = x)), 'demand.ratePerHour', /at most 10000 arrivals/);
		expectErrorAt(continuous((s) => (s.calendar.continuousMinutes = x)), 'calendar.continuousMinutes', /at most 10000000 minutes/);
	});

	it.each([
		['fixed', { dist: 'fixed', value: 1e12 }, 'value'],
		['exponential', { dist: 'exponential', mean: 1e12 }, 'mean'],
		['lognormal', { dist: 'lognormal', mean: 1e308, cv: 0.5 }, 'mean'],
		['normal sd', { dist: 'normal', mean: 5, sd: 1e12 }, 'sd'],
		['uniform max', { dist: 'uniform', min: 1, max: 1e308 }, 'max'],
		['triangular max', { dist: 'triangular', min: 1, mode: 2, max: 1e12 }, 'max'],
		['empirical', { dist: 'empirical', values: [3, 1e12] }, 'values[1]']
	])('rejects a %s service time of more than a week, at the parameter', (_, d, field) => {
		expectErrorAt(small((s) => (s.agencies[0].services[0].serviceTime = d)), `agencies[0].services[0].serviceTime.${field}`, `must be at most ${MAX_DURATION_MINUTES} minutes (a week)`);
	});

	it('says how to write "nobody leaves" when a patience is huge', () => {
		const e = expectErrorAt(small((s) => (s.demand.patience = { dist: 'exponential', mean: 1e12 })), 'demand.patience.mean');
		expect(e.message).toContain('set demand.patience to null');
	});

	it.each([1e-200, 1e200, 0.001, 11])('rejects a cv of %d in service times, patience and punctuality alike', (cv) => {
		expectErrorAt(small((s) => (s.agencies[0].services[0].serviceTime = { dist: 'gamma', mean: 5, cv })), 'agencies[0].services[0].serviceTime.cv');
		expectErrorAt(small((s) => (s.demand.patience = { dist: 'lognormal', mean: 30, cv })), 'demand.patience.cv');
		expectErrorAt(small((s) => (s.demand.online.punctuality = { dist: 'gamma', mean: 5, cv })), 'demand.online.punctuality.cv');
	});

	it('rejects a counter speed of 1e-300 or 1e300', () => {
		expectErrorAt(small((s) => (s.counters[0].speed = 1e-300)), 'counters[0].speed', 'must be at least 0.01');
		expectErrorAt(small((s) => (s.counters[0].speed = 1e300)), 'counters[0].speed', 'must be at most 100');
	});

	it('rejects profile weights whose sum would overflow', () => {
		expectErrorAt(small((s) => (s.demand.profile.weights = [1.7e308, 1.7e308])), 'demand.profile.weights[0]');
	});

	it('rejects an id too long to name a file', () => {
		expectErrorAt(small((s) => (s.id = 'a'.repeat(300))), 'id', /at most 64 characters/);
	});

	it('rejects "__proto__" as a day factor like any other unknown day', () => {
		const input = JSON.parse(JSON.stringify(smallScenario()).replace('"dayFactors":{', '"dayFactors":{"__proto__":"x",'));
		expect(parseScenario(input).ok).toBe(false);
		expect(errorsOf(input).some((e) => e.path.startsWith('demand.dayFactors'))).toBe(true);
	});

	it('rejects a replication expecting more visitors than it can hold', () => {
		const days = Array.from({ length: 3000 }, () => 'mon');
		expectErrorAt(small((s) => ((s.calendar.days = days), (s.demand.visitorsPerDay = 90_000), (s.demand.dayFactors = { mon: 1 }))), 'demand.visitorsPerDay', /more than the 20,000,000/);
	});
});

describe('scenarios in which nobody could ever be measured or arrive', () => {
	it('rejects a break covering every ticket-issuing minute of every day', () => {
		expectErrorAt(
			small((s) => {
				s.calendar.days = ['fri'];
				s.calendar.hours.fri.breaks = [['08:00', '15:30']];
			}),
			'demand.profile',
			/no weight between opening and the last ticket, outside breaks/
		);
	});

	it('rejects a warm-up outlasting every simulated day', () => {
		expectErrorAt(small((s) => (s.run.warmupMinutes = 5000)), 'run.warmupMinutes', /nothing would be measured/);
		expect(parseScenario(small((s) => (s.run.warmupMinutes = 1440))).ok).toBe(true);
	});
});
