import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssuedToday, TicketLine } from '../../src/lib/engine/queues';
import { Ticket } from '../../src/lib/engine/tickets';

/** A waiting ticket issued as `seq`, as the engine leaves it when it pushes it into its lines. */
function ticket(seq: number): Ticket<string> {
	const t = new Ticket(`t${seq}`);
	t.seq = seq;
	return t;
}

describe('TicketLine', () => {
	it('gives its tickets first in, first out, and skips those that left while standing in it', () => {
		const line = new TicketLine<string>();
		const [a, b, c] = [ticket(0), ticket(1), ticket(2)];
		for (const t of [a, b, c]) line.push(t);
		expect(line.peek()).toBe(a);
		line.shift();
		b.state = 'abandoned';
		expect(line.peek()).toBe(c);
		line.shift();
		expect(line.peek()).toBeUndefined();
	});

	it('may hold a ticket until its head moves past it, and nothing once cleared', () => {
		const line = new TicketLine<string>();
		const [a, b] = [ticket(5), ticket(6)];
		line.push(a);
		line.push(b);
		a.state = 'called'; // called from another line: still stands in this one
		expect([line.mayHold(5), line.mayHold(6)]).toEqual([true, true]);
		expect(line.peek()).toBe(b); // the head moves past a
		expect([line.mayHold(5), line.mayHold(6)]).toEqual([false, true]);
		line.clear();
		expect([line.mayHold(6), line.peek()]).toEqual([false, undefined]);
	});

	it('property: a line yields exactly its still-waiting tickets in issue order, and may hold every one of them, whatever leaves and whenever', () => {
		// 0: issue a ticket; 1: one of the waiting leaves (abandons); 2: a counter calls from this line.
		const ops = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat()), { maxLength: 400 });
		fc.assert(
			fc.property(ops, (steps) => {
				const line = new TicketLine<string>();
				const waiting: Array<Ticket<string>> = [];
				let seq = 0;
				for (const [op, pick] of steps) {
					if (op === 0) {
						const t = ticket(seq++);
						line.push(t);
						waiting.push(t);
					} else if (op === 1 && waiting.length > 0) {
						const [t] = waiting.splice(pick % waiting.length, 1);
						t.state = 'abandoned';
					} else if (op === 2) {
						const head = line.peek();
						expect(head).toBe(waiting[0]);
						if (head === undefined) continue;
						line.shift();
						head.state = 'called';
						waiting.shift();
					}
					for (const t of waiting) expect(line.mayHold(t.seq)).toBe(true);
				}
				expect(line.peek()).toBe(waiting[0]);
			})
		);
	});
});

describe('IssuedToday', () => {
	it('lists the waiting in issue order, a reused ticket where it stands now, each once, pass after pass', () => {
		const today = new IssuedToday<string>();
		const [a, b, c] = [ticket(0), ticket(1), ticket(2)];
		today.add(a);
		today.add(b);
		today.add(c);
		b.state = 'served';
		today.add(a); // a was served and reissued later the same day: it now stands after c
		expect(today.waiting()).toEqual([c, a]);
		expect(today.waiting()).toEqual([c, a]);
		a.state = 'not-served';
		expect(today.waiting()).toEqual([c]);
		today.clear();
		expect(today.waiting()).toEqual([]);
	});
});
