import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenRows } from '../../src/lib/calibrate/logDuplicates';

describe('SeenRows', () => {
	it('finds an exact repeat of day, service, ticket and issue time, and nothing else', () => {
		const seen = new SeenRows();
		expect(seen.add(0, 0, 'A-001', 480)).toBe(true);
		expect(seen.add(0, 0, 'A-001', 480)).toBe(false);
		expect(seen.add(1, 0, 'A-001', 480)).toBe(true);
		expect(seen.add(0, 1, 'A-001', 480)).toBe(true);
		expect(seen.add(0, 0, 'A-002', 480)).toBe(true);
		expect(seen.add(0, 0, 'A-001', 480 + 1 / 60)).toBe(true);
		expect(seen.add(0, 0, 'A-001', NaN)).toBe(true);
		expect(seen.add(0, 0, 'A-001', NaN)).toBe(false);
		// Back to an earlier day: its table is still there.
		expect(seen.add(0, 1, 'A-001', 480)).toBe(false);
	});

	it('agrees with a Set of joined keys over many rows, across table growth and days out of order (property)', () => {
		const key = fc.tuple(
			fc.integer({ min: 0, max: 5 }),
			fc.integer({ min: 0, max: 3 }),
			fc.constantFrom('A-001', 'A-002', 'B-1', '', 'x'),
			fc.integer({ min: 0, max: 30 }).map((m) => 480 + m / 4)
		);
		fc.assert(
			fc.property(fc.array(key, { maxLength: 600 }), (keys) => {
				const seen = new SeenRows();
				const reference = new Set<string>();
				for (const [d, s, t, m] of keys) {
					const k = `${d}|${s}|${t}|${m}`;
					expect(seen.add(d, s, t, m)).toBe(!reference.has(k));
					reference.add(k);
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('holds a hundred thousand distinct rows of one day', () => {
		const seen = new SeenRows();
		let added = 0;
		for (let i = 0; i < 100_000; i++) if (seen.add(3, i % 7, `T${i}`, i % 600)) added++;
		expect(added).toBe(100_000);
		expect(seen.add(3, 99_999 % 7, 'T99999', 99_999 % 600)).toBe(false);
	});
});
