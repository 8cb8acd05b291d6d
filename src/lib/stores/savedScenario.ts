/** The record a saved scenario is kept as, and migration of records written by older formats. Pure: no I/O. */

/** The record format this code writes. Bump it (and teach `migrate`) when the record shape changes. */
export const RECORD_FORMAT_VERSION = 1 as const;

/** Where a saved scenario came from. */
export type ScenarioOrigin = 'shipped' | 'imported' | 'new' | 'duplicate';

/** A scenario kept in the browser (IndexedDB): the input JSON as it would be written to a file. */
export interface SavedScenario {
	/** Generated id; the IndexedDB key. */
	key: string;
	formatVersion: typeof RECORD_FORMAT_VERSION;
	name: string;
	/** The scenario file's JSON (defaults left as written). */
	scenario: unknown;
	/** ISO time of the last save. */
	savedAt: string;
	origin: ScenarioOrigin;
	/** The shipped scenario this one was copied from, if any (also through a copy of a copy). */
	shippedId?: string;
	/**
	 * The scenario this one is a direct copy of — a saved key or `shipped:<id>` — when it was duplicated. Records
	 * written before it existed lack it: `originalRef` falls back to the shipped ancestor.
	 */
	copiedFrom?: string;
}

const ORIGINS: readonly ScenarioOrigin[] = ['shipped', 'imported', 'new', 'duplicate'];

/** Thrown for a record that cannot be read (an unknown format version or a broken shape). */
export class RecordFormatError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RecordFormatError';
	}
}

/**
 * Brings a stored record up to the current format. Version 1 is current and only checked; a record from an
 * unknown (newer) version is rejected with a message saying so, never guessed at.
 */
export function migrate(record: unknown): SavedScenario {
	if (typeof record !== 'object' || record === null) throw new RecordFormatError('saved scenario record is not an object');
	const r = record as Record<string, unknown>;
	const version = r.formatVersion;
	if (version !== RECORD_FORMAT_VERSION) {
		const shown = version === undefined ? 'missing' : JSON.stringify(version);
		throw new RecordFormatError(
			`saved scenario "${String(r.key ?? '?')}" has format version ${shown}; this version of MPP Planner reads version ${RECORD_FORMAT_VERSION} only (was it saved by a newer version?)`
		);
	}
	if (typeof r.key !== 'string' || r.key === '') throw new RecordFormatError('saved scenario record has no key');
	if (typeof r.scenario !== 'object' || r.scenario === null) throw new RecordFormatError(`saved scenario "${r.key}" has no scenario`);
	const origin = ORIGINS.includes(r.origin as ScenarioOrigin) ? (r.origin as ScenarioOrigin) : 'imported';
	const name = typeof r.name === 'string' && r.name !== '' ? r.name : scenarioName(r.scenario) ?? r.key;
	const out: SavedScenario = {
		key: r.key,
		formatVersion: RECORD_FORMAT_VERSION,
		name,
		scenario: r.scenario,
		savedAt: typeof r.savedAt === 'string' ? r.savedAt : new Date(0).toISOString(),
		origin
	};
	if (typeof r.shippedId === 'string') out.shippedId = r.shippedId;
	if (typeof r.copiedFrom === 'string' && r.copiedFrom !== '') out.copiedFrom = r.copiedFrom;
	return out;
}

/** The `name` of a scenario JSON, if it has one. */
export function scenarioName(json: unknown): string | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const n = (json as Record<string, unknown>).name;
	return typeof n === 'string' && n !== '' ? n : undefined;
}

/** The `id` of a scenario JSON, if it has one. */
export function scenarioId(json: unknown): string | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const n = (json as Record<string, unknown>).id;
	return typeof n === 'string' && n !== '' ? n : undefined;
}

/** A new record key: time-ordered and random enough for one browser (crypto.randomUUID needs a secure context). */
export function newKey(now = Date.now(), random: () => number = Math.random): string {
	const r = Math.floor(random() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
	return `s-${now.toString(36).padStart(9, '0')}-${r}`;
}

/** A record for a scenario being saved now for the first time, under a new key (`copiedFrom`: the ref it copies). */
export function newRecord(name: string, scenario: unknown, origin: ScenarioOrigin, shippedId?: string, copiedFrom?: string): SavedScenario {
	const rec: SavedScenario = { key: newKey(), formatVersion: RECORD_FORMAT_VERSION, name, scenario, savedAt: new Date().toISOString(), origin };
	if (shippedId) rec.shippedId = shippedId;
	if (copiedFrom) rec.copiedFrom = copiedFrom;
	return rec;
}

/**
 * The reference of the scenario a saved one is a copy of, for "compare with the original": the scenario it was
 * duplicated from, else the shipped one it was copied from (an edited shipped scenario, an older record); none
 * for a scenario imported or made new.
 */
export function originalRef(rec: Pick<SavedScenario, 'copiedFrom' | 'shippedId'>): string | undefined {
	return rec.copiedFrom ?? (rec.shippedId ? shippedRef(rec.shippedId) : undefined);
}

/** The reference of a shipped scenario, as used in `?ref=`. */
export function shippedRef(id: string): string {
	return `shipped:${id}`;
}

/** The shipped id of a `shipped:<id>` reference, or undefined for a saved key. */
export function shippedIdOf(ref: string): string | undefined {
	return ref.startsWith('shipped:') ? ref.slice('shipped:'.length) : undefined;
}

/** Headline numbers of a scenario JSON for a card; missing parts count as zero / undefined. */
export interface ScenarioFacts {
	agencies: number;
	services: number;
	counters: number;
	visitorsPerDay?: number;
	ratePerHour?: number;
	days?: number;
}

export function scenarioFacts(json: unknown): ScenarioFacts {
	const s = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
	const agencies = Array.isArray(s.agencies) ? (s.agencies as unknown[]) : [];
	const services = agencies.reduce<number>((n, a) => {
		const list = typeof a === 'object' && a !== null ? (a as Record<string, unknown>).services : undefined;
		return n + (Array.isArray(list) ? list.length : 0);
	}, 0);
	const counters = Array.isArray(s.counters) ? s.counters.length : 0;
	const demand = (typeof s.demand === 'object' && s.demand !== null ? s.demand : {}) as Record<string, unknown>;
	const cal = (typeof s.calendar === 'object' && s.calendar !== null ? s.calendar : {}) as Record<string, unknown>;
	const out: ScenarioFacts = { agencies: agencies.length, services, counters };
	if (typeof demand.visitorsPerDay === 'number') out.visitorsPerDay = demand.visitorsPerDay;
	if (typeof demand.ratePerHour === 'number') out.ratePerHour = demand.ratePerHour;
	if (Array.isArray(cal.days)) out.days = cal.days.length;
	return out;
}

/** A file name for exporting a scenario: its id, or a safe form of its name. */
export function exportFileName(json: unknown): string {
	const id = scenarioId(json);
	const base = id ?? (scenarioName(json) ?? 'skenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return `${base || 'skenario'}.json`;
}

/** Scenario JSON as a file would hold it: two-space indentation and a final new line. */
export function scenarioFileText(json: unknown): string {
	return JSON.stringify(json, null, 2) + '\n';
}

/**
 * Top-level parts of a scenario that do not change what a run of it gives: its name, notes and schema link,
 * and the run settings a run may override anyway (saved results record the replications and seed they used).
 */
const RESULT_NEUTRAL_KEYS: ReadonlySet<string> = new Set(['name', 'notes', '$schema']);
const RESULT_NEUTRAL_RUN_KEYS: ReadonlySet<string> = new Set(['replications', 'seed']);

/** JSON text with object keys sorted at every level, so that key order does not count as a change. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
		return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
	});
}

/** What of a scenario JSON its results depend on (result-neutral parts dropped). */
function resultRelevant(json: unknown): unknown {
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(json)) {
		if (RESULT_NEUTRAL_KEYS.has(k)) continue;
		if (k === 'run' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
			out[k] = Object.fromEntries(Object.entries(v).filter(([rk]) => !RESULT_NEUTRAL_RUN_KEYS.has(rk)));
		} else out[k] = v;
	}
	return out;
}

/**
 * Whether results computed for scenario JSON `before` still describe `after`: true when the two differ only in
 * name, notes, `$schema` or the default replications and seed. Anything else (a counter, a shift, demand,
 * policy, warm-up…) makes the saved results stale, so saving such a change must drop them.
 */
export function resultsStillValid(before: unknown, after: unknown): boolean {
	return resultsIdentity(before) === resultsIdentity(after);
}

/** What results are valid for, as text: two scenario JSONs with the same identity share their results (see `resultsStillValid`). */
export function resultsIdentity(json: unknown): string {
	return canonicalJson(resultRelevant(json));
}
