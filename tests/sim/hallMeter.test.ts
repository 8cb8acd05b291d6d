import { describe, expect, it } from 'vitest';
import { QueueEngine } from '../../src/lib/engine/engine';
import { compileScenario } from '../../src/lib/sim/compile';
import { HallMeter } from '../../src/lib/sim/hallMeter';
import { HOURS_PER_DAY } from '../../src/lib/stats/replicationTally';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';

function meter(input = smallScenario()) {
	const model = compileScenario(mustParse(input));
	const engine = new QueueEngine(model.engine);
	return { m: new HallMeter(model, engine), model };
}

describe('HallMeter', () => {
	// A span of 10^12 minutes stepped a bin or an hour at a time would run for hours: each loop is bounded by the
	// number of bins (or 25 clock hours), so these return at once and the minutes still add up.
	it('meters a span of 10^12 minutes in one go, over the trace bins, with every minute counted', () => {
		const { m } = meter();
		m.waiting = 2;
		m.advance(1e12);
		const { trace } = m.finish(1e12);
		const total = trace.waitingArea.reduce((a, b) => a + b, 0);
		expect(total / 2).toBeCloseTo(1e12, -1);
	});

	it('meters a counter staffed for 10^12 minutes by clock hour in whole days at once', () => {
		const { m } = meter();
		m.shiftStarts(0);
		m.flushCounter(0, 0);
		const T = 1e12;
		const { counters } = m.finish(T);
		const u = counters[0];
		expect(u.staffed).toBe(T);
		const byHour = u.staffedByHour.reduce((a, b) => a + b, 0);
		expect(byHour / T).toBeCloseTo(1, 9);
		expect(u.staffedByHour).toHaveLength(HOURS_PER_DAY);
	});

	it('splits a span of a day and a half by clock hour exactly', () => {
		const { m } = meter(continuousScenario(1, 1, 1));
		m.flushCounter(0, 30);
		m.shiftStarts(0);
		const { counters } = m.finish(30 + 1.5 * 1440);
		const h = counters[0].staffedByHour;
		// From 00:30 for 36 hours: hour 0 gets 30 + 60 minutes, hours 1–11 two whole hours, hour 12 an hour and a half, the rest one.
		expect(h[0]).toBe(90);
		expect(h[1]).toBe(120);
		expect(h[11]).toBe(120);
		expect(h[12]).toBe(90);
		expect(h[13]).toBe(60);
		expect(h.reduce((a, b) => a + b, 0)).toBe(1.5 * 1440);
	});
});

describe('HallMeter day peaks', () => {
	it('keeps each day its own peak of tickets waiting, and restart forgets them', () => {
		const { m } = meter(continuousScenario(1, 1, 1));
		m.startDay(0, 0);
		m.waiting = 3;
		m.notePeak();
		m.waiting = 1;
		m.notePeak();
		expect(m.finish(10).peakWaiting).toEqual([3]);
		m.restart();
		expect(m.finish(10).peakWaiting).toEqual([0]);
	});
});
