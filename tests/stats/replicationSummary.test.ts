import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LegRecord } from '../../src/lib/records/legRecord';
import type { Outcome } from '../../src/lib/records/outcomes';
import type { ReplicationOutput } from '../../src/lib/records/replicationOutput';
import { summarizeReplication, WAIT_HISTOGRAM_BINS } from '../../src/lib/stats/replicationSummary';
import { leg, smallOutput, smallScenario } from './fixtures';
import { quantile } from '../../src/lib/stats/quantile';

describe('summarizeReplication on a hand-built replication', () => {
	const scenario = smallScenario();
	const s = summarizeReplication(scenario, smallOutput(3));

	it('counts visitors, with conservation', () => {
		const o = s.overall;
		expect(s.replication).toBe(3);
		expect(s.days).toBe(2);
		expect([o.arrived, o.served, o.abandoned, o.notServedAtClose, o.noShow]).toEqual([5, 2, 2, 1, 1]);
		expect(o.arrived).toBe(o.served + o.abandoned + o.notServedAtClose);
		expect(o.tickets).toBe(7);
		expect(o.abandonRate).toBeCloseTo(0.4, 12);
	});

	it('computes waits over served measured legs only', () => {
		// Served measured waits: 5, 15, 20, 40 (the unmeasured 100 is out).
		const o = s.overall;
		expect(o.waitMean).toBe(20);
		expect(o.waitP50).toBeCloseTo(17.5, 12);
		expect(o.waitP90).toBeCloseTo(34, 12);
		expect(o.waitP95).toBeCloseTo(37, 12);
		expect(o.waitMax).toBe(40);
		// A wait of exactly the 15-minute target counts as within it.
		expect(o.serviceLevel).toBe(0.5);
		// Fully served: d0v1 in the hall 480→520, d0v2 490→512.
		expect(o.timeInHall).toBe(31);
	});

	it('computes counter utilisation over staffed time', () => {
		expect(s.overall.utilization).toBeCloseTo(315 / 1260, 12);
		expect(s.overall.overtime).toBe(5);
		expect(s.counters.map((c) => [c.id, c.name, c.served, c.staffed, c.busy, c.overtime])).toEqual([
			['L01', 'Loket 1', 2, 840, 210, 5],
			['L02', 'Loket 2', 2, 420, 105, 0]
		]);
		expect(s.counters[0].utilization).toBe(0.25);
		expect(s.counters[0].utilizationByHour[8]).toBe(0.5);
		expect(s.counters[0].utilizationByHour[9]).toBeCloseTo(100 / 120, 12);
		expect(s.counters[0].utilizationByHour[7]).toBeNaN();
	});

	it('breaks down by agency (tickets) and service', () => {
		const [duk, bap] = s.agencies;
		expect(duk).toMatchObject({ id: 'dukcapil', name: 'Dukcapil', arrived: 4, served: 2, abandoned: 1, notServedAtClose: 1, noShow: 1 });
		expect(duk.waitMean).toBe(10);
		expect(duk.waitP90).toBeCloseTo(14, 12);
		expect(duk.waitMax).toBe(15);
		expect(duk.serviceLevel).toBe(1);
		expect(duk.abandonRate).toBe(0.25);
		expect(bap).toMatchObject({ id: 'bapenda', arrived: 3, served: 2, abandoned: 1, notServedAtClose: 0, noShow: 0 });
		expect(bap.waitMean).toBe(30);
		expect(bap.waitP95).toBeCloseTo(39, 12);
		expect(bap.serviceLevel).toBe(0);
		expect(s.services.map((x) => [x.agency, x.service, x.arrived, x.served, x.waitMean, x.waitP90])).toEqual([
			['dukcapil', 'kk', 3, 1, 5, 5],
			['dukcapil', 'ktp', 1, 1, 15, 15],
			['bapenda', 'pbb', 3, 2, 30, 38]
		]);
		// Leg-level counts add up to the overall ticket count.
		expect(s.agencies.reduce((n, a) => n + a.arrived, 0)).toBe(s.overall.tickets);
	});

	it('builds hourly series from legs, counter usage and the trace', () => {
		const h = s.hourly;
		expect(h.arrivals.slice(7, 12)).toEqual([0, 4, 1, 2, 0]);
		expect(h.waitMean[8]).toBeCloseTo(40 / 3, 12);
		expect(h.waitMean[9]).toBeNaN();
		expect(h.waitMean[10]).toBe(40);
		expect(h.utilization[8]).toBeCloseTo(105 / 180, 12);
		expect(h.staffedMinutes[8]).toBe(180);
		// Trace: 180 visitor-minutes waiting over hour 8 on 2 days → 1.5 waiting on average; 2 counters staffed.
		expect(h.waiting[8]).toBe(1.5);
		expect(h.busy[8]).toBe(0.5);
		expect(h.staffed[8]).toBe(2);
		expect(h.waiting[7]).toBeNaN();
		expect(s.trace.binMinutes).toBe(30);
		expect(s.trace.from).toBe(480);
		expect(s.trace.waiting.slice(0, 3)).toEqual([2, 1, 0]);
		expect(s.trace.staffed.every((x) => x === 2)).toBe(true);
	});

	it('bins served measured waits by minute', () => {
		expect(s.waitHistogram).toHaveLength(WAIT_HISTOGRAM_BINS);
		expect(s.waitHistogram.reduce((a, b) => a + b, 0)).toBe(4);
		expect([5, 15, 20, 40].map((w) => s.waitHistogram[w])).toEqual([1, 1, 1, 1]);
	});

	it('is a plain object that survives structured clone', () => {
		expect(structuredClone(s)).toEqual(s);
	});

	it('splits a trace bin that straddles clock hours in proportion', () => {
		const out = smallOutput();
		// One 45-minute bin from 07:30: 30 minutes in hour 7 and 15 in hour 8, a constant 2 waiting throughout.
		out.trace = { binMinutes: 45, from: 450, waitingArea: [90], busyArea: [0], staffedArea: [45], days: 1 };
		const t = summarizeReplication(scenario, out);
		expect(t.hourly.waiting[7]).toBe(2);
		expect(t.hourly.waiting[8]).toBe(2);
		expect(t.hourly.staffed[7]).toBe(1);
		expect(t.trace.waiting).toEqual([2]);
	});

	it('puts long waits in the open-ended last bin and copes with no legs', () => {
		const out: ReplicationOutput = { ...smallOutput(), legs: [leg({ day: 0, visitor: 1, agency: 'dukcapil', service: 'kk', wait: 500, end: 990 })] };
		expect(summarizeReplication(scenario, out).waitHistogram[WAIT_HISTOGRAM_BINS - 1]).toBe(1);
		const empty = summarizeReplication(scenario, { ...smallOutput(), legs: [] });
		expect(empty.overall.arrived).toBe(0);
		expect(empty.overall.waitMean).toBeNaN();
		expect(empty.overall.abandonRate).toBeNaN();
		expect(empty.agencies[0].waitP90).toBeNaN();
	});
});

/** The small scenario's services, as (agency, service), for generated legs. */
const smallServices: [string, string][] = [
	['dukcapil', 'kk'],
	['dukcapil', 'ktp'],
	['bapenda', 'pbb']
];

describe('summarizeReplication wait statistics (property)', () => {
	const scenario = smallScenario();
	const services = smallServices;
	// Waits of 0 are common (called at once) and counted apart; a negative one (only a malformed record) must sort
	// before them.
	// A wait of -0 counts as 0 (toEqual tells them apart; the summary's JSON does not).
	const plus0 = (xs: number[]) => xs.map((x) => x + 0);
	const waitArb = fc.oneof(fc.constant(0), fc.constant(0), fc.double({ min: -5, max: 300, noNaN: true }), fc.integer({ min: 1, max: 30 }));

	it('waits with many zeros give the quantiles, mean and max of the waits written out and sorted', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ svc: fc.integer({ min: 0, max: 2 }), wait: waitArb }), { maxLength: 40 }), (served) => {
				const legs = served.map((l, i) => {
					const [agency, service] = services[l.svc];
					return leg({ day: 0, visitor: i + 1, agency, service, arrival: 480, ticketTime: 480, wait: l.wait, end: 500 + l.wait, outcome: 'served' });
				});
				const s = summarizeReplication(scenario, { ...smallOutput(), days: 1, legs });
				/** What a plain sort of these waits gives. */
				const direct = (ws: number[]) => {
					const sorted = Float64Array.from(ws).sort();
					const sum = sorted.reduce((a, b) => a + b, 0);
					return plus0([sum / sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.9), quantile(sorted, 0.95), sorted.length ? sorted[sorted.length - 1] : NaN]);
				};
				const got = (w: { waitMean: number; waitP50: number; waitP90: number; waitP95: number; waitMax: number }) =>
					plus0([w.waitMean, w.waitP50, w.waitP90, w.waitP95, w.waitMax]);
				expect(got(s.overall)).toEqual(direct(served.map((l) => l.wait)));
				for (const a of s.agencies) expect(got(a)).toEqual(direct(served.filter((l) => services[l.svc][0] === a.id).map((l) => l.wait)));
				for (const sv of s.services) {
					const ws = served.filter((l) => services[l.svc][0] === sv.agency && services[l.svc][1] === sv.service).map((l) => l.wait);
					const [mean, , p90] = direct(ws);
					expect(plus0([sv.waitMean, sv.waitP90])).toEqual([mean, p90]);
				}
			})
		);
	});
});

describe('summarizeReplication conservation (property)', () => {
	const scenario = smallScenario();
	const services = smallServices;
	// A visitor: online no-show, or 1–3 legs each served / abandoned / not served.
	const visitorArb = fc.oneof(
		fc.constant<'no-show'>('no-show'),
		fc.array(
			fc.record({
				svc: fc.integer({ min: 0, max: 2 }),
				outcome: fc.constantFrom<Outcome>('served', 'abandoned', 'not-served'),
				wait: fc.double({ min: 0, max: 400, noNaN: true })
			}),
			{ minLength: 1, maxLength: 3 }
		)
	);

	it('arrived = served + abandoned + notServedAtClose and leg counts agree', () => {
		fc.assert(
			fc.property(fc.array(fc.array(visitorArb, { maxLength: 8 }), { minLength: 1, maxLength: 3 }), (days) => {
				const legs: LegRecord[] = [];
				let servedLegs = 0;
				let noShows = 0;
				days.forEach((visitors, day) =>
					visitors.forEach((v, i) => {
						if (v === 'no-show') {
							noShows++;
							legs.push(leg({ day, visitor: i + 1, agency: 'dukcapil', service: 'kk', ticketTime: NaN, wait: NaN, outcome: 'no-show' }));
							return;
						}
						v.forEach((l, k) => {
							const [agency, service] = services[l.svc];
							if (l.outcome === 'served') servedLegs++;
							legs.push(leg({ day, visitor: i + 1, leg: k, agency, service, arrival: 480, ticketTime: 480 + 10 * k, wait: l.wait, end: 500 + l.wait, outcome: l.outcome }));
						});
					})
				);
				// Records arrive in any order from the simulator: reverse them to be sure grouping does not rely on it.
				legs.reverse();
				const s = summarizeReplication(scenario, { ...smallOutput(), days: days.length, legs });
				const o = s.overall;
				expect(o.arrived).toBe(o.served + o.abandoned + o.notServedAtClose);
				expect(o.noShow).toBe(noShows);
				expect(o.arrived + o.noShow).toBe(days.reduce((n, d) => n + d.length, 0));
				expect(o.tickets).toBe(legs.length - noShows);
				expect(s.waitHistogram.reduce((a, b) => a + b, 0)).toBe(servedLegs);
				expect(s.agencies.reduce((n, a) => n + a.served, 0)).toBe(servedLegs);
				expect(s.hourly.arrivals.reduce((a, b) => a + b, 0)).toBe(o.tickets);
			})
		);
	});
});
