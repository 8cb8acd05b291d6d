import { describe, expect, it } from 'vitest';
import { companionsOf, DEFAULT_COMPANIONS_FACTOR, seatsNote, waitingRoomSeats } from '../../src/lib/planning/seats';

const summary = (p95: number | null, days = 20) => ({ dailyPeakWaiting: { days, p50: p95 === null ? null : p95 / 2, p95, max: p95 === null ? null : p95 + 3 } });

describe('waitingRoomSeats', () => {
	it('is the P95 day peak times the companions factor, rounded up, a hair of float error not adding a seat', () => {
		expect(waitingRoomSeats(summary(10), 1.5)?.seats).toBe(15);
		expect(waitingRoomSeats(summary(10.1), 1.5)?.seats).toBe(16);
		expect(waitingRoomSeats(summary(0.1 + 0.2), 10)?.seats).toBe(3);
		expect(waitingRoomSeats(summary(0), 2)?.seats).toBe(0);
	});

	it('marks the default factor as an assumption and a typed one as the user’s', () => {
		expect(waitingRoomSeats(summary(4))?.companions).toBe(DEFAULT_COMPANIONS_FACTOR);
		expect(waitingRoomSeats(summary(4))?.companionsSource).toMatch(/assumption/);
		expect(waitingRoomSeats(summary(4), 1.2)?.companionsSource).toBe('set by the user');
		expect(seatsNote(waitingRoomSeats(summary(4), 2)!)).toMatch(/8 seats = P95 over 20 simulated days/);
	});

	it('gives no figure without a simulated day, and refuses a factor out of bounds', () => {
		expect(waitingRoomSeats(summary(null))).toBeNull();
		expect(waitingRoomSeats(summary(3, 0))).toBeNull();
		expect(() => waitingRoomSeats(summary(3), 0.5)).toThrow(/between 1 and 10/);
		expect(companionsOf(NaN)).toBeNull();
		expect(companionsOf(null)).toBeNull();
		expect(companionsOf(2)).toBe(2);
	});
});
