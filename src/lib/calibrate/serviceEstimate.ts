/**
 * Services from a log: their weights (demand shares) and which durations each one's service-time distribution is
 * fitted to (its own, or pooled to its agency or to the whole log when it has too few).
 */
import type { LogSummary } from './logSummary';

/** A service with fewer served legs than this borrows its agency's durations (and the agency the log's). */
export const MIN_FIT_OBSERVATIONS = 30;

/** Which durations a fit is made on. */
export type Pooling = 'service' | 'agency' | 'all';

/** One set of durations to fit: a service's own, an agency's, or the whole log's. */
export interface FitGroup {
	pooled: Pooling;
	/** The service key ("agency\0service"), the agency key, or "" for all. */
	key: string;
	values: Float64Array;
}

/** One log service: its demand share, its own durations and the group its distribution is fitted on. */
export interface ServicePlan {
	agency: string;
	service: string;
	legs: number;
	/** Share of all legs (sums to 1 over services). */
	share: number;
	/** Its own durations (a view into the summary). */
	own: Float64Array;
	/** Served legs with no positive duration (left out of the fit). */
	noDuration: number;
	/** Index into the plan's groups. */
	group: number;
}

/** The services and the fits to make. */
export interface ServicePlanSet {
	services: ServicePlan[];
	groups: FitGroup[];
	minObservations: number;
}

/**
 * Plans the service estimates. Weights: a service's weight is its share of legs — every row, first services and
 * further ones alike, whatever its outcome — because the simulator draws a visitor's first service by weight and
 * each further service by weight too (redrawing ones already chosen), so every leg is a draw by weight and leg
 * shares estimate the weights (a little flattened for the services visitors combine, which redraws skip).
 * Durations: a service with at least `min` positive durations is fitted on its own; else on its agency's durations
 * pooled over its services when the agency has `min`; else on every duration in the log. Services are in the
 * order the summary met them; groups in the order first needed.
 */
export function planServices(s: LogSummary, min = MIN_FIT_OBSERVATIONS): ServicePlanSet {
	const groups: FitGroup[] = [];
	const groupIndex = new Map<string, number>();
	let totalLegs = 0;
	const byAgency = new Map<string, Float64Array[]>();
	const everything: Float64Array[] = [];
	for (const t of s.services.values()) {
		totalLegs += t.legs;
		const own = t.durations.view();
		const list = byAgency.get(t.agency) ?? [];
		list.push(own);
		byAgency.set(t.agency, list);
		everything.push(own);
	}
	const use = (pooled: Pooling, key: string, parts: () => Float64Array[]): number => {
		const known = groupIndex.get(`${pooled}:${key}`);
		if (known !== undefined) return known;
		groups.push({ pooled, key, values: concat(parts()) });
		groupIndex.set(`${pooled}:${key}`, groups.length - 1);
		return groups.length - 1;
	};
	const services: ServicePlan[] = [];
	for (const [key, t] of s.services) {
		const own = t.durations.view();
		const agencyParts = byAgency.get(t.agency) ?? [];
		const agencyN = agencyParts.reduce((n, a) => n + a.length, 0);
		const group =
			own.length >= min
				? use('service', key, () => [own])
				: agencyN >= min
					? use('agency', t.agency, () => agencyParts)
					: use('all', '', () => everything);
		services.push({ agency: t.agency, service: t.service, legs: t.legs, share: totalLegs > 0 ? t.legs / totalLegs : 0, own, noDuration: t.noDuration, group });
	}
	return { services, groups, minObservations: min };
}

function concat(parts: Float64Array[]): Float64Array {
	if (parts.length === 1) return parts[0];
	const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** At most `max` values spread evenly over the array (every k-th), for charts: deterministic, order-preserving. */
export function thin(values: Float64Array, max = 2000): Float64Array {
	if (values.length <= max) return values.slice();
	const out = new Float64Array(max);
	const stride = values.length / max;
	for (let i = 0; i < max; i++) out[i] = values[Math.floor(i * stride)];
	return out;
}
