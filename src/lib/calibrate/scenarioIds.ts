/**
 * The calibrated scenario's agencies and services: which scenario id each log (agency, service) becomes, in what
 * order, under which name and ticket prefix. With a base scenario, log services it recognises (ServiceMatcher)
 * keep its ids and names; the rest get ids slugged from the log's words.
 */
import type { Scenario } from '../model/scenario';
import { looseKey, ServiceMatcher, slugId } from './logIds';

/** A log service to place: its keys and how many legs it had. */
export interface LogService {
	agency: string;
	service: string;
	legs: number;
}

/** A scenario service made from log services (one, or base-matched ones merged). */
export interface PlacedService {
	id: string;
	name: string;
	/** Indices (into the input list) of the log services it stands for. */
	from: number[];
	/** The base scenario's service it keeps the id of, if any. */
	base: Scenario['agencies'][number]['services'][number] | null;
}

/** A scenario agency and its services. */
export interface PlacedAgency {
	id: string;
	name: string;
	ticketPrefix: string;
	services: PlacedService[];
	/** True when the id, name and prefix are the base scenario's. */
	fromBase: boolean;
}

/** Ids that would be ambiguous in a work profile. */
const RESERVED = ['priority'];
const NAME_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** An agency being placed: also the log keys it stands for, its place in the base's order and its legs. */
type Placing = PlacedAgency & { keys: Set<string>; order: number; legs: number };

/**
 * Places the log's services into agencies. `prefixes(agencyKey)` gives the letter prefixes seen on an agency's
 * tickets, most frequent first. Returns agencies in order (base ones in base order, then the log's by ticket
 * prefix and name) and, per input service, its [agency index, service index]. Two log services the base
 * recognises as the same service become that one service.
 */
export function placeServices(
	services: readonly LogService[],
	prefixes: (agencyKey: string) => string[],
	base?: Scenario
): { agencies: PlacedAgency[]; at: Array<[number, number]> } {
	const placer = new Placer(base);
	services.forEach((s, i) => placer.place(s, i));
	const list = [...placer.agencies.values()];
	assignPrefixes(list, prefixes);
	list.sort((a, b) => a.order - b.order || NAME_ORDER.compare(a.ticketPrefix, b.ticketPrefix) || NAME_ORDER.compare(a.name, b.name));
	for (const a of list) nameServices(a, base);
	const at: Array<[number, number]> = new Array(services.length);
	list.forEach((a, ai) => a.services.forEach((s, si) => s.from.forEach((i) => (at[i] = [ai, si]))));
	return { agencies: list.map(({ id, name, ticketPrefix, services: ss, fromBase }) => ({ id, name, ticketPrefix, services: ss, fromBase })), at };
}

/** Puts log services into agencies one at a time (see placeServices). */
class Placer {
	readonly agencies = new Map<string, Placing>();
	private readonly matcher: ServiceMatcher | null;
	private readonly baseAgencyOf = new Map<string, Scenario['agencies'][number]>();
	private readonly newAgencyOfKey = new Map<string, string>();
	private readonly usedBase = new Map<string, PlacedService>();
	/** Ids a new agency may not take: reserved words and every base agency's id. */
	private readonly taken: Set<string>;

	constructor(private readonly base?: Scenario) {
		this.matcher = base ? new ServiceMatcher(base) : null;
		for (const a of base?.agencies ?? []) for (const k of [a.id, a.name, a.ticketPrefix]) if (!this.baseAgencyOf.has(looseKey(k))) this.baseAgencyOf.set(looseKey(k), a);
		this.taken = new Set([...RESERVED, ...(base?.agencies.map((a) => a.id) ?? [])]);
	}

	/** Places log service i: into the base's service when the base knows it, else as a new service of its agency. */
	place(s: LogService, i: number): void {
		const m = this.matcher?.find(s.agency, s.service) ?? null;
		const baseAgency = m ? this.base!.agencies.find((a) => a.id === m.agency)! : this.baseAgencyOf.get(looseKey(s.agency));
		const agency = baseAgency ? this.baseAgency(baseAgency) : this.newAgency(s.agency);
		agency.keys.add(s.agency);
		agency.legs += s.legs;
		const baseService = m ? baseAgency!.services.find((x) => x.id === m.service)! : null;
		if (baseService) {
			const known = this.usedBase.get(`${agency.id}/${baseService.id}`);
			if (known) return void known.from.push(i);
			const service: PlacedService = { id: baseService.id, name: baseService.name, from: [i], base: baseService };
			this.usedBase.set(`${agency.id}/${baseService.id}`, service);
			agency.services.push(service);
		} else agency.services.push({ id: '', name: s.service, from: [i], base: null });
	}

	private baseAgency(a: Scenario['agencies'][number]): Placing {
		let p = this.agencies.get(a.id);
		if (!p) {
			p = { id: a.id, name: a.name, ticketPrefix: a.ticketPrefix, services: [], fromBase: true, keys: new Set(), order: this.base!.agencies.indexOf(a), legs: 0 };
			this.agencies.set(a.id, p);
		}
		return p;
	}

	private newAgency(key: string): Placing {
		const known = this.newAgencyOfKey.get(key);
		if (known) return this.agencies.get(known)!;
		const id = slugId(key, this.taken);
		this.taken.add(id);
		this.newAgencyOfKey.set(key, id);
		const p: Placing = { id, name: nameOf(key, id), ticketPrefix: '', services: [], fromBase: false, keys: new Set(), order: Infinity, legs: 0 };
		this.agencies.set(id, p);
		return p;
	}
}

/** A name must not be empty: a blank key is named by its id. */
function nameOf(key: string, id: string): string {
	return key.trim() === '' ? id : key;
}

/** Service ids (slugs of the log's names, unique in the agency) and order: base services in base order, then by name. */
function nameServices(a: PlacedAgency, base?: Scenario): void {
	const baseOrder = base?.agencies.find((x) => x.id === a.id)?.services ?? [];
	const rank = (s: PlacedService) => (s.base ? baseOrder.indexOf(s.base) : Infinity);
	a.services.sort((x, y) => rank(x) - rank(y) || NAME_ORDER.compare(x.name, y.name));
	const taken = new Set(a.services.filter((s) => s.base).map((s) => s.id));
	for (const s of a.services) {
		if (s.base) continue;
		s.id = slugId(s.name, taken);
		taken.add(s.id);
		s.name = nameOf(s.name, s.id);
	}
}

/**
 * Ticket prefixes of agencies not from the base: the most frequent letter prefix on the agency's tickets when no
 * agency with more legs claimed it first, else the first free of A, B, …, Z, AA, AB, … (1–3 capital letters).
 */
function assignPrefixes(list: Placing[], prefixes: (agencyKey: string) => string[]): void {
	const taken = new Set(list.filter((a) => a.fromBase).map((a) => a.ticketPrefix));
	const open = list.filter((a) => !a.fromBase).sort((a, b) => b.legs - a.legs);
	for (const a of open) {
		const seen = [...a.keys].flatMap(prefixes).filter((p) => /^[A-Z]{1,3}$/.test(p));
		const p = seen.find((x) => !taken.has(x));
		if (p) {
			a.ticketPrefix = p;
			taken.add(p);
		}
	}
	let next = 0;
	for (const a of open) {
		if (a.ticketPrefix) continue;
		while (taken.has(generatedPrefix(next))) next++;
		a.ticketPrefix = generatedPrefix(next);
		taken.add(a.ticketPrefix);
	}
}

/** A, B, …, Z, AA, AB, …, ZZ, AAA, … (bijective base 26). */
export function generatedPrefix(i: number): string {
	let n = i + 1;
	let out = '';
	while (n > 0) {
		n--;
		out = String.fromCharCode(65 + (n % 26)) + out;
		n = Math.floor(n / 26);
	}
	return out;
}
