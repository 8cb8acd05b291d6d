import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOCK_PATTERN, formatClock, formatClockSeconds, parseClock } from '../../src/lib/model/clock';

describe('CLOCK_PATTERN', () => {
	it('accepts HH:MM from 00:00 to 24:00', () => {
		for (const t of ['00:00', '08:30', '12:00', '23:59', '24:00']) expect(CLOCK_PATTERN.test(t), t).toBe(true);
	});
	it('rejects everything else', () => {
		for (const t of ['8:00', '24:01', '25:00', '12:60', '12:5', '1200', '12:00:00', ' 08:00', '08:00 ', '', 'ab:cd']) {
			expect(CLOCK_PATTERN.test(t), t).toBe(false);
		}
	});
});

describe('parseClock / formatClock', () => {
	it('converts known times', () => {
		expect(parseClock('00:00')).toBe(0);
		expect(parseClock('08:30')).toBe(510);
		expect(parseClock('24:00')).toBe(1440);
		expect(formatClock(510)).toBe('08:30');
		expect(formatClock(0)).toBe('00:00');
	});
	it('rounds down to the minute, tolerating floating-point error just below it', () => {
		expect(formatClock(510.99)).toBe('08:30');
		expect(formatClock(511 - 1e-12)).toBe('08:31');
	});
	it('keeps counting past midnight', () => {
		expect(formatClock(1510)).toBe('25:10');
	});
	it('round-trips every valid time of day', () => {
		const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
		fc.assert(fc.property(hhmm, (t) => formatClock(parseClock(t)) === t && CLOCK_PATTERN.test(t)));
	});
});

describe('formatClockSeconds', () => {
	it('writes HH:MM:SS', () => {
		expect(formatClockSeconds(510.5)).toBe('08:30:30');
		expect(formatClockSeconds(0)).toBe('00:00:00');
		expect(formatClockSeconds(1439 + 59 / 60)).toBe('23:59:59');
	});
	it('agrees with formatClock on the minute', () => {
		fc.assert(fc.property(fc.double({ min: 0, max: 1440, noNaN: true }), (m) => formatClockSeconds(m).slice(0, 5) === formatClock(m) || Math.abs(m - Math.round(m)) < 1e-6));
	});
});
