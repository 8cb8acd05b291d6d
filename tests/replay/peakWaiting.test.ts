import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../src/lib/replay/trace';
import { replayTrace } from '../../src/lib/replay/replay';
import { waitingRoomSeats } from '../../src/lib/planning/seats';
import { hall, row } from './logFixtures';

/** n visitors taking a ticket at `at` on `date`, each served for 10 minutes. */
function burst(date: string, at: number, n: number) {
	return Array.from({ length: n }, () => row({ date, weekday: 'mon', issued: at, called: NaN, end: NaN, start: NaN }));
}

describe("the day's peak number waiting", () => {
	it('counts the tickets waiting at once, per day: a visitor called at once never counts, and the days differ', () => {
		// One counter. Day 1: four visitors at 09:00 (one is called at once, three wait); day 2: two at 10:00 (one waits).
		const records = [...burst('2026-03-02', 540, 4), ...burst('2026-03-09', 600, 2)].map((r) => ({ ...r, called: r.issued, start: r.issued, end: r.issued + 10 }));
		const scenario = hall(1);
		const run = replayTrace(buildTrace(records, scenario), scenario, false);
		if (!run.ok) throw new Error(run.message);
		const s = run.summary;
		expect(s.dailyPeakWaiting).toEqual({ days: 2, p50: 2, p95: 2.9, max: 3 });
		expect(s.overall.peakWaiting.mean).toBe(2);
		// 2.9 × 1.5 = 4.35 → 5 seats; with nobody accompanying, 3.
		expect(waitingRoomSeats(s, 1.5)?.seats).toBe(5);
		expect(waitingRoomSeats(s, 1)?.seats).toBe(3);
	});
});
