/** Fixed-decimal numbers (i18n/format.ts), as report columns and the compare page set them side by side: one number of decimals throughout a column, in the reader's language. */
import { afterAll, describe, expect, it } from 'vitest';
import { locale } from 'svelte-i18n';
import '../../src/lib/i18n';
import { columnDigits, fixed, fixedPercent, signedFixed } from '../../src/lib/i18n/format';

afterAll(() => void locale.set('id'));

describe('report column numbers', () => {
	it('keep their decimals: "1,0" beside "3,3", "0,0%" beside "0,1%" (Bahasa Indonesia)', () => {
		void locale.set('id');
		expect([1, 3.34, 12345.67].map((x) => fixed(x, 1))).toEqual(['1,0', '3,3', '12.345,7']);
		expect([0, 0.0012, 0.33].map((x) => fixedPercent(x, 1))).toEqual(['0,0%', '0,1%', '33,0%']);
		expect(fixedPercent(0.333, 0)).toBe('33%');
		expect(fixed(null)).toBe('—');
		expect(fixed(Number.NaN)).toBe('—');
	});

	it('never print a negative zero, and sign differences with a true minus', () => {
		void locale.set('id');
		expect(fixed(-0.01, 1)).toBe('0,0');
		expect(fixedPercent(-0.0001, 1)).toBe('0,0%');
		expect([2.04, -14.25, -0.04, 0].map((x) => signedFixed(x, 1))).toEqual(['+2,0', '−14,3', '0,0', '0,0']);
		expect(signedFixed(0.004, 2)).toBe('0,00');
	});

	it('write English numbers in English', () => {
		void locale.set('en');
		expect(fixed(1234.5, 2)).toBe('1,234.50');
		expect(fixedPercent(0.5, 1)).toBe('50.0%');
		expect(signedFixed(-1.25, 1)).toBe('−1.3');
	});

	it('give a column no decimals only when every figure in it is whole', () => {
		expect(columnDigits([72, 108, 36])).toBe(0);
		expect(columnDigits([72, 37.5, null])).toBe(1);
		expect(columnDigits([72.04, 108], 1)).toBe(0);
		expect(columnDigits([0.96, 2], 2)).toBe(2);
	});
});
