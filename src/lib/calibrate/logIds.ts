/**
 * A log names agencies and services in its own words ("Dinas Kependudukan", "KTP-el"); a scenario by ids. These
 * turn a log's key into a scenario id, and find a log's service in any scenario (by id or by name, ignoring case,
 * spaces and punctuation), so a log replays through a layout it was not calibrated into.
 */
import type { Scenario } from '../model/scenario';

/** The form a key is compared in: lower case, letters and digits only. */
export function looseKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/** A scenario id for a log key: letters, digits, "-"; `taken` ids are avoided by a numeric suffix. */
export function slugId(text: string, taken: ReadonlySet<string> = new Set()): string {
	const base =
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 48)
			.replace(/-+$/, '') || 'x';
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Where a log's (agency, service) is in a scenario: agency and service ids, and the service's index in scenario order. */
export interface ServiceMatch {
	agency: string;
	service: string;
	index: number;
}

/**
 * Finds services of a scenario by a log's keys. A service matches by id or name (loosely); when the log's agency
 * key matches an agency (id, name or ticket prefix) the service is looked for there first, else in every agency,
 * where it must be unambiguous.
 */
export class ServiceMatcher {
	private readonly byAgency = new Map<string, Map<string, ServiceMatch>>();
	private readonly anywhere = new Map<string, ServiceMatch | null>();
	private readonly agencyKeys = new Map<string, string>();
	private readonly memo = new Map<string, ServiceMatch | null>();

	constructor(scenario: Scenario) {
		let index = 0;
		for (const a of scenario.agencies) {
			for (const k of [a.id, a.name, a.ticketPrefix]) this.agencyKeys.set(looseKey(k), a.id);
			const own = new Map<string, ServiceMatch>();
			this.byAgency.set(a.id, own);
			for (const s of a.services) {
				const m: ServiceMatch = { agency: a.id, service: s.id, index: index++ };
				for (const k of [s.id, s.name, `${a.id}/${s.id}`]) {
					const key = looseKey(k);
					if (!own.has(key)) own.set(key, m);
					const seen = this.anywhere.get(key);
					this.anywhere.set(key, seen === undefined || seen === m ? m : null);
				}
			}
		}
	}

	/** The scenario's service for a log's agency and service keys, or null if none (or more than one) fits. */
	find(agencyKey: string, serviceKey: string): ServiceMatch | null {
		const memoKey = `${agencyKey}\u0000${serviceKey}`;
		const known = this.memo.get(memoKey);
		if (known !== undefined) return known;
		const s = looseKey(serviceKey);
		const agency = this.agencyKeys.get(looseKey(agencyKey));
		const found = (agency !== undefined ? this.byAgency.get(agency)?.get(s) : undefined) ?? this.anywhere.get(s) ?? null;
		this.memo.set(memoKey, found);
		return found;
	}
}
