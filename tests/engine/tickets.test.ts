import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineDay, formatTicketNumber, Ticket, TicketNumbering } from '../../src/lib/engine/tickets';

describe('formatTicketNumber', () => {
	it('pads to three digits and lets larger numbers grow', () => {
		expect([1, 7, 42, 999, 1000, 12345].map((n) => formatTicketNumber('A', n))).toEqual(['A-001', 'A-007', 'A-042', 'A-999', 'A-1000', 'A-12345']);
		expect(formatTicketNumber('BPN', 3)).toBe('BPN-003');
	});

	it('property: a number reads back as its prefix and day number, and numbers of one prefix never clash', () => {
		const prefix = fc.stringMatching(/^[A-Z]{1,3}$/);
		fc.assert(
			fc.property(prefix, fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (p, n, m) => {
				const text = formatTicketNumber(p, n);
				const [head, digits] = text.split('-');
				expect([head, Number(digits), digits.length >= 3]).toEqual([p, n, true]);
				expect(text === formatTicketNumber(p, m)).toBe(n === m);
			})
		);
	});
});

describe('Ticket', () => {
	it('is a waiting ticket of no day, at no counter, until an engine writes it', () => {
		const t = new Ticket('payload');
		expect([t.payload, t.state, t.counter, t.day, t.mark, t.dayNumber, t.number]).toEqual(['payload', 'waiting', -1, null, null, 0, '']);
		expect([t.queuedAt, t.calledAt, t.endedAt]).toEqual([NaN, NaN, NaN]);
	});

	it('spells its number from prefix and day number, and has none as a no-show (day number 0)', () => {
		const t = new Ticket(null);
		t.prefix = 'C';
		t.dayNumber = 12;
		expect(t.number).toBe('C-012');
		t.dayNumber = 0;
		expect(t.number).toBe('');
	});
});

describe('EngineDay', () => {
	it('tells days apart by identity, whatever their count', () => {
		const a = new EngineDay(0);
		const b = new EngineDay(0);
		expect(a === b).toBe(false);
		expect([a.count, b.count]).toEqual([0, 0]);
	});
});

describe('TicketNumbering', () => {
	it('property: each agency counts 1, 2, 3, … on its own whatever the interleaving, and from 1 again after a reset', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), fc.nat({ max: 60 }), (agencies, resetAt) => {
				const numbering = new TicketNumbering(4);
				let expected = [0, 0, 0, 0];
				agencies.forEach((a, i) => {
					if (i === resetAt) {
						numbering.reset();
						expected = [0, 0, 0, 0];
					}
					expect(numbering.issue(a)).toBe(++expected[a]);
				});
			})
		);
	});
});
