/** VisitOrder: ended legs handed on by day, visitor and leg, each visitor as soon as it and every earlier one are done. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LegRecord } from '../../src/lib/records/legRecord';
import { VisitOrder } from '../../src/lib/sim/visitOrder';

const leg = (day: number, visitor: number, n: number) => ({ day, visitor, leg: n }) as LegRecord;
const key = (l: LegRecord) => `${l.day}/${l.visitor}/${l.leg}`;

describe('VisitOrder', () => {
	it('holds a visitor until every earlier one is done, then hands on each in turn', () => {
		const out: string[] = [];
		const order = new VisitOrder((l) => out.push(key(l)));
		order.add(leg(0, 2, 1), true);
		order.add(leg(0, 1, 1), false);
		expect(out).toEqual([]);
		order.add(leg(0, 1, 2), true);
		expect(out).toEqual(['0/1/1', '0/1/2', '0/2/1']);
		order.add(leg(0, 3, 1), true);
		expect(out).toEqual(['0/1/1', '0/1/2', '0/2/1', '0/3/1']);
	});

	it('hands on what a day left held when the next day starts, numbering afresh', () => {
		const out: string[] = [];
		const order = new VisitOrder((l) => out.push(key(l)));
		order.add(leg(0, 2, 1), true);
		order.add(leg(1, 1, 1), true);
		order.endDay();
		expect(out).toEqual(['0/2/1', '1/1/1']);
	});

	it('emits every leg once, sorted by day, visitor and leg, whatever order visitors end in (property)', () => {
		// Up to 400 visitors a day (the ring starts at 64 and must grow), each with 1–3 legs, ending in a random order.
		const day = fc.record({ visitors: fc.integer({ min: 1, max: 400 }), seed: fc.integer() });
		fc.assert(
			fc.property(fc.array(day, { minLength: 1, maxLength: 3 }), (days) => {
				const out: LegRecord[] = [];
				const order = new VisitOrder((l) => out.push(l));
				const all: LegRecord[] = [];
				days.forEach(({ visitors, seed }, d) => {
					let s = seed | 1;
					const rand = (n: number) => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) % n);
					const ends = Array.from({ length: visitors }, (_, i) => ({ v: i + 1, n: 1 + rand(3) }));
					for (let i = ends.length - 1; i > 0; i--) {
						const j = rand(i + 1);
						[ends[i], ends[j]] = [ends[j], ends[i]];
					}
					// A visitor's own legs end in leg order.
					for (const { v, n } of ends) {
						for (let k = 1; k <= n; k++) {
							const l = leg(d, v, k);
							all.push(l);
							order.add(l, k === n);
						}
					}
				});
				order.endDay();
				const sorted = [...all].sort((a, b) => a.day - b.day || a.visitor - b.visitor || a.leg - b.leg);
				expect(out.map(key)).toEqual(sorted.map(key));
			})
		);
	});
});
