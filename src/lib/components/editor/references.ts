/** Keeping counters' `serves` and `profile` entries pointing at the right agency or service when an id changes. */
import { splitEntry } from '$lib/model';

interface CounterLike {
	serves?: unknown;
	profile?: unknown;
}

function renameIn(list: unknown, rename: (entry: string) => string): void {
	if (!Array.isArray(list)) return;
	for (let i = 0; i < list.length; i++) if (typeof list[i] === 'string') list[i] = rename(list[i] as string);
}

/** Renames an agency id in every counter's serves and profile (whole-agency and "agency/service" entries). */
export function renameAgencyReferences(counters: readonly CounterLike[], from: string, to: string): void {
	if (from === to || from === '') return;
	const rename = (e: string) => {
		const { agency, service } = splitEntry(e);
		if (agency !== from) return e;
		return service === undefined ? to : `${to}/${service}`;
	};
	for (const c of counters) {
		renameIn(c.serves, rename);
		renameIn(c.profile, rename);
	}
}

/** Renames a service id of an agency in every counter's serves and profile. */
export function renameServiceReferences(counters: readonly CounterLike[], agency: string, from: string, to: string): void {
	if (from === to || from === '') return;
	const old = `${agency}/${from}`;
	const rename = (e: string) => (e === old ? `${agency}/${to}` : e);
	for (const c of counters) {
		renameIn(c.serves, rename);
		renameIn(c.profile, rename);
	}
}

/** Removes every entry naming an agency (or one of its services) from counters' serves and profile. */
export function removeAgencyReferences(counters: CounterLike[], agency: string): void {
	for (const c of counters) {
		for (const field of ['serves', 'profile'] as const) {
			const list = c[field];
			if (!Array.isArray(list)) continue;
			const kept = list.filter((e) => typeof e !== 'string' || splitEntry(e).agency !== agency);
			list.splice(0, list.length, ...kept);
		}
	}
}
