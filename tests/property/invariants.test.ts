/** DESIGN.md §3 invariants, as fast-check properties over generated scenarios and seeds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/lib/model/scenario';
import { BatchRunner } from '../../src/lib/sim/batch';
import { compileScenario, DAY_MINUTES } from '../../src/lib/sim/compile';
import { DemandStreams, generateDay } from '../../src/lib/sim/demand';
import type { LegRecord } from '../../src/lib/records/legRecord';
import { toPlainRecord } from '../../src/lib/sim/leg';
import { ReplicationRun } from '../../src/lib/sim/replication';
import { mustParse } from '../fixtures/scenarios';
import { daysScenario } from './arbitraries';

const RUNS = 60;

/** Runs a scenario once, checking per-event invariants, and returns its legs. */
function runChecked(s: Scenario, check: (run: ReplicationRun) => void = () => {}): { legs: LegRecord[]; run: ReplicationRun } {
	const model = compileScenario(s);
	const run = new ReplicationRun(model, s.run.seed, 0, { observe: check });
	const out = run.run();
	return { legs: out.legs.map(toPlainRecord), run };
}

const byKey = <T,>(xs: T[], key: (x: T) => string) => {
	const m = new Map<string, T[]>();
	for (const x of xs) {
		const k = key(x);
		if (!m.has(k)) m.set(k, []);
		m.get(k)!.push(x);
	}
	return m;
};
const ticketNo = (t: string) => Number(t.slice(t.indexOf('-') + 1));

describe('simulation invariants (fast-check)', () => {
	it('1. conservation: every ticket is in exactly one state and the counts add up at every event', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				const { legs, run } = runChecked(s, (r) => {
					const c = r.engine.ticketCounts;
					expect(c.issued).toBe(c.waiting + c.inService + c.served + c.abandoned + c.notServed + c.noShow);
					expect(r.levels.waiting).toBe(c.waiting);
					expect(r.levels.busy).toBe(c.inService);
					// The per-service waiting counts (which let counters skip empty lines) agree with the total.
					const byAgency = Object.values(r.engine.snapshot(r.cal.now()).waitingByAgency);
					expect(byAgency.reduce((x, y) => x + y, 0)).toBe(c.waiting);
				});
				const c = run.engine.ticketCounts;
				expect(c.waiting).toBe(0);
				expect(c.inService).toBe(0);
				expect(legs.length).toBe(c.issued);
				const count = (o: string) => legs.filter((l) => l.outcome === o).length;
				expect([count('served'), count('abandoned'), count('not-served'), count('no-show')]).toEqual([c.served, c.abandoned, c.notServed, c.noShow]);
			}),
			{ numRuns: RUNS }
		);
	});

	it('2. a counter serves one visitor at a time, only what it may serve, only while on duty (or finishing/serving the waiting after close)', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				const model = compileScenario(s);
				const { legs } = runChecked(s);
				for (const [counter, served] of byKey(
					legs.filter((l) => l.outcome === 'served'),
					(l) => l.counter
				)) {
					const ci = s.counters.findIndex((c) => c.id === counter);
					const allowed = new Set(model.engine.counters[ci].serves.map((x) => `${x.agency}/${x.service}`));
					served.sort((a, b) => a.day - b.day || a.start - b.start);
					for (let i = 0; i < served.length; i++) {
						const l = served[i];
						expect(allowed.has(`${l.agency}/${l.service}`)).toBe(true);
						if (i > 0 && served[i - 1].day === l.day) expect(l.start).toBeGreaterThanOrEqual(served[i - 1].end - 1e-9);
						const day = model.days[l.day];
						const onDuty = day.duty[ci].some(([a, b]) => l.start >= a - 1e-9 && l.start < b);
						// After close a hall that serves the waiting keeps counters that were busy at close on duty.
						const draining = l.start >= day.close - 1e-9 && day.atClose === 'serve-waiting';
						expect(onDuty || draining).toBe(true);
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('3. order: within a line (service and class) no ticket is called while an older one is still waiting', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				const { legs } = runChecked(s);
				const queued = legs.filter((l) => l.outcome !== 'no-show');
				for (const [, line] of byKey(queued, (l) => `${l.day}|${l.agency}/${l.service}|${l.priority}`)) {
					line.sort((a, b) => ticketNo(a.ticket) - ticketNo(b.ticket));
					for (let i = 0; i < line.length; i++) {
						const older = line[i];
						const olderLeft = older.ticketTime + older.wait; // call, abandonment or send-home time
						for (let j = i + 1; j < line.length; j++) {
							const younger = line[j];
							if (younger.outcome !== 'served') continue;
							// The younger was called at younger.call; the older must have left the line by then.
							expect(olderLeft).toBeLessThanOrEqual(younger.call + 1e-9);
						}
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('4. work-conserving: no counter idles on duty while a ticket its work profile would call waits, and a new ticket goes to the longest idle', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				runChecked(s, (r) => {
					for (const c of r.engine.counters) {
						if (!c.idle) continue;
						for (let k = 0; k < c.serves.length; k++)
							for (const priority of [false, true]) if (r.engine.wouldCall(c.index, k, priority)) expect(r.engine.hasWaiting(k, priority)).toBe(false);
					}
					// The counter a new ticket would go to is the longest idle of those that would call it (ties:
					// scenario order), read off the counters' own state.
					const cs = r.engine.counters;
					for (let k = 0; k < cs[0].serves.length; k++)
						for (const priority of [false, true]) {
							let best = -1;
							for (const c of cs) if (c.idle && r.engine.wouldCall(c.index, k, priority) && (best < 0 || c.idleSince < cs[best].idleSince)) best = c.index;
							expect(r.engine.idleCounterForService(k, priority)).toBe(best);
						}
				});
			}),
			{ numRuns: RUNS }
		);
	});

	it('5. times are consistent and the clock never goes back', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				let last = -Infinity;
				const { legs } = runChecked(s, (r) => {
					const now = r.cal.now();
					expect(now).toBeGreaterThanOrEqual(last);
					last = now;
				});
				for (const l of legs) {
					if (l.outcome === 'no-show') continue;
					expect(l.arrival).toBeLessThanOrEqual(l.ticketTime + 1e-9);
					expect(l.wait).toBeGreaterThanOrEqual(0);
					if (l.outcome === 'served') {
						expect(l.ticketTime).toBeLessThanOrEqual(l.call);
						expect(l.call).toBeLessThanOrEqual(l.start);
						expect(l.start).toBeLessThanOrEqual(l.end);
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('6. ticket numbers are unique and increase per agency and day', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				const { legs } = runChecked(s);
				const numbered = legs.filter((l) => l.ticket !== '');
				for (const [, xs] of byKey(numbered, (l) => `${l.day}|${l.agency}`)) {
					xs.sort((a, b) => ticketNo(a.ticket) - ticketNo(b.ticket));
					const prefix = s.agencies.find((a) => a.id === xs[0].agency)!.ticketPrefix;
					xs.forEach((l, i) => {
						expect(l.ticket).toBe(`${prefix}-${String(i + 1).padStart(3, '0')}`);
						if (i > 0) expect(l.ticketTime).toBeGreaterThanOrEqual(xs[i - 1].ticketTime);
					});
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('7. determinism: the same scenario and seed give identical records', () => {
		fc.assert(
			fc.property(daysScenario, (input) => {
				const s = mustParse(input);
				expect(JSON.stringify(runChecked(s).legs)).toBe(JSON.stringify(runChecked(mustParse(structuredClone(input))).legs));
			}),
			{ numRuns: 20 }
		);
	});

	it('8. common random numbers: changing counters, staffing or policy never changes the generated visitors', () => {
		fc.assert(
			fc.property(daysScenario, daysScenario, fc.nat(3), (a, b, rep) => {
				const base = mustParse(a);
				// Same demand, another layout and policy (b's counters only reference agencies both have).
				const other = mustParse({
					...a,
					counters: [{ id: 'X1', serves: [a.agencies[0].id], shifts: [['09:00', '10:00']], speed: 2 }, ...b.counters.filter((c) => c.serves.every((e) => a.agencies.some((ag) => e.split('/')[0] === ag.id && (!e.includes('/') || ag.services.some((sv) => e === `${ag.id}/${sv.id}`)))))],
					policy: { ...a.policy, order: a.policy?.order === 'fifo' ? 'priority-first' : 'fifo' },
					calendar: { ...(a.calendar as object), atClose: 'send-home' }
				});
				const m1 = compileScenario(base);
				const m2 = compileScenario(other);
				const s1 = new DemandStreams(base.run.seed, rep);
				const s2 = new DemandStreams(base.run.seed, rep);
				for (const day of m1.days) expect(generateDay(m2, m2.days[day.index], s2)).toEqual(generateDay(m1, day, s1));
				// And through a whole run: the first leg of every visitor is the same.
				const first = (legs: LegRecord[]) => legs.filter((l) => l.leg === 0).map((l) => [l.day, l.visitor, l.arrival, l.service, l.channel, l.priority].join('|')).sort();
				expect(first(runChecked(other).legs)).toEqual(first(runChecked(base).legs));
			}),
			{ numRuns: 30 }
		);
	});

	it('9. adding a counter to a single FIFO service with identical counters never makes any visitor wait longer', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 4 }),
				fc.integer({ min: 20, max: 150 }),
				fc.constantFrom<[string, string][] | undefined>(undefined, [['08:00', '12:00'], ['13:00', '15:00']]),
				fc.nat({ max: 100_000 }),
				(c, visitors, shifts, seed) => {
					const make = (n: number) =>
						mustParse({
							version: 1,
							id: 'mono',
							name: 'mono',
							calendar: { days: ['mon', 'tue'], hours: { default: { open: '08:00', lastTicket: '14:30', close: '15:00' } }, atClose: 'serve-waiting' },
							agencies: [{ id: 'a', name: 'A', ticketPrefix: 'A', services: [{ id: 's', name: 'S', weight: 1, serviceTime: { dist: 'lognormal', mean: 12, cv: 0.8 } }] }],
							demand: { visitorsPerDay: visitors, profile: { from: '08:00', step: 60, weights: [3, 5, 4, 2, 3, 3, 1] }, priorityShare: 0, patience: null },
							counters: Array.from({ length: n }, (_, i) => ({ id: `L${i}`, serves: ['a'], ...(shifts ? { shifts } : {}) })),
							policy: { order: 'fifo', serviceLevelMinutes: 15, tieBreak: 'longest-idle' },
							run: { replications: 1, seed, warmupMinutes: 0 }
						});
					const waits = (n: number) => new Map(runChecked(make(n)).legs.map((l) => [`${l.day}|${l.visitor}`, l.wait]));
					const fewer = waits(c);
					const more = waits(c + 1);
					expect(more.size).toBe(fewer.size);
					for (const [k, w] of more) expect(w).toBeLessThanOrEqual(fewer.get(k)! + 1e-9);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('10. reusing leg objects that have ended (a run that keeps no legs) never changes a replication', () => {
		fc.assert(
			fc.property(daysScenario, fc.nat(3), (input, r) => {
				const s = mustParse(input);
				const kept = { ...new BatchRunner(s, s.run.seed).run(r, true), legs: undefined };
				// A new runner, whose pool starts empty (so it reuses today's legs as they end), and one that has run
				// another replication first (its pool holds that one's legs, tickets and events).
				expect(new BatchRunner(s, s.run.seed).run(r, false)).toEqual(kept);
				const lean = new BatchRunner(s, s.run.seed);
				lean.run(r + 1, false);
				expect(lean.run(r, false)).toEqual(kept);
			}),
			{ numRuns: RUNS }
		);
	});
});

// Guard the fixture's calendar arithmetic the properties rely on.
it('days are laid out one calendar day apart', () => expect(DAY_MINUTES).toBe(1440));
