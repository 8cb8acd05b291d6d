/** What one timed run measured, and how rates are read off it. */
export interface Measure {
	seconds: number;
	events: number;
	visits: number;
}

/** Events or visits per second of a measure. */
export const rate = (m: Measure, what: 'events' | 'visits') => m[what] / m.seconds;
