/** `mpp plan --targets`: the sizing targets as one flag. No heavy imports: mpp.ts loads this for every command. */
import { InvalidArgumentError } from 'commander';
import type { SizingTargets } from '../lib/planning/targets';

const KEYS: Record<string, [keyof SizingTargets, number, number]> = {
	'wait-p90': ['waitP90Minutes', 0.01, 1440],
	abandon: ['abandonRate', 0, 1],
	'service-level': ['serviceLevel', 0, 1]
};

/** Parses "wait-p90=15,abandon=0.02,service-level=0.8" (any of the three; the others keep their defaults). */
export function parseTargets(text: string): Partial<SizingTargets> {
	const out: Partial<SizingTargets> = {};
	for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
		const [key, value, extra] = part.split('=');
		const rule = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
		const n = Number(value);
		if (!rule || extra !== undefined || value === undefined || value.trim() === '' || !Number.isFinite(n)) {
			throw new InvalidArgumentError(`expected "wait-p90=MIN,abandon=SHARE,service-level=SHARE" (any of them), got "${part}"`);
		}
		if (n < rule[1] || n > rule[2]) throw new InvalidArgumentError(`${key} must be from ${rule[1]} to ${rule[2]}, got ${value}`);
		out[rule[0]] = n;
	}
	return out;
}
