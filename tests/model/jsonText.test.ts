import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSyntaxError, lineColumn, parseJsonText } from '../../src/lib/model/jsonText';

describe('lineColumn', () => {
	it('counts lines and columns from 1', () => {
		expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
		expect(lineColumn('a\nbc', 3)).toEqual({ line: 2, column: 2 });
		expect(lineColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
		expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
	});
});

describe('findSyntaxError', () => {
	it('finds nothing in valid JSON', () => {
		fc.assert(fc.property(fc.json(), (t) => findSyntaxError(t) === undefined));
	});
	it('finds an offset in every text JSON.parse rejects', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json().chain((t) => fc.tuple(fc.nat(t.length), fc.string({ maxLength: 2 })).map(([n, s]) => t.slice(0, n) + s + t.slice(n)))), (t) => {
				let valid = true;
				try {
					JSON.parse(t);
				} catch {
					valid = false;
				}
				const pos = findSyntaxError(t);
				return valid ? pos === undefined : pos !== undefined && pos >= 0 && pos <= t.length;
			}),
			{ numRuns: 2000 }
		);
	});
	it('agrees with V8 where V8 gives a position', () => {
		for (const t of ['{"a":1,}', '{', '{"a":1} x', '[1,2', '\n\n  {"a" 1}', '{"a":"x\ny"}', '{"a":1e}', '"abc']) {
			let v8: number | undefined;
			try {
				JSON.parse(t);
			} catch (e) {
				v8 = Number(/at position (\d+)/.exec((e as Error).message)?.[1]);
			}
			expect(findSyntaxError(t), JSON.stringify(t)).toBe(v8);
		}
	});
});

describe('parseJsonText', () => {
	it('returns the value of valid JSON', () => {
		expect(parseJsonText('{"a": [1, null]}')).toEqual({ ok: true, value: { a: [1, null] } });
	});
	it('says where the end of input came too soon', () => {
		expect(parseJsonText('{\n  "a": [1,')).toEqual({ ok: false, message: 'line 2, column 11: unexpected end of JSON input' });
	});
});
