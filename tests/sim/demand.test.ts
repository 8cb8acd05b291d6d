/** Demand generation: daily counts, the intraday profile, online slots and extra services. */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/lib/sim/compile';
import { ABSENT, ContinuousArrivals, DemandBuffer, DemandStreams, generateBlock, generateDay, ONLINE, PRIORITY, type DayDemand } from '../../src/lib/sim/demand';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';

describe('generateDay', () => {
	const s = mustParse(smallScenario());
	const m = compileScenario(s);
	const days = 400;
	const streams = new DemandStreams(99, 0);
	const mon = m.days[0];
	const gen = Array.from({ length: days }, () => generateDay(m, mon, streams));

	it('draws a Poisson count around day factor × visitors per day', () => {
		const mean = gen.reduce((a, d) => a + d.count, 0) / days;
		// 120 × 1.2 = 144; SE = √(144/400) = 0.6: 4 SE.
		expect(Math.abs(mean - 144)).toBeLessThan(2.4);
	});

	it('spreads arrivals by the profile, only between open and last ticket', () => {
		const hours = new Array(7).fill(0);
		let all = 0;
		for (const d of gen)
			for (let i = 0; i < d.count; i++) {
				if (d.flags[i] & ONLINE) continue;
				const a = d.arrival[i];
				expect(a).toBeGreaterThanOrEqual(480);
				expect(a).toBeLessThan(870);
				hours[Math.floor((a - 480) / 60)]++;
				all++;
			}
		// Profile weights 3,4,4,2,3,3,1 per hour; the last hour is cut at 14:30 (half of it).
		const w = [3, 4, 4, 2, 3, 3, 0.5];
		const total = w.reduce((a, b) => a + b, 0);
		hours.forEach((h, i) => expect(Math.abs(h / all - w[i] / total)).toBeLessThan(0.01));
	});

	it('gives online visitors a slot, honours no-shows and the priority share', () => {
		let online = 0;
		let noShow = 0;
		let priority = 0;
		let n = 0;
		for (const d of gen)
			for (let i = 0; i < d.count; i++) {
				n++;
				const f = d.flags[i];
				if (f & PRIORITY) priority++;
				if (!(f & ONLINE)) continue;
				online++;
				expect((d.slotStart[i] - 480) % 30).toBe(0);
				if (f & ABSENT) noShow++;
				else expect(d.eventTime[i]).toBe(Math.max(d.arrival[i], d.slotStart[i]));
			}
		// Shares 0.2, 0.1 (of online) and 0.1 over ~57 000 visitors: binomial SE < 0.002; tolerance 0.01.
		expect(Math.abs(online / n - 0.2)).toBeLessThan(0.01);
		expect(Math.abs(noShow / online - 0.1)).toBeLessThan(0.01);
		expect(Math.abs(priority / n - 0.1)).toBeLessThan(0.01);
	});

	it('adds distinct extra services with the extra-service probability', () => {
		let visits = 0;
		let extra = 0;
		for (const d of gen)
			for (let i = 0; i < d.count; i++) {
				visits++;
				const legs = Array.from(d.legService.subarray(d.legStart[i], d.legStart[i + 1]));
				expect(new Set(legs).size).toBe(legs.length);
				if (legs.length > 1) extra++;
			}
		// P(at least one extra) = 0.1 (a few duplicates redraw): binomial SE ≈ 0.0013; tolerance 0.01.
		expect(Math.abs(extra / visits - 0.1)).toBeLessThan(0.01);
	});

	it('orders visitors by the time the simulator acts on them, equal times in generation order', () => {
		let ties = 0;
		for (const d of gen.slice(0, 40)) {
			expect(Array.from(d.order).sort((x, y) => x - y)).toEqual(Array.from({ length: d.count }, (_, i) => i));
			for (let r = 1; r < d.count; r++) {
				const [a, b] = [d.order[r - 1], d.order[r]];
				expect(d.eventTime[b]).toBeGreaterThanOrEqual(d.eventTime[a]);
				if (d.eventTime[b] === d.eventTime[a]) {
					ties++;
					expect(b).toBeGreaterThan(a);
				}
			}
		}
		// Online visitors who come early are let in together at their slot's start: the tie rule is exercised.
		expect(ties).toBeGreaterThan(0);
	});

	it('generates the same day into a reused buffer, however much it must grow', () => {
		// Small days first, then busier ones (and many extra services) that outgrow the buffer mid-day.
		const busy = smallScenario();
		busy.demand.visitorsPerDay = 900;
		busy.demand.extraServiceProbability = 0.6;
		const mb = compileScenario(mustParse(busy));
		const buffer = new DemandBuffer();
		const reused = new DemandStreams(5, 1);
		const fresh = new DemandStreams(5, 1);
		for (const model of [m, m, mb, mb, m]) {
			const a = generateDay(model, model.days[1], reused, buffer);
			const b = generateDay(model, model.days[1], fresh);
			expect(a).toEqual(b);
			expect(a.legStart[a.count]).toBe(a.legService.length);
		}
	});
});

/** Visitor r of a generated day or block, as plain values: what the simulator reads of it. */
function visitorAt(d: DayDemand, r: number) {
	const g = d.order[r];
	const legs = [];
	for (let k = d.legStart[g]; k < d.legStart[g + 1]; k++) legs.push([d.legService[k], d.legWork[k], d.legPatience[k]]);
	return { arrival: d.arrival[g], eventTime: d.eventTime[g], flags: d.flags[g], legs };
}

describe('generateBlock', () => {
	// A continuous hall with extra services, priority and patience: every stream is drawn.
	const input = continuousScenario(4, 30, 10, { minutes: 20_000, warmupMinutes: 300 });
	input.agencies[0].services.push({ id: 't', name: 'T', weight: 2, serviceTime: { dist: 'gamma', mean: 6, cv: 0.5 } });
	input.demand.extraServiceProbability = 0.3;
	input.demand.priorityShare = 0.2;
	input.demand.patience = { dist: 'exponential', mean: 20 };
	const m = compileScenario(mustParse(input));
	const run = m.days[0];

	it('gives, block after block, every visitor of a continuous run the values generated at once', () => {
		const whole = generateDay(m, run, new DemandStreams(4, 2));
		expect(whole.count).toBeGreaterThan(9_000);
		const streams = new DemandStreams(4, 2);
		const arrivals = new ContinuousArrivals(m, run);
		const buffer = new DemandBuffer();
		let met = 0;
		let blocks = 0;
		while (!arrivals.done) {
			const block = generateBlock(m, run, streams, arrivals, 700, buffer);
			expect(block.first).toBe(met);
			expect(block.count).toBeLessThanOrEqual(700);
			for (let r = 0; r < block.count; r++) expect(visitorAt(block, r)).toEqual(visitorAt(whole, met + r));
			met += block.count;
			blocks++;
		}
		expect(met).toBe(whole.count);
		expect(blocks).toBe(Math.ceil(whole.count / 700) + (whole.count % 700 === 0 ? 1 : 0));
	});

	it('draws no more arrivals once the run has passed its last ticket', () => {
		const arrivals = new ContinuousArrivals(m, run);
		const streams = new DemandStreams(1, 0);
		const buffer = new DemandBuffer();
		let n = 0;
		for (let i = 0; i < 40 && !arrivals.done; i++) n += generateBlock(m, run, streams, arrivals, 1_000, buffer).count;
		expect(arrivals.done).toBe(true);
		expect(generateBlock(m, run, streams, arrivals, 1_000, buffer).count).toBe(0);
		expect(arrivals.count).toBe(n);
	});
});

