import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Desk, DeskError } from '$lib/engine';
import { parseScenarioText, parseClock as at } from '$lib/model';
import type { EngineConfig } from '../../src/lib/engine/types';
import { mustParse, smallScenario } from '../fixtures/scenarios';

/**
 * The small fixture hall: dukcapil (A: kk, ktp) and bapenda (B: pbb). L01 serves dukcapil, profile
 * ["priority", "dukcapil"]; L02 serves dukcapil/ktp and bapenda, profile ["bapenda", "*"]; L03 serves bapenda,
 * the policy's default profile ["priority", "*"].
 */
const smallDesk = () => Desk.fromScenario(mustParse(smallScenario()));
const kk = { agency: 'dukcapil', service: 'kk' };
const ktp = { agency: 'dukcapil', service: 'ktp' };
const pbb = { agency: 'bapenda', service: 'pbb' };

/** Expects `act` to throw a DeskError with exactly `message`, and to leave the desk as it was. */
function rejects(desk: Desk, act: () => unknown, message: string): void {
	const before = desk.snapshot();
	let thrown: unknown;
	try {
		act();
	} catch (e) {
		thrown = e;
	}
	expect(thrown).toBeInstanceOf(DeskError);
	expect((thrown as DeskError).message).toBe(message);
	expect(desk.snapshot()).toEqual(before);
}

describe('Desk', () => {
	it('plays out a live day: tickets across agencies, calls by work profile, a no-show, an abandon, a counter closing', () => {
		const desk = smallDesk();
		expect(desk.openCounter('L01', at('08:00'))).toEqual({ id: 'L01', state: 'idle', closing: false, ticket: null, idleSince: 480 });
		desk.openCounter('L02', at('08:00'));
		const a1 = desk.issue(kk, at('08:01'));
		expect(a1).toEqual({
			number: 'A-001',
			agency: 'dukcapil',
			service: 'kk',
			priority: false,
			online: false,
			state: 'waiting',
			counter: null,
			issuedAt: 481,
			calledAt: null,
			startedAt: null,
			endedAt: null
		});
		expect(desk.issue(pbb, at('08:02')).number).toBe('B-001');
		expect(desk.issue(ktp, at('08:03')).number).toBe('A-002');
		expect(desk.issue({ ...kk, priority: true }, at('08:04')).number).toBe('A-003');
		expect(desk.issue({ ...ktp, online: true }, at('08:05'))).toMatchObject({ number: 'A-004', online: true, priority: false });

		const morning = desk.snapshot();
		expect(morning.at).toBe(at('08:05'));
		expect(morning.queues.map((q) => [`${q.agency}/${q.service}`, q.waiting.map((w) => w.number)])).toEqual([
			['dukcapil/kk', ['A-001', 'A-003']],
			['dukcapil/ktp', ['A-002', 'A-004']],
			['bapenda/pbb', ['B-001']]
		]);
		expect(morning.queues[0].waiting[1]).toEqual({ number: 'A-003', priority: true, online: false, issuedAt: 484 });
		expect(morning.waitingByAgency).toEqual({ dukcapil: 4, bapenda: 1 });
		expect(morning.counters.map((c) => [c.id, c.state, c.idleSince])).toEqual([
			['L01', 'idle', 480],
			['L02', 'idle', 480],
			['L03', 'closed', null]
		]);

		// L01 calls the priority class first; L02 calls bapenda before anything else, though A-001 is older.
		expect(desk.callNext('L01', at('08:06'))).toMatchObject({ number: 'A-003', state: 'called', counter: 'L01', calledAt: 486 });
		expect(desk.callNext('L02', at('08:06'))?.number).toBe('B-001');
		expect(desk.startService('L01', at('08:07'))).toMatchObject({ number: 'A-003', state: 'serving', startedAt: 487 });
		expect(desk.snapshot().counters.slice(0, 2)).toEqual([
			{ id: 'L01', state: 'serving', closing: false, ticket: 'A-003', idleSince: null },
			{ id: 'L02', state: 'called', closing: false, ticket: 'B-001', idleSince: null }
		]);

		expect(desk.noShow(pbb, at('08:10'))).toMatchObject({ number: '', state: 'no-show', online: true, agency: 'bapenda', endedAt: 490 });
		expect(desk.abandon('A-002', at('08:12'))).toMatchObject({ number: 'A-002', state: 'abandoned', endedAt: 492 });
		expect(desk.finish('L01', at('08:20'))).toMatchObject({ number: 'A-003', state: 'served', calledAt: 486, startedAt: 487, endedAt: 500 });
		// The priority class is empty: L01's "dukcapil" entry calls its oldest ticket, the KK before the KTP.
		expect(desk.callNext('L01', at('08:20'))?.number).toBe('A-001');
		// Finished without a recorded start: the start stays unknown.
		expect(desk.finish('L02', at('08:21'))).toMatchObject({ number: 'B-001', state: 'served', startedAt: null });
		// Bapenda is empty and A-002 left: L02's "*" finds A-004.
		expect(desk.callNext('L02', at('08:21'))?.number).toBe('A-004');

		// L02's shift ends while it serves: it closes once A-004 is done.
		expect(desk.closeCounter('L02', at('08:22'))).toEqual({ id: 'L02', state: 'called', closing: true, ticket: 'A-004', idleSince: null });
		expect(desk.issue(pbb, at('08:25')).number).toBe('B-002');
		desk.openCounter('L03', at('08:30'));
		expect(desk.callNext('L03', at('08:30'))?.number).toBe('B-002');
		expect(desk.finish('L02', at('08:35')).number).toBe('A-004');
		expect(desk.counter('L02')).toEqual({ id: 'L02', state: 'closed', closing: false, ticket: null, idleSince: null });

		const noon = desk.snapshot();
		expect(noon.counts).toEqual({ issued: 7, waiting: 0, inService: 2, served: 3, abandoned: 1, notServed: 0, noShow: 1 });
		expect(noon.queues.every((q) => q.waiting.length === 0)).toBe(true);
		expect(noon.counters.map((c) => `${c.id}:${c.state}:${c.ticket}`)).toEqual(['L01:called:A-001', 'L02:closed:null', 'L03:called:B-002']);

		// The hall closes: whoever waits goes home, busy counters close after the ticket in hand.
		desk.issue(ktp, at('14:50'));
		expect(desk.closeHall(at('15:00')).map((t) => [t.number, t.state, t.endedAt])).toEqual([['A-005', 'not-served', 900]]);
		expect(desk.snapshot().counters.map((c) => c.closing)).toEqual([true, false, true]);
		desk.finish('L01', at('15:05'));
		desk.finish('L03', at('15:06'));
		const evening = desk.snapshot();
		expect(evening.counts).toEqual({ issued: 8, waiting: 0, inService: 0, served: 5, abandoned: 1, notServed: 1, noShow: 1 });
		expect(evening.counters.every((c) => c.state === 'closed')).toBe(true);

		// Next morning: numbers and counts start again, and so does the clock.
		desk.newDay();
		expect(desk.now).toBe(0);
		expect(desk.issue(kk, at('07:45')).number).toBe('A-001');
		expect(desk.snapshot().counts).toMatchObject({ issued: 1, waiting: 1, served: 0 });
		expect(() => desk.abandon('B-002', at('07:50'))).toThrow('unknown ticket "B-002"');
	});

	it('hands out frozen copies that later events do not change', () => {
		const desk = smallDesk();
		desk.openCounter('L01', 480);
		const issued = desk.issue(kk, 481);
		const before = desk.snapshot();
		desk.callNext('L01', 482);
		expect(issued.state).toBe('waiting');
		expect(before.queues[0].waiting.map((w) => w.number)).toEqual(['A-001']);
		expect(before.counters[0].state).toBe('idle');
		expect(desk.ticket('A-001')).toMatchObject({ state: 'called', counter: 'L01' });
		for (const x of [issued, before, before.counts, before.queues, before.queues[0], before.queues[0].waiting, before.counters[0], before.waitingByAgency]) {
			expect(Object.isFrozen(x)).toBe(true);
		}
		expect(() => ((issued as { state: string }).state = 'served')).toThrow(TypeError);
		expect(desk.ticket('A-001')).not.toBe(desk.ticket('A-001'));
	});

	it('names every bad input in a DeskError and changes nothing', () => {
		const desk = smallDesk();
		desk.openCounter('L01', at('10:00'));
		desk.issue(kk, at('10:01'));
		desk.issue(ktp, at('10:02'));
		rejects(desk, () => desk.callNext('L99', at('10:05')), 'unknown counter "L99"');
		rejects(desk, () => desk.openCounter('l01', at('10:05')), 'unknown counter "l01"');
		rejects(desk, () => desk.counter(3 as unknown as string), 'unknown counter 3');
		rejects(desk, () => desk.issue({ agency: 'dukcapil', service: 'paspor' }, at('10:05')), 'unknown service "paspor" of agency "dukcapil" (it offers kk, ktp)');
		rejects(desk, () => desk.issue({ agency: 'imigrasi', service: 'paspor' }, at('10:05')), 'unknown agency "imigrasi"');
		rejects(desk, () => desk.noShow({ agency: 'bapenda', service: 'kk' }, at('10:05')), 'unknown service "kk" of agency "bapenda" (it offers pbb)');
		rejects(desk, () => desk.issue(null as unknown as typeof kk, at('10:05')), 'a ticket request names an agency and a service, not null');
		rejects(desk, () => desk.issue({ ...kk, priority: 'yes' as unknown as boolean }, at('10:05')), 'priority is true or false, not "yes"');
		rejects(desk, () => desk.issue({ ...kk, online: 1 as unknown as boolean }, at('10:05')), 'online is true or false, not 1');
		rejects(desk, () => desk.abandon('A-999', at('10:05')), 'unknown ticket "A-999": no ticket of that number was issued today');
		rejects(desk, () => desk.ticket('B-001'), 'unknown ticket "B-001": no ticket of that number was issued today');
		rejects(desk, () => desk.issue(kk, at('09:58')), 'time 09:58 is before the last event at 10:02');
		rejects(desk, () => desk.callNext('L01', 601.5), 'time 10:01:30 is before the last event at 10:02');
		rejects(desk, () => desk.issue(kk, NaN), 'time NaN is not a number of minutes since midnight');
		rejects(desk, () => desk.issue(kk, '10:05' as unknown as number), 'time "10:05" is not a number of minutes since midnight');
		rejects(desk, () => desk.openCounter('L02', Infinity), 'time Infinity is not a number of minutes since midnight');
		rejects(desk, () => desk.finish('L01', at('10:05')), 'counter "L01" is not serving anyone: there is nothing to finish');
		rejects(desk, () => desk.startService('L01', at('10:05')), 'counter "L01" has no ticket in hand: call one before starting service');
		rejects(desk, () => desk.callNext('L02', at('10:05')), 'counter "L02" is closed: open it before it calls');
		rejects(desk, () => desk.openCounter('L01', at('10:05')), 'counter "L01" is already open');
		rejects(desk, () => desk.closeCounter('L03', at('10:05')), 'counter "L03" is already closed');

		desk.callNext('L01', at('10:05'));
		desk.startService('L01', at('10:06'));
		rejects(desk, () => desk.callNext('L01', at('10:07')), 'counter "L01" still has ticket A-001: finish it before calling the next');
		rejects(desk, () => desk.startService('L01', at('10:07')), 'counter "L01" already started serving ticket A-001 at 10:06');
		rejects(desk, () => desk.abandon('A-001', at('10:07')), 'ticket A-001 is not waiting: it was called to counter "L01" at 10:05');
		desk.closeCounter('L01', at('10:08'));
		rejects(desk, () => desk.closeCounter('L01', at('10:09')), 'counter "L01" is already closing: it closes when ticket A-001 is finished');
		rejects(desk, () => desk.newDay(), 'counter "L01" is still open: close the hall (closeHall) before a new day');
		desk.finish('L01', at('10:10'));
		rejects(desk, () => desk.abandon('A-001', at('10:11')), 'ticket A-001 is not waiting: it was served at counter "L01", done at 10:10');
		rejects(desk, () => desk.newDay(), '1 ticket(s) still waiting: close the hall (closeHall) to send them home before a new day');
		desk.abandon('A-002', at('10:12'));
		rejects(desk, () => desk.abandon('A-002', at('10:13')), 'ticket A-002 is not waiting: it was abandoned at 10:12');
		desk.issue(kk, at('10:14'));
		desk.closeHall(at('15:00'));
		rejects(desk, () => desk.abandon('A-003', at('15:01')), 'ticket A-003 is not waiting: it was sent home at 15:00');
		rejects(desk, () => desk.issue(kk, -1), 'time -1 is before midnight: times are minutes since midnight');
	});

	it('reopening a closing counter keeps it open with its ticket in hand', () => {
		const desk = smallDesk();
		desk.openCounter('L03', 480);
		desk.issue(pbb, 481);
		desk.callNext('L03', 482);
		desk.closeCounter('L03', 483);
		expect(desk.openCounter('L03', 484)).toEqual({ id: 'L03', state: 'called', closing: false, ticket: 'B-001', idleSince: null });
		desk.finish('L03', 490);
		expect(desk.counter('L03')).toMatchObject({ state: 'idle', idleSince: 490 });
	});

	it('refuses a configuration whose ids, prefixes or entries clash or name nothing, listing every problem', () => {
		const config: EngineConfig = {
			agencies: [
				{ id: 'dukcapil', ticketPrefix: 'A', services: ['kk'] },
				{ id: 'bapenda', ticketPrefix: 'A', services: ['pbb'] }
			],
			counters: [
				{ id: 'L01', serves: [{ agency: 'dukcapil', service: 'ktp' }], profile: ['*'] },
				{ id: 'L01', serves: [{ agency: 'bapenda', service: 'pbb' }], profile: ['samsat'] }
			]
		};
		expect(() => new Desk(config)).toThrow(
			new DeskError(
				"the hall's configuration cannot run: " +
					'agencies "dukcapil" and "bapenda" share the ticket prefix "A": their ticket numbers would clash; ' +
					'counter "L01" serves unknown service "dukcapil/ktp"; counter "L01" is listed twice; ' +
					'counter "L01" has work-profile entry "samsat", which names no agency or service'
			)
		);
		expect(() => new Desk({ agencies: [], counters: [] })).toThrow(DeskError);
	});

	it('runs the README example as written', () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		let printed: unknown[][] = [];
		try {
			// --- README example (from here to the end marker, verbatim) ---
			const parsed = parseScenarioText(readFileSync('scenarios/kota-bengkulu.json', 'utf8'));
			if (!parsed.ok) throw new Error(parsed.errors[0].message);
			const desk = Desk.fromScenario(parsed.scenario);

			desk.openCounter('L01', at('08:00'));
			desk.openCounter('L04', at('08:00'));
			const kk = desk.issue({ agency: 'dukcapil', service: 'kk' }, at('08:02'));
			desk.issue({ agency: 'dukcapil', service: 'ktp-el', priority: true }, at('08:03'));
			desk.issue({ agency: 'samsat', service: 'pkb-tahunan', online: true }, at('08:04')); // D-001
			console.log(desk.callNext('L01', at('08:05'))?.number); // the priority class first
			desk.startService('L01', at('08:06'));
			console.log(desk.callNext('L04', at('08:06'))?.number); // D-001
			desk.finish('L01', at('08:15'));
			desk.abandon(kk.number, at('08:20')); // A-001 gave up waiting
			try {
				desk.finish('L01', at('08:19'));
			} catch (e) {
				if (e instanceof DeskError) console.log(e.message); // time 08:19 is before the last event at 08:20
			}
			const s = desk.snapshot();
			console.log(s.counts.served, s.counts.abandoned, s.waitingByAgency.dukcapil); // 1 1 0
			console.log(s.counters.slice(0, 4).map((c) => `${c.id} ${c.state} ${c.ticket ?? ''}`)); // L01 idle, L02 closed, L03 closed, L04 called D-001
			desk.closeHall(at('16:00')); // sends home whoever waits; L04 closes once D-001 is finished
			// --- end of README example ---
			printed = log.mock.calls.slice();
		} finally {
			log.mockRestore();
		}
		expect(printed).toEqual([
			['A-002'],
			['D-001'],
			['time 08:19 is before the last event at 08:20'],
			[1, 1, 0],
			[['L01 idle ', 'L02 closed ', 'L03 closed ', 'L04 called D-001']]
		]);
	});
});
