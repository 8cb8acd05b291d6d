import { InvalidArgumentError } from 'commander';

/** A commander parser for a whole number within [min, max], with a message that names the flag's rule. */
export function intOption(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
	return (value: string) => {
		if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
		const n = Number(value);
		if (n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got ${value}`);
		return n;
	};
}

/** A commander parser for a number within [min, max]. */
export function numberOption(min: number, max: number): (value: string) => number {
	return (value: string) => {
		const n = Number(value);
		if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
		if (n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got ${value}`);
		return n;
	};
}
