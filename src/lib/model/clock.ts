/** Clock-time helpers: times of day are "HH:MM" strings in scenarios and minutes after midnight inside. */

export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes after midnight of an "HH:MM" string (assumes it matches CLOCK_PATTERN). */
export function parseClock(hhmm: string): number {
	return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** "HH:MM" of minutes after midnight, rounded down to the minute; minutes past 24:00 keep counting (25:10). */
export function formatClock(minutes: number): string {
	const m = Math.floor(minutes + 1e-9);
	const h = Math.floor(m / 60);
	const mm = m - h * 60;
	return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
}

/** "HH:MM:SS" of minutes after midnight, for exports that need sub-minute precision. */
export function formatClockSeconds(minutes: number): string {
	const s = Math.floor(minutes * 60 + 1e-6);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s - h * 3600) / 60);
	const sec = s - h * 3600 - m * 60;
	const two = (n: number) => (n < 10 ? '0' : '') + n;
	return `${two(h)}:${two(m)}:${two(sec)}`;
}
