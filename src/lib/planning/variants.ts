/**
 * Quick what-ifs: derive a variant of a scenario without touching the base. Every function here is pure — it
 * returns a new Scenario (deep copy) with a derived id and name — and only changes counters, staffing, policy or
 * demand parameters, so a variant run on the same seed sees the same visitors wherever the demand is unchanged
 * (common random numbers).
 */
import { boundedId } from '../model/boundedId';
import type { Distribution } from '../model/distribution';
import type { Counter, Scenario } from '../model/scenario';
import { parseScenario } from '../model/parse';
import { splitEntry } from '../model/serves';
import { moveCounters, type MovedShifts } from './moveCounters';
import { requireAgency, servesOnly, VariantError } from './variantBase';

export { servesAny, servesOnly, VariantError } from './variantBase';
export { moveCounters, shiftModel, type MovedShifts } from './moveCounters';

/** One what-if, as data (so the web page can list, store and describe them). */
export type WhatIf =
	| { kind: 'counters'; agency: string; delta: number }
	| { kind: 'move'; from: string; to: string; count: number; shifts: MovedShifts }
	| { kind: 'demand'; factor: number }
	| { kind: 'serviceTime'; agency: string; factor: number }
	| { kind: 'workProfile'; profile: string[] | null }
	| { kind: 'order'; order: 'priority-first' | 'fifo' }
	| { kind: 'atClose'; atClose: 'serve-waiting' | 'send-home' };

// Ids allow letters, digits, "-" and "_": a factor such as 1.25 is written 1_25.
const idNumber = (x: number) => String(Number(x.toFixed(3))).replace('.', '_').replace('-', 'm');
const showNumber = (x: number) => String(Number(x.toFixed(3)));

/** A short label of a what-if (used in derived names): "dukcapil +1 loket", "permintaan ×1.2", … */
export function describeWhatIf(w: WhatIf): string {
	switch (w.kind) {
		case 'counters':
			return `${w.agency} ${w.delta >= 0 ? '+' : ''}${w.delta} loket`;
		case 'move':
			return `${w.count} loket ${w.from} → ${w.to}${w.shifts === 'take' ? ` (jam ${w.to})` : ''}`;
		case 'demand':
			return `permintaan ×${showNumber(w.factor)}`;
		case 'serviceTime':
			return `waktu layanan ${w.agency} ×${showNumber(w.factor)}`;
		case 'workProfile':
			return w.profile ? `profil kerja [${w.profile.join(', ')}]` : 'profil kerja bawaan';
		case 'order':
			return `urutan ${w.order}`;
		case 'atClose':
			return `saat tutup ${w.atClose}`;
	}
}

/** The id fragment of a what-if: only characters an id allows. */
function whatIfSlug(w: WhatIf): string {
	switch (w.kind) {
		case 'counters':
			return `${w.agency}-${w.delta >= 0 ? 'plus' : 'minus'}${Math.abs(w.delta)}`;
		case 'move':
			return `move${w.count}-${w.from}-to-${w.to}${w.shifts === 'take' ? '-hours' : ''}`;
		case 'demand':
			return `demand-x${idNumber(w.factor)}`;
		case 'serviceTime':
			return `${w.agency}-service-x${idNumber(w.factor)}`;
		case 'workProfile':
			return w.profile ? `profile-${w.profile.map((e) => e.replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}` : 'profile-default';
		case 'order':
			return `order-${w.order}`;
		case 'atClose':
			return `close-${w.atClose}`;
	}
}

/** Applies one what-if and gives the variant a derived id and name. Throws VariantError if it cannot apply. */
export function applyWhatIf(base: Scenario, w: WhatIf): Scenario {
	let out: Scenario;
	switch (w.kind) {
		case 'counters':
			out = w.delta >= 0 ? addCounters(base, w.agency, w.delta) : removeCounters(base, w.agency, -w.delta);
			break;
		case 'move':
			out = moveCounters(base, w.from, w.to, w.count, w.shifts);
			break;
		case 'demand':
			out = scaleDemand(base, w.factor);
			break;
		case 'serviceTime':
			out = scaleServiceTime(base, w.agency, w.factor);
			break;
		case 'workProfile':
			out = setWorkProfile(base, w.profile);
			break;
		case 'order':
			out = setPolicyOrder(base, w.order);
			break;
		case 'atClose':
			out = setAtClose(base, w.atClose);
			break;
	}
	return renamed(out, base, [w]);
}

/**
 * Applies a variant — a list of changes — in order; the variant's id and name list all of them. Each change is
 * checked as it is applied, and against the scenario format after it: a failure throws VariantError naming the
 * change ("change 2 of 3 (…): reason", with `change` and `detail` for a page to word in its own language).
 */
export function applyWhatIfs(base: Scenario, list: readonly WhatIf[]): Scenario {
	if (list.length === 0) return structuredClone(base);
	let s = base;
	list.forEach((w, i) => {
		const fail = (detail: string) => new VariantError(`change ${i + 1} of ${list.length} (${describeWhatIf(w)}): ${detail}`, i, detail);
		try {
			s = applyWhatIf(s, w);
		} catch (e) {
			throw e instanceof VariantError ? fail(e.detail) : e;
		}
		const checked = parseScenario(s);
		if (!checked.ok) throw fail(`the result is not a valid scenario: ${checked.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
	});
	return renamed(s, base, list);
}

function renamed(s: Scenario, base: Scenario, list: readonly WhatIf[]): Scenario {
	return { ...s, id: boundedId([base.id, ...list.map(whatIfSlug)].join('-')), name: `${base.name} (${list.map(describeWhatIf).join('; ')})` };
}

/** A counter id not used yet, following the style of `like` (L08 → L09, L10, …), or `<agency>-<n>`. */
export function freshCounterId(s: Scenario, like: string | undefined, agency: string): string {
	const taken = new Set(s.counters.map((c) => c.id));
	const m = like ? /^(.*?)(\d+)$/.exec(like) : null;
	if (m) {
		const [, prefix, digits] = m;
		let n = 0;
		for (const id of taken) {
			const k = new RegExp(`^${prefix.replace(/[^A-Za-z0-9]/g, '\\$&')}(\\d+)$`).exec(id);
			if (k) n = Math.max(n, Number(k[1]));
		}
		for (let next = n + 1; ; next++) {
			const id = `${prefix}${String(next).padStart(digits.length, '0')}`;
			if (!taken.has(id)) return id;
		}
	}
	for (let n = 1; ; n++) {
		const id = boundedId(`${agency}-${n}`);
		if (!taken.has(id)) return id;
	}
}

/**
 * Adds `n` counters dedicated to an agency: clones of its last dedicated counter (shifts, speed, profile), or
 * when it has none a plain counter serving the whole agency, on duty whenever the hall is open.
 */
export function addCounters(base: Scenario, agency: string, n = 1): Scenario {
	requireAgency(base, agency);
	if (!Number.isInteger(n) || n < 0) throw new VariantError(`the number of counters to add must be a whole number, got ${n}`);
	const s = structuredClone(base);
	const model = [...s.counters].reverse().find((c) => servesOnly(c, agency));
	const pattern = model?.id ?? s.counters[s.counters.length - 1]?.id;
	for (let i = 0; i < n; i++) {
		const id = freshCounterId(s, pattern, agency);
		const c: Counter = model
			? { ...structuredClone(model), id, name: `${model.name ?? model.id} (+${i + 1})` }
			: { id, name: `Loket ${id} (${agency})`, serves: [agency], speed: 1 };
		s.counters.push(c);
	}
	return s;
}

/** Removes the last `n` counters that serve only this agency; VariantError when it has fewer such counters. */
export function removeCounters(base: Scenario, agency: string, n = 1): Scenario {
	requireAgency(base, agency);
	if (!Number.isInteger(n) || n < 0) throw new VariantError(`the number of counters to remove must be a whole number, got ${n}`);
	const s = structuredClone(base);
	for (let i = 0; i < n; i++) {
		let k = -1;
		for (let j = s.counters.length - 1; j >= 0; j--) {
			if (servesOnly(s.counters[j], agency)) {
				k = j;
				break;
			}
		}
		if (k < 0) {
			throw new VariantError(
				i === 0 ? `no counter serves only "${agency}": there is none to remove` : `only ${i} counter(s) serve only "${agency}"; cannot remove ${n}`
			);
		}
		if (s.counters.length === 1) throw new VariantError(`counter "${s.counters[k].id}" is the hall's last counter`);
		s.counters.splice(k, 1);
	}
	return s;
}

/** Demand × factor: visitorsPerDay (days calendar) or ratePerHour (continuous). */
export function scaleDemand(base: Scenario, factor: number): Scenario {
	if (!(factor > 0) || !Number.isFinite(factor)) throw new VariantError(`the demand factor must be a positive number, got ${factor}`);
	const s = structuredClone(base);
	if (s.demand.visitorsPerDay !== undefined) s.demand.visitorsPerDay *= factor;
	if (s.demand.ratePerHour !== undefined) s.demand.ratePerHour *= factor;
	return s;
}

/** Sets visitors per day (days calendar) or, in continuous mode, the hourly rate with the same ratio. */
export function withVisitorsPerDay(base: Scenario, visitorsPerDay: number): Scenario {
	const current = base.demand.visitorsPerDay;
	if (current === undefined || !(current > 0)) throw new VariantError(`scenario "${base.id}" has no visitorsPerDay to replace`);
	return scaleDemand(base, visitorsPerDay / current);
}

/** A distribution with every location/scale parameter × factor (the shape — cv — is kept). */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
	switch (d.dist) {
		case 'fixed':
			return { ...d, value: d.value * factor };
		case 'exponential':
			return { ...d, mean: d.mean * factor };
		case 'lognormal':
		case 'gamma':
			return { ...d, mean: d.mean * factor };
		case 'normal':
			return { ...d, mean: d.mean * factor, sd: d.sd * factor };
		case 'uniform':
			return { ...d, min: d.min * factor, max: d.max * factor };
		case 'triangular':
			return { ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
		case 'empirical':
			return { ...d, values: d.values.map((v) => v * factor) };
	}
}

/** Service time × factor for every service of an agency ("*": every agency). */
export function scaleServiceTime(base: Scenario, agency: string, factor: number): Scenario {
	if (agency !== '*') requireAgency(base, agency);
	if (!(factor > 0) || !Number.isFinite(factor)) throw new VariantError(`the service-time factor must be a positive number, got ${factor}`);
	const s = structuredClone(base);
	for (const a of s.agencies) {
		if (agency !== '*' && a.id !== agency) continue;
		for (const sv of a.services) sv.serviceTime = scaleDistribution(sv.serviceTime, factor);
	}
	return s;
}

/**
 * Gives every counter the same work profile (null: the policy's default). Entries a counter does not serve are
 * left out for that counter — validation rejects them — and "*" is appended when what is left would not call
 * everything the counter serves, so no ticket is stranded.
 */
export function setWorkProfile(base: Scenario, profile: readonly string[] | null): Scenario {
	const s = structuredClone(base);
	for (const c of s.counters) {
		if (profile === null) {
			delete c.profile;
			continue;
		}
		const agencies = new Set(c.serves.map((e) => splitEntry(e).agency));
		const own = profile.filter((e) => e === 'priority' || e === '*' || (agencies.has(splitEntry(e).agency) && coveredBy(c, e)));
		if (!own.includes('*')) own.push('*');
		c.profile = own;
	}
	return s;
}

/** True when a work-profile entry names something the counter serves (a whole agency it serves part of counts). */
function coveredBy(c: Counter, entry: string): boolean {
	const { agency, service } = splitEntry(entry);
	return c.serves.some((e) => {
		const x = splitEntry(e);
		if (x.agency !== agency) return false;
		return service === undefined || x.service === undefined || x.service === service;
	});
}

/** Another calling order for counters without their own profile. */
export function setPolicyOrder(base: Scenario, order: 'priority-first' | 'fifo'): Scenario {
	const s = structuredClone(base);
	s.policy.order = order;
	return s;
}

/** Another closing rule (days calendar only; a continuous hall never closes). */
export function setAtClose(base: Scenario, atClose: 'serve-waiting' | 'send-home'): Scenario {
	const s = structuredClone(base);
	if ('continuousMinutes' in s.calendar) throw new VariantError('a hall that never closes has no closing rule');
	s.calendar.atClose = atClose;
	return s;
}
