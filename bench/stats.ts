/** Small statistics and formatting helpers shared by the bench's sections. */

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** A count with thousands separators. */
export const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/** A share as a percentage with one decimal. */
export const pct = (x: number) => (100 * x).toFixed(1) + '%';

/** Seconds: milliseconds below one second (a start-up against its 0.25 s target), hundredths above. */
export const secs = (x: number) => x.toFixed(x < 1 ? 3 : 2) + ' s';

/** Kilobytes (as /usr/bin/time and /proc report them) as whole megabytes. */
export const mb = (kb: number) => Math.round(kb / 1024) + ' MB';
