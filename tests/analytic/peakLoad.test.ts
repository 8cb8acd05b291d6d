/** Peak-hour offered loads, worked by hand on small scenarios. */
import { describe, expect, it } from 'vitest';
import { legsPerVisitor, peakHourShare, peakLoads } from '../../src/lib/analytic/peakLoad';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';
import { morningHall } from '../planning/fixtures';

describe('peakHourShare', () => {
	it('finds the busiest 60-minute window of a piecewise-constant arrival density', () => {
		// 08:00–09:00 density 1, 09:00–09:30 density 3, 09:30–11:00 density 1: total 60 + 90 + 90 = 240.
		const shape = { starts: Float64Array.of(480, 540, 570), ends: Float64Array.of(540, 570, 660), cum: Float64Array.of(60, 150, 240) };
		const { share, start } = peakHourShare(shape);
		// Any window holding the dense half hour: 90 + 30 = 120 of 240.
		expect(share).toBeCloseTo(0.5, 12);
		expect(start).toBeGreaterThanOrEqual(510);
		expect(start).toBeLessThanOrEqual(540);
	});
});

describe('legsPerVisitor', () => {
	it('counts the first service and each further one with probability p, up to every service', () => {
		expect(legsPerVisitor(0, 5)).toBe(1);
		expect(legsPerVisitor(0.1, 3)).toBeCloseTo(1.11, 12);
		expect(legsPerVisitor(0.5, 1)).toBe(1);
	});
});

describe('peakLoads', () => {
	it('spreads a flat morning evenly: 90 visitors over 210 minutes', () => {
		const loads = peakLoads(mustParse(morningHall()));
		const duk = loads[0];
		expect(duk.hallVisitorsPerHour).toBeCloseTo((90 * 60) / 210, 10);
		// Dukcapil has weight 6 of 9; mean service (4·8 + 2·(4+7+14)/3)/6 minutes.
		expect(duk.ticketsPerHour).toBeCloseTo(((90 * 60) / 210) * (6 / 9), 10);
		const meanService = (4 * 8 + 2 * (25 / 3)) / 6;
		expect(duk.meanServiceMinutes).toBeCloseTo(meanService, 10);
		expect(duk.offeredLoad).toBeCloseTo((duk.ticketsPerHour / 60) * meanService, 10);
		expect(loads.map((l) => l.agency)).toEqual(['dukcapil', 'bapenda', 'pln']);
	});

	it('takes the busiest day and its busiest hour, with extra services and counter speed', () => {
		const loads = peakLoads(mustParse(smallScenario()));
		// Monday (factor 1.2 → 144 visitors) beats Friday; its busiest hour holds weight 4 of 19.5.
		const hall = (144 * 4) / 19.5;
		expect(loads[0].hallVisitorsPerHour).toBeCloseTo(hall, 10);
		const legs = 1.11;
		expect(loads[1].ticketsPerHour).toBeCloseTo((hall * legs * 3) / 13, 10);
		// Bapenda is served by L02 (speed 1) and L03 (speed 1.2).
		expect(loads[1].speed).toBeCloseTo(1.1, 12);
		expect(loads[1].offeredLoad).toBeCloseTo(((hall * legs * 3) / 13 / 60) * 7 / 1.1, 10);
	});

	it('uses the constant rate of a hall that never closes', () => {
		const [a] = peakLoads(mustParse(continuousScenario(3, 30, 5)));
		expect(a.arrivalRate).toBeCloseTo(0.5, 12);
		expect(a.offeredLoad).toBeCloseTo(2.5, 12);
	});
});
