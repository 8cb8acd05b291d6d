/**
 * Waiting-room seats for a building plan: the P95, over every simulated day of every replication, of the day's
 * peak number of tickets waiting at once, times the people who come with each waiting visitor, rounded up.
 *
 * Why these choices: a room sized for the mean day overflows on half the days; sized for the worst day ever
 * simulated it follows the longest replication's luck. The P95 day is full about one day in twenty (say once a
 * month). Visitors at a counter are not counted (they sit at the counter), nor are those who came back later
 * for an online slot (they are not in the hall).
 */
import type { RunSummary } from '../stats/runSummary';
import { COMPANIONS_BOUNDS, COMPANIONS_SOURCE, DEFAULT_COMPANIONS_FACTOR } from './staffingDefaults';

export { DEFAULT_COMPANIONS_FACTOR } from './staffingDefaults';

/** The seats figure and what it comes from. */
export interface WaitingRoomSeats {
	/** Seats to build: ⌈peakP95 × companions⌉ (0 when nobody ever waits). */
	seats: number;
	/** P95 over days of the day's peak number of tickets waiting. */
	peakP95: number;
	/** The median day's peak and the largest peak simulated, for context. */
	peakP50: number;
	peakMax: number;
	/** Days the P95 is taken over (replications × days per replication). */
	days: number;
	/** People per waiting visitor, and where that figure comes from. */
	companions: number;
	companionsSource: string;
}

/** The companions factor a form gives, or null when it is missing or out of bounds. */
export function companionsOf(x: number | null | undefined): number | null {
	return x !== null && x !== undefined && Number.isFinite(x) && x >= COMPANIONS_BOUNDS.min && x <= COMPANIONS_BOUNDS.max ? x : null;
}

/** Seats a run's waiting room needs (see the module's comment); null when the run has no day's peak to go on. */
export function waitingRoomSeats(summary: Pick<RunSummary, 'dailyPeakWaiting'>, companions: number = DEFAULT_COMPANIONS_FACTOR): WaitingRoomSeats | null {
	const peak = summary.dailyPeakWaiting;
	if (!peak || peak.days === 0 || peak.p95 === null) return null;
	if (companionsOf(companions) === null) throw new RangeError(`the companions factor must be between ${COMPANIONS_BOUNDS.min} and ${COMPANIONS_BOUNDS.max}, got ${companions}`);
	return {
		// A hair of floating-point error (42.0000001 × 1) does not add a seat.
		seats: Math.max(0, Math.ceil(peak.p95 * companions - 1e-9)),
		peakP95: peak.p95,
		peakP50: peak.p50 ?? peak.p95,
		peakMax: peak.max ?? peak.p95,
		days: peak.days,
		companions,
		companionsSource: companions === DEFAULT_COMPANIONS_FACTOR ? COMPANIONS_SOURCE : 'set by the user'
	};
}

/** One sentence for a sized scenario's notes: the seats figure and what it assumes (English, like the CLI). */
export function seatsNote(s: WaitingRoomSeats): string {
	return (
		`Waiting room: ${s.seats} seats = P95 over ${s.days} simulated days of the day's peak number waiting (${s.peakP95.toFixed(1)}) ` +
		`× ${s.companions} people per waiting visitor (${s.companionsSource}).`
	);
}
