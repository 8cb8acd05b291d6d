import { describe, expect, it } from 'vitest';
import { QueueEngine } from '../../src/lib/engine/engine';
import type { EngineConfig } from '../../src/lib/engine/types';

const config = (profiles: Record<string, string[]> = {}): EngineConfig => ({
	agencies: [
		{ id: 'dukcapil', ticketPrefix: 'A', services: ['kk', 'ktp'] },
		{ id: 'bapenda', ticketPrefix: 'B', services: ['pbb'] }
	],
	counters: [
		{ id: 'L1', serves: [{ agency: 'dukcapil', service: 'kk' }, { agency: 'dukcapil', service: 'ktp' }], profile: profiles.L1 ?? ['priority', '*'] },
		{ id: 'L2', serves: [{ agency: 'dukcapil', service: 'ktp' }, { agency: 'bapenda', service: 'pbb' }], profile: profiles.L2 ?? ['bapenda', '*'] }
	]
});
const req = (agency: string, service: string, priority = false, payload = '') => ({ agency, service, priority, payload });

describe('QueueEngine', () => {
	it('issueTo a free counter leaves the engine as issuing then calling next would', () => {
		const direct = new QueueEngine<string>(config());
		const queued = new QueueEngine<string>(config());
		for (const e of [direct, queued]) {
			e.openCounter(0, 0);
			e.openCounter(1, 0);
			e.issueTicket(req('bapenda', 'pbb'), 1); // B-001 (nobody calls it yet)
		}
		const ktp = direct.serviceOf('dukcapil', 'ktp');
		// L1 has been idle as long as L2 and comes first in scenario order.
		const c = direct.idleCounterForService(ktp, true);
		expect(c).toBe(queued.idleCounterFor(queued.issueFor(ktp, true, 'v', 2)));
		const t = direct.issueTo(c, ktp, true, 'v', 2);
		const u = queued.callNext(c, 2)!;
		const view = (x: typeof t) => [x.number, x.state, x.counter, x.calledAt, x.queuedAt, x.priority, x.payload];
		expect(view(t)).toEqual(view(u));
		expect(direct.ticketCounts).toEqual(queued.ticketCounts);
		expect(direct.snapshot(2)).toEqual(queued.snapshot(2));
		// The next ticket of the same agency takes the next number in both.
		expect(direct.issueTicket(req('dukcapil', 'kk'), 3).number).toBe(queued.issueTicket(req('dukcapil', 'kk'), 3).number);
	});

	it('numbers tickets per agency and restarts each day', () => {
		const e = new QueueEngine<string>(config());
		expect(e.issueTicket(req('dukcapil', 'kk'), 1).number).toBe('A-001');
		expect(e.issueTicket(req('bapenda', 'pbb'), 2).number).toBe('B-001');
		expect(e.issueTicket(req('dukcapil', 'ktp'), 3).number).toBe('A-002');
		// A new day cannot start over waiting tickets: they would stand in no line and never be counted out.
		expect(() => e.startDay()).toThrow(/3 ticket\(s\) still waiting/);
		expect(e.ticketCounts.waiting).toBe(3);
		e.sendHomeWaiting(4, 'all');
		e.startDay();
		expect(e.issueTicket(req('dukcapil', 'kk'), 1500).number).toBe('A-001');
	});

	it('reuses a spent ticket once it has left every line (or is of an earlier day or another engine), never one still waiting, called or in a line', () => {
		const e = new QueueEngine<string>(config());
		e.openCounter(0, 0);
		const kk = e.serviceOf('dukcapil', 'kk');
		const ktp = e.serviceOf('dukcapil', 'ktp');
		const t = e.issueFor(kk, false, 'first', 1);
		expect(() => e.issueFor(ktp, false, 'again', 1, t)).toThrow(/still waiting, at a counter or in a line/);
		expect(e.callNext(0, 2)).toBe(t);
		expect(e.reusable(t)).toBe(false); // at the counter
		e.finish(0, 5);
		// Served, and no line holds it (KK tickets stand only in L1's line, which it was called from): reusable today.
		expect(e.reusable(t)).toBe(true);
		const u = e.issueFor(ktp, true, 'again', 6, t);
		expect(u).toBe(t);
		expect([u.number, u.service, u.priority, u.state, u.payload, u.counter, u.calledAt]).toEqual(['A-002', 'ktp', true, 'waiting', 'again', -1, NaN]);
		// A priority KTP ticket stands in three lines: L1's priority and "*" entries, and L2's "*". Called from the
		// first, it stays in the others until each counter next looks through them.
		expect(e.callNext(0, 7)).toBe(u);
		e.finish(0, 8);
		expect(e.reusable(u)).toBe(false);
		expect(() => e.noShowFor(kk, false, 'x', 8, u)).toThrow(/in a line/);
		expect(e.callNext(0, 9)).toBeNull();
		expect(e.reusable(u)).toBe(false);
		e.openCounter(1, 9);
		expect(e.callNext(1, 9)).toBeNull();
		expect(e.reusable(u)).toBe(true);
		// Sending home sees a reused ticket once, where it now stands in issue order.
		const w = e.issueFor(kk, false, 'waits', 10);
		e.closeCounter(0, 10);
		e.closeCounter(1, 10);
		expect(e.issueFor(kk, false, 'reused', 11, u)).toBe(u);
		expect(e.sendHomeWaiting(12, 'all').map((x) => x.payload)).toEqual(['waits', 'reused']);
		e.startDay();
		// Another engine may reuse a ticket at once: its lines never held it.
		const other = new QueueEngine<string>(config());
		const v = e.issueFor(kk, false, 'in a line', 13);
		expect(other.noShowFor(other.serviceOf('bapenda', 'pbb'), false, 'x', 14, v)).toBe(v);
		expect([v.number, v.agency, v.state]).toEqual(['', 'bapenda', 'no-show']);
	});

	it('offers a new ticket only to idle counters whose profile would call it (not one that calls only its priority class)', () => {
		const kk = { agency: 'dukcapil', service: 'kk' };
		const e = new QueueEngine<string>({
			agencies: [{ id: 'dukcapil', ticketPrefix: 'A', services: ['kk'] }],
			counters: [
				{ id: 'P', serves: [kk], profile: ['priority'] },
				{ id: 'Q', serves: [kk], profile: ['*'] }
			]
		});
		e.openCounter(0, 0);
		e.openCounter(1, 1);
		// P has been idle longer, but would never call a regular ticket: Q takes it.
		const regular = e.issueTicket(req('dukcapil', 'kk', false, 'regular'), 2);
		expect(e.idleCounterFor(regular)).toBe(1);
		const priority = e.issueTicket(req('dukcapil', 'kk', true, 'priority'), 2);
		expect(e.idleCounterFor(priority)).toBe(0);
		// With Q gone, nobody on duty would call a regular KK ticket; P still calls priority ones.
		e.closeCounter(1, 3);
		const k = e.serviceOf('dukcapil', 'kk');
		expect([e.servable(k, false), e.servable(k, true)]).toEqual([false, true]);
	});

	it('calls the first non-empty entry of the work profile, oldest first within it', () => {
		const e = new QueueEngine<string>(config());
		e.openCounter(1, 0);
		const ktp = e.issueTicket(req('dukcapil', 'ktp', false, 'ktp'), 1);
		const pbb = e.issueTicket(req('bapenda', 'pbb', false, 'pbb'), 2);
		// L2's profile puts bapenda first, although the KTP ticket is older.
		expect(e.callNext(1, 3)).toBe(pbb);
		e.finish(1, 4);
		expect(e.callNext(1, 4)).toBe(ktp);
	});

	it('serves the priority class first under ["priority", "*"], and by age under ["*"]', () => {
		for (const [profile, expected] of [
			[['priority', '*'], 'old-priority'],
			[['*'], 'regular']
		] as const) {
			const e = new QueueEngine<string>(config({ L1: [...profile] }));
			e.openCounter(0, 0);
			e.issueTicket(req('dukcapil', 'kk', false, 'regular'), 1);
			e.issueTicket(req('dukcapil', 'ktp', true, 'old-priority'), 2);
			expect(e.callNext(0, 3)?.payload).toBe(expected);
		}
	});

	it('gives a new ticket to the counter idle longest', () => {
		const e = new QueueEngine<string>(config());
		e.openCounter(1, 5);
		e.openCounter(0, 10);
		const t = e.issueTicket(req('dukcapil', 'ktp'), 11);
		expect(e.idleCounterFor(t)).toBe(1);
		const k = e.issueTicket(req('dukcapil', 'kk'), 11);
		expect(e.idleCounterFor(k)).toBe(0);
	});

	it('lets a counter finish the visitor in hand when its shift ends, then takes it off duty', () => {
		const e = new QueueEngine<string>(config());
		e.openCounter(0, 0);
		e.issueTicket(req('dukcapil', 'kk'), 1);
		e.issueTicket(req('dukcapil', 'kk'), 2);
		expect(e.callNext(0, 2)).not.toBeNull();
		e.closeCounter(0, 3);
		expect(e.counters[0].onDuty).toBe(true);
		expect(e.callNext(0, 3)).toBeNull();
		e.finish(0, 9);
		expect(e.counters[0].onDuty).toBe(false);
		expect(e.callNext(0, 9)).toBeNull();
		expect(e.ticketCounts.waiting).toBe(1);
	});

	it('skips abandoned tickets and keeps the counts conserved', () => {
		const e = new QueueEngine<string>(config());
		const a = e.issueTicket(req('dukcapil', 'kk', false, 'a'), 1);
		e.issueTicket(req('dukcapil', 'kk', false, 'b'), 2);
		expect(e.abandon(a, 3)).toBe(true);
		expect(e.abandon(a, 4)).toBe(false);
		e.openCounter(0, 5);
		expect(e.callNext(0, 5)?.payload).toBe('b');
		e.noShow(req('bapenda', 'pbb'), 6);
		const c = e.ticketCounts;
		expect(c.issued).toBe(c.waiting + c.inService + c.served + c.abandoned + c.notServed + c.noShow);
		expect(c).toMatchObject({ issued: 3, abandoned: 1, inService: 1, noShow: 1 });
	});

	it('knows what waits per service through calls, abandonment and sending home', () => {
		const e = new QueueEngine<string>(config());
		const kk = e.serviceOf('dukcapil', 'kk');
		const pbb = e.serviceOf('bapenda', 'pbb');
		const a = e.issueFor(kk, false, 'a', 1);
		e.issueFor(kk, true, 'b', 2);
		const c = e.issueFor(pbb, false, 'c', 3);
		expect([e.hasWaiting(kk), e.hasWaiting(pbb)]).toEqual([true, true]);
		expect(e.abandon(c, 4)).toBe(true);
		expect(e.abandon(c, 5)).toBe(false);
		expect(e.hasWaiting(pbb)).toBe(false);
		e.openCounter(0, 5);
		expect(e.callNext(0, 6)?.payload).toBe('b');
		expect(e.snapshot(6).waitingByAgency).toEqual({ dukcapil: 1, bapenda: 0 });
		expect(e.sendHomeWaiting(7, 'all')).toEqual([a]);
		expect([e.hasWaiting(kk), e.ticketCounts.waiting]).toEqual([false, 0]);
		expect(e.snapshot(7).waitingByAgency).toEqual({ dukcapil: 0, bapenda: 0 });
	});

	it('sends home only what no counter on duty may serve, when asked for the unservable', () => {
		const e = new QueueEngine<string>(config());
		e.issueTicket(req('dukcapil', 'kk', false, 'kk'), 1);
		e.issueTicket(req('bapenda', 'pbb', false, 'pbb'), 1);
		e.openCounter(1, 2); // L2 serves ktp and pbb, not kk
		e.callNext(1, 2);
		const sent = e.sendHomeWaiting(3, 'unservable');
		expect(sent.map((t) => t.payload)).toEqual(['kk']);
		expect(sent[0].state).toBe('not-served');
	});

	it('shares no state between engines: a ticket one engine sent home and another reused is sent home by the second', () => {
		const first = new QueueEngine<string>(config());
		const second = new QueueEngine<string>(config());
		const kk = first.serviceOf('dukcapil', 'kk');
		const t = first.issueFor(kk, false, 'first', 1);
		// The first engine's pass marks t; the second's first pass must not take that mark for its own.
		expect(first.sendHomeWaiting(2, 'all')).toEqual([t]);
		expect(second.issueFor(kk, false, 'second', 3, t)).toBe(t);
		expect(second.sendHomeWaiting(4, 'all').map((x) => x.payload)).toEqual(['second']);
		expect([t.state, second.ticketCounts.notServed, first.ticketCounts.notServed]).toEqual(['not-served', 1, 1]);
		// Each engine numbers its own day, whatever the other does.
		second.startDay();
		expect(first.issueTicket(req('dukcapil', 'kk'), 5).number).toBe('A-002');
		expect(second.issueTicket(req('dukcapil', 'kk'), 5).number).toBe('A-001');
		// Days are told apart by identity, not by a count each engine keeps: two new engines' tickets are not of one day.
		const a = new QueueEngine<string>(config());
		const b = new QueueEngine<string>(config());
		const w = a.issueFor(kk, false, 'a', 1);
		expect(b.issueFor(kk, false, 'b', 1, w)).toBe(w);
	});

	it('rejects a counter or service index it does not have with a RangeError naming it, changing nothing', () => {
		const e = new QueueEngine<string>(config());
		e.openCounter(0, 0);
		const before = { ...e.ticketCounts };
		const counter = /counter index (2|-1|1\.5) is out of range \(the engine has 2 counters\)/;
		const service = /service index (3|-1) is out of range \(the engine has 3 services\)/;
		for (const [call, message] of [
			[() => e.callNext(2, 1), counter],
			[() => e.finish(-1, 1), counter],
			[() => e.openCounter(1.5, 1), counter],
			[() => e.closeCounter(2, 1), counter],
			[() => e.issueTo(2, 0, false, 'x', 1), counter],
			[() => e.wouldCall(2, 0, false), counter],
			[() => e.issueFor(3, false, 'x', 1), service],
			[() => e.issueTo(0, -1, false, 'x', 1), service],
			[() => e.noShowFor(-1, false, 'x', 1), service],
			[() => e.idleCounterForService(3, true), service],
			[() => e.servable(3, false), service],
			[() => e.hasWaiting(-1), service],
			[() => e.wouldCall(0, 3, false), service]
		] as const) {
			expect(call).toThrow(RangeError);
			expect(call).toThrow(message);
		}
		expect(e.ticketCounts).toEqual(before);
		expect(e.counters[0].idle).toBe(true);
	});

	it('rejects a no-show for an unknown service instead of recording one with no agency', () => {
		const e = new QueueEngine<string>(config());
		expect(() => e.noShow(req('dukcapil', 'passport'), 1)).toThrow('unknown service "dukcapil/passport"');
		expect(e.ticketCounts.noShow).toBe(0);
		expect(e.noShow(req('bapenda', 'pbb'), 1).agency).toBe('bapenda');
	});

	it('will not hand a new ticket to a counter that is not idle (it would drop the ticket in hand)', () => {
		const e = new QueueEngine<string>(config());
		const kk = e.serviceOf('dukcapil', 'kk');
		expect(() => e.issueTo(0, kk, false, 'closed', 1)).toThrow('counter "L1" is not idle');
		e.openCounter(0, 1);
		const t = e.issueTo(0, kk, false, 'first', 2);
		expect(() => e.issueTo(0, kk, false, 'second', 3)).toThrow('counter "L1" is not idle');
		expect(e.counters[0].serving).toBe(t);
		expect(e.ticketCounts).toMatchObject({ issued: 1, inService: 1 });
	});

	it('shows its counters read-only', () => {
		const e = new QueueEngine<string>(config());
		// Type-level: the assignments below must not compile (tsc checks tests); never run, as the cast-free runtime
		// objects are the engine's own.
		const _writes = () => {
			// @ts-expect-error a counter's state is the engine's to change
			e.counters[0].onDuty = true;
			// @ts-expect-error the list of counters is fixed
			e.counters.push(e.counters[0]);
		};
		expect(typeof _writes).toBe('function');
		e.openCounter(1, 4);
		expect([e.counters[1].onDuty, e.counters[1].idle, e.counters[1].idleSince]).toEqual([true, true, 4]);
	});

	it('takes a snapshot of waiting tickets and counters', () => {
		const e = new QueueEngine<string>(config());
		e.openCounter(0, 0);
		e.issueTicket(req('dukcapil', 'kk'), 1);
		e.issueTicket(req('dukcapil', 'ktp'), 1);
		e.callNext(0, 1);
		const s = e.snapshot(2);
		expect(s.waitingByAgency).toEqual({ dukcapil: 1, bapenda: 0 });
		expect(s.counters[0]).toMatchObject({ id: 'L1', onDuty: true, serving: 'A-001' });
	});
});
