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
		fc.assert(
			fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.integer(), (days, seed) => {
				const out: LegRecord[] = [];
				const order = new VisitOrder((l) => out.push(l));
				const all: LegRecord[] = [];
				days.forEach((legsPerVisitor, day) => {
					// Visitors end in a shuffled order; a visitor's own legs end in leg order.
					const visitors = legsPerVisitor.map((n, i) => ({ v: i + 1, n }));
					let s = seed;
					visitors.sort(() => ((s = (s * 1103515245 + 12345) | 0) & 1 ? 1 : -1));
					for (const { v, n } of visitors) {
						for (let k = 1; k <= n; k++) {
							const l = leg(day, v, k);
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
