/** Which (agency, service) pairs a counter serves: shared by validation, the simulator and the engine. */

/** An (agency, service) pair: the unit a ticket is for and a counter may serve. */
export interface ServiceRef {
	agency: string;
	service: string;
}

/** The least of a scenario that resolving needs, so callers can pass their own structures. */
export interface AgencyList {
	agencies: ReadonlyArray<{ id: string; services: ReadonlyArray<{ id: string }> }>;
}

/** `"agency/service"` id of a pair, as written in `serves` and `profile` entries. */
export function serviceKey(agency: string, service: string): string {
	return `${agency}/${service}`;
}

/** Splits a `serves` / `profile` entry into agency and optional service (`"a"` → {agency: "a"}; `"a/s"` → both). */
export function splitEntry(entry: string): { agency: string; service?: string } {
	const slash = entry.indexOf('/');
	return slash < 0 ? { agency: entry } : { agency: entry.slice(0, slash), service: entry.slice(slash + 1) };
}

// Every agency id and "agency/service" id of a scenario, made once per scenario object: validation asks for each
// entry of every counter, and a search through the agencies each time made a large hall's validation quadratic.
const entryIndexes = new WeakMap<AgencyList, Set<string>>();

function entryIndex(scenario: AgencyList): Set<string> {
	let index = entryIndexes.get(scenario);
	if (!index) {
		index = new Set<string>();
		for (const a of scenario.agencies) {
			index.add(a.id);
			for (const s of a.services) index.add(serviceKey(a.id, s.id));
		}
		entryIndexes.set(scenario, index);
	}
	return index;
}

/**
 * True when `entry` names an existing agency or an existing "agency/service" of the scenario (read as it was when
 * first asked: validation's scenarios are not changed while checked).
 */
export function entryExists(scenario: AgencyList, entry: string): boolean {
	return entryIndex(scenario).has(entry);
}

/**
 * The (agency, service) pairs a counter serves, each once, in scenario order (agencies, then their services) —
 * a canonical order that does not depend on how `serves` is written. Entries naming nothing are ignored
 * (validation reports them).
 */
export function resolveServes(scenario: AgencyList, counter: { serves: ReadonlyArray<string> }): ServiceRef[] {
	const wholeAgencies = new Set<string>();
	const single = new Set<string>();
	for (const entry of counter.serves) {
		const { agency, service } = splitEntry(entry);
		if (service === undefined) wholeAgencies.add(agency);
		else single.add(serviceKey(agency, service));
	}
	const out: ServiceRef[] = [];
	for (const a of scenario.agencies) {
		for (const s of a.services) {
			if (wholeAgencies.has(a.id) || single.has(serviceKey(a.id, s.id))) out.push({ agency: a.id, service: s.id });
		}
	}
	return out;
}
