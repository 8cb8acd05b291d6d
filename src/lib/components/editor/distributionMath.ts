/**
 * Pure helpers for the service-time distribution picker: the mean and spread (standard deviation) a
 * distribution gives, the parameters each kind has, and switching kind while keeping mean and spread.
 */
import type { Distribution, DistributionKind } from '$lib/model';

export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ['lognormal', 'gamma', 'exponential', 'normal', 'triangular', 'uniform', 'fixed', 'empirical'];

/** The numeric parameters of each kind, in the order the picker shows them (empirical has a list instead). */
export const DISTRIBUTION_PARAMS: Record<DistributionKind, readonly string[]> = {
	fixed: ['value'],
	exponential: ['mean'],
	lognormal: ['mean', 'cv'],
	gamma: ['mean', 'cv'],
	normal: ['mean', 'sd'],
	uniform: ['min', 'max'],
	triangular: ['min', 'mode', 'max'],
	empirical: ['values']
};

export interface Moments {
	mean: number;
	sd: number;
}

/** Standard normal density and distribution function (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
function phi(x: number): number {
	return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
function bigPhi(x: number): number {
	const z = Math.abs(x) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * z);
	const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
	return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

function num(x: unknown): number {
	return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
}

/**
 * Mean and standard deviation of a distribution, or undefined when its parameters do not make one.
 * `positive`: a duration, which the simulator keeps above zero (a normal is truncated at 0; an empirical list
 * or a uniform range only yields its positive part).
 */
export function distributionMoments(d: Distribution, positive = true): Moments | undefined {
	const ok = (m: number, s: number): Moments | undefined => (Number.isFinite(m) && Number.isFinite(s) && s >= 0 ? { mean: m, sd: s } : undefined);
	switch (d.dist) {
		case 'fixed':
			return ok(num(d.value), 0);
		case 'exponential':
			return num(d.mean) > 0 ? ok(d.mean, d.mean) : undefined;
		case 'lognormal':
		case 'gamma':
			return num(d.mean) > 0 && num(d.cv) >= 0 ? ok(d.mean, d.mean * d.cv) : undefined;
		case 'normal': {
			const mu = num(d.mean);
			const s = num(d.sd);
			if (!(s >= 0) || !Number.isFinite(mu)) return undefined;
			if (!positive || s === 0) return ok(mu, s);
			const alpha = -mu / s;
			const tail = 1 - bigPhi(alpha);
			if (tail < 1e-12) return undefined;
			const lambda = phi(alpha) / tail;
			return ok(mu + s * lambda, s * Math.sqrt(Math.max(0, 1 + alpha * lambda - lambda * lambda)));
		}
		case 'uniform': {
			let a = num(d.min);
			const b = num(d.max);
			if (!(a <= b)) return undefined;
			if (positive) a = Math.max(a, 0);
			if (positive && b <= 0) return undefined;
			return ok((a + b) / 2, (b - a) / Math.sqrt(12));
		}
		case 'triangular': {
			const a = num(d.min);
			const c = num(d.mode);
			const b = num(d.max);
			if (!(a < b && a <= c && c <= b)) return undefined;
			return ok((a + b + c) / 3, Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18));
		}
		case 'empirical': {
			const values = (Array.isArray(d.values) ? d.values : []).filter((v) => Number.isFinite(v) && (!positive || v > 0));
			if (values.length === 0) return undefined;
			const m = values.reduce((s, v) => s + v, 0) / values.length;
			const v = values.reduce((s, x) => s + (x - m) * (x - m), 0) / values.length;
			return ok(m, Math.sqrt(v));
		}
	}
}

function round(x: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/**
 * The same distribution as another kind, keeping its mean and spread where the new kind can (a range is
 * kept at or above zero for durations). Falls back to a 10-minute example when the old one has no moments.
 */
export function convertDistribution(d: Distribution, kind: DistributionKind, positive = true): Distribution {
	if (d.dist === kind) return d;
	const m = distributionMoments(d, positive) ?? { mean: 10, sd: 5 };
	const mean = m.mean > 0 || !positive ? m.mean : 10;
	const sd = m.sd;
	const cv = mean > 0 && sd > 0 ? round(sd / mean, 3) : 0.5;
	const floor = (x: number) => (positive ? Math.max(0, x) : x);
	switch (kind) {
		case 'fixed':
			return { dist: 'fixed', value: round(mean) };
		case 'exponential':
			return { dist: 'exponential', mean: round(mean) };
		case 'lognormal':
			return { dist: 'lognormal', mean: round(mean), cv };
		case 'gamma':
			return { dist: 'gamma', mean: round(mean), cv };
		case 'normal':
			return { dist: 'normal', mean: round(mean), sd: round(sd) };
		case 'uniform': {
			const h = sd > 0 ? sd * Math.sqrt(3) : mean / 2;
			// A duration range cannot start below zero: then keep the mean (0 to twice the mean).
			if (positive && mean - h < 0) return { dist: 'uniform', min: 0, max: round(2 * mean) };
			return { dist: 'uniform', min: round(mean - h), max: round(mean + h) };
		}
		case 'triangular': {
			const h = sd > 0 ? sd * Math.sqrt(6) : mean / 2;
			if (!positive || mean - h >= 0) return { dist: 'triangular', min: round(mean - h), mode: round(mean), max: round(mean + h) };
			// A symmetric triangle would go below zero: a right-skewed one from 0 keeps the mean and, when
			// the spread allows (mean/√8 ≤ sd ≤ mean/√2), the spread too.
			const v = sd * sd;
			const disc = 24 * v - 3 * mean * mean;
			if (disc >= 0 && 3 * mean * mean >= 6 * v) {
				const r = Math.sqrt(disc);
				return { dist: 'triangular', min: 0, mode: round((3 * mean - r) / 2), max: round((3 * mean + r) / 2) };
			}
			return { dist: 'triangular', min: 0, mode: 0, max: round(3 * mean) };
		}
		case 'empirical': {
			const values = sd > 0 ? [mean - sd, mean, mean + sd].map((x) => round(floor(x))) : [round(mean)];
			return { dist: 'empirical', values };
		}
	}
}

/** A list of numbers from text: separated by ";" or spaces/new lines; a decimal comma is accepted ("7,5; 9"). */
export function parseNumberList(text: string): number[] | undefined {
	const tokens = text.split(/[;\s]+/).filter((t) => t !== '');
	const out: number[] = [];
	for (const t of tokens) {
		const x = parseDecimal(t);
		if (x === undefined) return undefined;
		out.push(x);
	}
	return out;
}

/** A number typed by a person: "7,5" and "7.5" both mean 7.5; undefined when it is not a number. Empty → undefined. */
export function parseDecimal(text: string): number | undefined {
	const t = text.trim().replace(/\s/g, '').replace(',', '.');
	if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
	const x = Number(t);
	return Number.isFinite(x) ? x : undefined;
}

/** A number for an input field in the given decimal style (no grouping): 7.5 → "7,5" with a comma. */
export function showDecimal(x: unknown, decimalComma: boolean): string {
	if (typeof x !== 'number' || !Number.isFinite(x)) return typeof x === 'string' ? x : '';
	const s = String(Number(x.toPrecision(12)));
	return decimalComma ? s.replace('.', ',') : s;
}
