import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, dayNumber, newMoment, parseMoment, weekdayOf } from '../../src/lib/calibrate/logTime';

/** The moment a text parses to, or null. */
function parse(text: string): { day: string | null; minutes: number; offset: boolean } | null {
	const m = newMoment();
	if (!parseMoment(text, m)) return null;
	return { day: Number.isNaN(m.day) ? null : dayKey(m.day), minutes: m.minutes, offset: m.offset };
}

describe('parseMoment', () => {
	it('reads ISO date-times with T, optional seconds, fraction, Z or offset (offset kept as written)', () => {
		expect(parse('2024-03-04T08:05')).toEqual({ day: '2024-03-04', minutes: 485, offset: false });
		expect(parse('2024-03-04T08:05:30')?.minutes).toBe(485.5);
		expect(parse('2024-03-04T08:05:30.5')?.minutes).toBeCloseTo(485 + 30.5 / 60, 12);
		expect(parse('2024-03-04T08:05:30Z')).toEqual({ day: '2024-03-04', minutes: 485.5, offset: true });
		expect(parse('2024-03-04T08:05:30+07:00')).toEqual({ day: '2024-03-04', minutes: 485.5, offset: true });
		expect(parse('2024-03-04T08:05:30-0500')?.minutes).toBe(485.5);
		expect(parse('2024-03-04T08:05+07')?.offset).toBe(true);
	});

	it('reads "YYYY-MM-DD HH:MM[:SS]" and "DD/MM/YYYY HH:MM[:SS]"', () => {
		expect(parse('2024-03-04 08:05:12')).toEqual({ day: '2024-03-04', minutes: 485 + 12 / 60, offset: false });
		expect(parse('04/03/2024 08:05')).toEqual({ day: '2024-03-04', minutes: 485, offset: false });
		expect(parse('4/3/2024 8:05:00')?.day).toBe('2024-03-04');
		expect(parse('04-03-2024 13:00')?.day).toBe('2024-03-04');
		expect(parse('04.03.2024 13:00')?.minutes).toBe(780);
		expect(parse('2024/03/04 13:00')?.day).toBe('2024-03-04');
	});

	it('reads a time of day alone (no day) and a date alone (no minutes)', () => {
		expect(parse('08:05')).toEqual({ day: null, minutes: 485, offset: false });
		expect(parse(' 17:59:59 ')?.minutes).toBeCloseTo(17 * 60 + 59 + 59 / 60, 12);
		const d = parse('2024-02-29');
		expect(d?.day).toBe('2024-02-29');
		expect(d?.minutes).toBeNaN();
		expect(parse('29/02/2024')?.day).toBe('2024-02-29');
	});

	it('reads AM/PM', () => {
		expect(parse('3/4/2024 12:05 AM')?.minutes).toBe(5);
		expect(parse('12:05 PM')?.minutes).toBe(725);
		expect(parse('1:30 pm')?.minutes).toBe(810);
	});

	it('rejects what is not a date or time', () => {
		for (const bad of [
			'',
			'   ',
			'abc',
			'2024-13-01 08:00',
			'2023-02-29',
			'31/04/2024',
			'24:00',
			'08:60',
			'08:5',
			'08:05:7',
			'2024-03-04 08:05 junk',
			'2024-03-04X08:05',
			'2024-03/04',
			'123/03/2024',
			'08:05:00.',
			'13:00 PM',
			'1e3',
			'08:05+7'
		]) {
			expect(parse(bad), bad).toBeNull();
		}
	});

	it('never throws and, when it accepts, gives a valid day or a minute of the day (property)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9:\-/. TZ+APM]{0,25}$/)), (s) => {
				const m = newMoment();
				if (!parseMoment(s, m)) return;
				expect(Number.isNaN(m.day) && Number.isNaN(m.minutes)).toBe(false);
				if (!Number.isNaN(m.minutes)) expect(m.minutes >= 0 && m.minutes < 1440).toBe(true);
			})
		);
	});
});

describe('calendar days', () => {
	it('counts days from 1970-01-01 and back again, with the right weekday (no time zone involved)', () => {
		expect(dayNumber(1970, 1, 1)).toBe(0);
		expect(weekdayOf(0)).toBe('thu');
		expect(weekdayOf(dayNumber(2024, 3, 4))).toBe('mon');
		expect(weekdayOf(dayNumber(2024, 3, 10))).toBe('sun');
		expect(weekdayOf(dayNumber(1969, 12, 31))).toBe('wed');
		expect(dayNumber(2023, 2, 29)).toBeNaN();
	});

	it('dayKey inverts dayNumber and agrees with Date in UTC (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), (day) => {
				const key = dayKey(day);
				const [y, m, d] = key.split('-').map(Number);
				expect(dayNumber(y, m, d)).toBe(day);
				expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(key);
			})
		);
	});
});
