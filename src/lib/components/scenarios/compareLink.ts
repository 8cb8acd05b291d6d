/** The address of the compare page with a copy's original as A and the copy as B ("Bandingkan dengan aslinya"). */

/** Query parameters the compare page reads on mount (it is prerendered, so not from the server). */
export const COMPARE_A = 'a';
export const COMPARE_B = 'b';

/** `/compare?a=<original>&b=<copy>` under the app's base path. */
export function compareWithOriginalHref(base: string, original: string, copy: string): string {
	return `${base}/compare?${COMPARE_A}=${encodeURIComponent(original)}&${COMPARE_B}=${encodeURIComponent(copy)}`;
}

/** The two refs of such an address, or undefined when either is missing or they are the same scenario. */
export function comparePairFrom(search: string): { a: string; b: string } | undefined {
	const q = new URLSearchParams(search);
	const a = q.get(COMPARE_A);
	const b = q.get(COMPARE_B);
	return a && b && a !== b ? { a, b } : undefined;
}
