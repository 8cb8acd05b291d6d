/**
 * The largest hall the limits allow is validated and built in time linear in its size: each check and table looks
 * things up by id (maps and sets), never by scanning the agencies or the services for each counter or service.
 * (Before, 5,000 agencies × 1,000 counters took over a minute to validate, and the engine's caller table was
 * services² × counters.) No timing is asserted: a quadratic cost here would run past the test's time-out.
 */
import { describe, expect, it } from 'vitest';
import { engineConfigOf } from '../../src/lib/engine/config';
import { QueueEngine } from '../../src/lib/engine/engine';
import { MAX_AGENCIES } from '../../src/lib/model/limits';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';

function largeHall(agencies: number, services: number, counters: number): unknown {
	const ids = Array.from({ length: agencies }, (_, a) => `ag${a}`);
	const prefix = (a: number) => String.fromCharCode(65 + (a % 26)) + String.fromCharCode(65 + Math.floor(a / 26) % 26) + String.fromCharCode(65 + Math.floor(a / 676));
	return {
		version: 1,
		id: 'besar',
		name: 'Large hall',
		calendar: { days: ['mon'], hours: { default: { open: '08:00', lastTicket: '14:00', close: '15:00' } } },
		agencies: ids.map((id, a) => ({
			id,
			name: id,
			ticketPrefix: prefix(a),
			services: Array.from({ length: services }, (_, s) => ({ id: `s${s}`, name: `s${s}`, weight: 1, serviceTime: { dist: 'exponential', mean: 5 } }))
		})),
		demand: { visitorsPerDay: 100, profile: { from: '08:00', step: 60, weights: [1, 1, 1, 1, 1, 1] } },
		counters: Array.from({ length: counters }, (_, c) => ({ id: `L${c}`, serves: ids }))
	};
}

describe('a hall at the limits', () => {
	it(`validates ${MAX_AGENCIES} agencies served by 500 counters each serving all of them, and builds its engine`, () => {
		const r = parseScenario(largeHall(MAX_AGENCIES, 2, 500));
		expect(r.ok).toBe(true);
		const engine = new QueueEngine(engineConfigOf((r as { scenario: Scenario }).scenario));
		for (let c = 0; c < 500; c++) engine.openCounter(c, 0);
		// Every counter is idle and calls every service: the longest idle (the first, at equal times) takes the first ticket.
		expect(engine.idleCounterForService(0, false)).toBe(0);
		expect(engine.idleCounterForService(2 * MAX_AGENCIES - 1, true)).toBe(0);
	});
});
