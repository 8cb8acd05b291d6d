import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndexLists } from '../../src/lib/engine/indexLists';

describe('IndexLists', () => {
	it('row r holds exactly the r-th list, in order, for any lists', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 6 }), { maxLength: 12 }), (rows) => {
				const l = new IndexLists(rows);
				expect(l.start.length).toBe(rows.length + 1);
				rows.forEach((row, r) => {
					expect(Array.from(l.items.subarray(l.start[r], l.start[r + 1]))).toEqual(row);
					for (let x = 0; x <= 50; x++) expect(l.has(r, x)).toBe(row.includes(x));
				});
			})
		);
	});
});
