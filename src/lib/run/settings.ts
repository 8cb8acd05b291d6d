/** Run-settings input: a whole number within [min, max] from a number input's value (number, text or empty). */
export function parseWholeNumber(value: unknown, min: number, max: number): number | null {
	let n: number;
	if (typeof value === 'number') n = value;
	else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) n = Number(value);
	else return null;
	return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}
