import { afterAll, describe, expect, it } from 'vitest';
import { locale } from 'svelte-i18n';
import '../../src/lib/i18n';
import { formatClock, formatMinutes, formatNumber, formatPercent, localeTag } from '../../src/lib/i18n/format';

afterAll(() => void locale.set('id'));

describe('format helpers, Bahasa Indonesia (default)', () => {
	it('uses id-ID: decimal comma, dot grouping, dot in times', () => {
		void locale.set('id');
		expect(localeTag()).toBe('id-ID');
		expect(formatNumber(12345.678, 1)).toBe('12.345,7');
		expect(formatNumber(3)).toBe('3');
		expect(formatPercent(0.1234, 1)).toBe('12,3%');
		expect(formatMinutes(12.34)).toBe('12,3 mnt');
		expect(formatClock(8 * 60 + 5)).toBe('08.05');
	});
});

describe('format helpers, English', () => {
	it('uses en-GB: decimal point, comma grouping, colon in times', () => {
		void locale.set('en');
		expect(localeTag()).toBe('en-GB');
		expect(formatNumber(12345.678, 1)).toBe('12,345.7');
		expect(formatPercent(0.5)).toBe('50%');
		expect(formatMinutes(12.34)).toBe('12.3 mins');
		expect(formatClock(14 * 60 + 30)).toBe('14:30');
		expect(formatClock(25 * 60 + 10)).toBe('25:10');
	});
});

describe('missing values', () => {
	it('show as an em dash', () => {
		for (const f of [formatNumber, formatPercent, formatMinutes, formatClock]) {
			expect(f(null)).toBe('—');
			expect(f(Number.NaN)).toBe('—');
		}
	});
});
