/** Cell formatting: csvField writes a field exactly as papaparse's unparse would. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/export/cells';

describe('csvField', () => {
	it('quotes only what needs it, doubling inner quotes', () => {
		expect(csvField('dukcapil')).toBe('dukcapil');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField(' lead')).toBe('" lead"');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('')).toBe('');
	});

	it('equals papaparse for any text (property)', () => {
		const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\ufeff', ';', "'", '=', '\t', 'é') });
		fc.assert(fc.property(fc.oneof(text, fc.string()), (s) => csvField(s) === Papa.unparse([[s]], { newline: '\n' })));
	});
});
