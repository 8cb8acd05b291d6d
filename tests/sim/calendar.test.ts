/** The calendar (the simjs adapter): time order, ties in scheduling order, cancelled events skipped, restart. */
import { describe, expect, it } from 'vitest';
import { Calendar, SimEvent, type EventHandler } from '../../src/lib/sim/calendar';
import { stream } from '../../src/lib/sim/random';

/** A handler that logs the events delivered to it as "arg@time". */
function recorder(cal: Calendar): EventHandler & { log: string[] } {
	const log: string[] = [];
	return { log, handle: (ev) => void log.push(`${ev.arg}@${cal.now()}`) };
}

describe('Calendar', () => {
	it('runs events in time order, whatever order they were scheduled in', () => {
		const cal = new Calendar();
		const h = recorder(cal);
		for (const [arg, t] of [
			[1, 30],
			[2, 10],
			[3, 20],
			[4, 0]
		])
			cal.schedule(new SimEvent(h, 0, arg, null), t);
		cal.run();
		expect(h.log).toEqual(['4@0', '2@10', '3@20', '1@30']);
		expect(cal.now()).toBe(30);
	});

	it('runs events at equal times in the order they were scheduled, among many in the heap', () => {
		const cal = new Calendar();
		const h = recorder(cal);
		const rng = stream(3, 0, 'calendar');
		const times = [5, 7, 11];
		const expected = new Map<number, number[]>(times.map((t) => [t, []]));
		for (let i = 0; i < 300; i++) {
			const t = times[Math.floor(rng() * times.length)];
			expected.get(t)!.push(i);
			cal.schedule(new SimEvent(h, 0, i, null), t);
		}
		cal.run();
		expect(h.log).toEqual(times.flatMap((t) => expected.get(t)!.map((i) => `${i}@${t}`)));
	});

	it('runs an event scheduled for now, from a handler, after those already due now', () => {
		const cal = new Calendar();
		const log: string[] = [];
		cal.at(10, () => {
			log.push('a');
			cal.at(10, () => log.push('c'));
		});
		cal.at(10, () => log.push('b'));
		cal.at(12, () => log.push('d'));
		cal.run();
		expect(log).toEqual(['a', 'b', 'c', 'd']);
	});

	it('skips a cancelled event when its time comes; it stays on the calendar until then', () => {
		const cal = new Calendar();
		const log: string[] = [];
		const dropped = cal.at(5, () => log.push('dropped'));
		cal.at(3, () => log.push(`kept, ${cal.pending} pending`));
		cal.at(7, () => log.push(`last, ${cal.pending} pending`));
		dropped.cancelled = true;
		cal.run();
		expect(log).toEqual(['kept, 2 pending', 'last, 0 pending']);
		expect(cal.pending).toBe(0);
		expect(cal.scheduled).toBe(3);
	});

	it('runs a cancelled event again once it is scheduled anew (scheduling clears the flag)', () => {
		const cal = new Calendar();
		const h = recorder(cal);
		const ev = new SimEvent(h, 0, 1, null);
		cal.schedule(ev, 2);
		ev.cancelled = true;
		cal.run();
		cal.schedule(ev, 6);
		cal.run();
		expect(h.log).toEqual(['1@6']);
	});

	it('runs no event later than `until`', () => {
		const cal = new Calendar();
		const h = recorder(cal);
		for (const t of [1, 2, 3, 4]) cal.schedule(new SimEvent(h, 0, t, null), t);
		cal.run(2.5);
		expect(h.log).toEqual(['1@1', '2@2']);
		expect(cal.now()).toBe(2);
	});

	it('restarts at time 0 with nothing scheduled: events left on it never run, and ties count from the restart', () => {
		const cal = new Calendar();
		const h = recorder(cal);
		for (let i = 0; i < 5; i++) cal.schedule(new SimEvent(h, 0, i, null), 10);
		cal.schedule(new SimEvent(h, 0, 99, null), 50);
		cal.schedule(new SimEvent(h, 0, 98, null), 60);
		cal.run(20);
		expect(cal.now()).toBe(10);
		expect(cal.pending).toBeGreaterThan(0);
		expect(cal.restarts).toBe(0);

		cal.restart();
		expect([cal.now(), cal.pending, cal.scheduled, cal.restarts]).toEqual([0, 0, 0, 1]);
		h.log.length = 0;
		// Scheduled after the restart, in this order, at equal times: they run in this order, and events 98 and 99
		// (left over from before) never do.
		for (const i of [7, 3, 5]) cal.schedule(new SimEvent(h, 0, i, null), 4);
		cal.schedule(new SimEvent(h, 0, 1, null), 2);
		cal.run();
		expect(h.log).toEqual(['1@2', '7@4', '3@4', '5@4']);
		expect(cal.now()).toBe(4);
		expect(cal.scheduled).toBe(4);
	});

	it('delivers the same event object each time it is scheduled, with its kind, arg and ref', () => {
		const cal = new Calendar();
		const seen: Array<[number, number, unknown, number]> = [];
		const ref = { name: 'leg' };
		const handler: EventHandler = {
			handle(ev) {
				seen.push([ev.kind, ev.arg, ev.ref, cal.now()]);
				if (ev.arg++ < 2) cal.schedule(ev, cal.now() + 1.5);
			}
		};
		cal.schedule(new SimEvent(handler, 6, 0, ref), 1);
		cal.run();
		expect(seen).toEqual([
			[6, 0, ref, 1],
			[6, 1, ref, 2.5],
			[6, 2, ref, 4]
		]);
	});
});
