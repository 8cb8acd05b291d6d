/**
 * Saved scenarios and their last results in IndexedDB (database "mpp-planner"), plus the shipped scenarios
 * bundled with the app. Browser only: call these from onMount or event handlers, never during prerender.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { migratePlanning, type PlanningRecord, type PlanningSlot } from './planningRecord';
import { migrate, scenarioName, shippedIdOf, shippedRef, type SavedScenario } from './savedScenario';

export * from './planningRecord';
export * from './savedScenario';

export const DB_NAME = 'mpp-planner';
// Version 2 adds the `planning` store (comparisons, sizings, growth curves, the wizard's inputs, the province plan).
const DB_VERSION = 2;

interface StoredResults {
	key: string;
	savedAt: string;
	summary: unknown;
}

interface PlannerDB extends DBSchema {
	scenarios: { key: string; value: SavedScenario };
	results: { key: string; value: StoredResults };
	planning: { key: PlanningSlot; value: PlanningRecord };
}

let dbPromise: Promise<IDBPDatabase<PlannerDB>> | undefined;

function db(): Promise<IDBPDatabase<PlannerDB>> {
	if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available in this browser'));
	dbPromise ??= openDB<PlannerDB>(DB_NAME, DB_VERSION, {
		upgrade(database) {
			if (!database.objectStoreNames.contains('scenarios')) database.createObjectStore('scenarios', { keyPath: 'key' });
			if (!database.objectStoreNames.contains('results')) database.createObjectStore('results', { keyPath: 'key' });
			if (!database.objectStoreNames.contains('planning')) database.createObjectStore('planning', { keyPath: 'slot' });
		},
		// A tab running a newer version wants to upgrade: let go, so it is not blocked (this tab reopens on its next call).
		blocking(_current, _next, event) {
			(event.target as IDBDatabase).close();
			dbPromise = undefined;
		}
	});
	return dbPromise;
}

/** Every saved scenario that can be read, newest first (unreadable records are skipped and logged). */
export async function listSaved(): Promise<SavedScenario[]> {
	const all = await (await db()).getAll('scenarios');
	const out: SavedScenario[] = [];
	for (const r of all) {
		try {
			out.push(migrate(r));
		} catch (e) {
			console.warn(e instanceof Error ? e.message : e);
		}
	}
	return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** One saved scenario, migrated; undefined if there is none under that key. Throws RecordFormatError if unreadable. */
export async function getSaved(key: string): Promise<SavedScenario | undefined> {
	const r = await (await db()).get('scenarios', key);
	return r === undefined ? undefined : migrate(r);
}

/**
 * Writes a saved scenario (replacing any with the same key). The scenario JSON is stored as plain data.
 * With `dropResults`, the results kept for that key are deleted in the same transaction: a changed scenario
 * must not be shown with results of its previous version (see `resultsStillValid`).
 */
export async function putSaved(rec: SavedScenario, opts: { dropResults?: boolean } = {}): Promise<void> {
	const plain: SavedScenario = { ...rec, scenario: JSON.parse(JSON.stringify(rec.scenario)) };
	const d = await db();
	if (!opts.dropResults) {
		await d.put('scenarios', plain);
		return;
	}
	const tx = d.transaction(['scenarios', 'results'], 'readwrite');
	await Promise.all([tx.objectStore('scenarios').put(plain), tx.objectStore('results').delete(rec.key), tx.done]);
}

/** Deletes a saved scenario and its results. */
export async function deleteSaved(key: string): Promise<void> {
	const d = await db();
	const tx = d.transaction(['scenarios', 'results'], 'readwrite');
	await Promise.all([tx.objectStore('scenarios').delete(key), tx.objectStore('results').delete(key), tx.done]);
}

/** Keeps the last results (a structured-cloneable summary) of a scenario; `key` is a saved key or `shipped:<id>`. */
export async function saveResults(key: string, summary: unknown): Promise<void> {
	await (await db()).put('results', { key, savedAt: new Date().toISOString(), summary });
}

/** The last results kept for a scenario, if any. */
export async function getResults(key: string): Promise<unknown | undefined> {
	return (await (await db()).get('results', key))?.summary;
}

/** The keys (saved keys and `shipped:<id>` references) that have results kept, without reading the results. */
export async function resultKeys(): Promise<string[]> {
	return (await db()).getAllKeys('results');
}

/** Keeps a page's last planning result (replacing the slot's previous one). The record must be structured-cloneable. */
export async function savePlanning(rec: PlanningRecord): Promise<void> {
	await (await db()).put('planning', rec);
}

/**
 * The record kept in a slot, migrated; undefined when there is none, or when it cannot be read (it is deleted
 * then: a stale or foreign record must not block the page from keeping a new one).
 */
export async function getPlanning(slot: PlanningSlot): Promise<PlanningRecord | undefined> {
	const d = await db();
	const r = await d.get('planning', slot);
	if (r === undefined) return undefined;
	try {
		return migratePlanning(r);
	} catch (e) {
		console.warn(e instanceof Error ? e.message : e);
		await d.delete('planning', slot);
		return undefined;
	}
}

/** Forgets a slot's record (its scenarios changed, or the user cleared it). */
export async function deletePlanning(slot: PlanningSlot): Promise<void> {
	await (await db()).delete('planning', slot);
}

const SHIPPED_ORDER = ['kota-bengkulu', 'lebong', 'seluma'];
const shippedModules = import.meta.glob<unknown>('/scenarios/*.json', { eager: true, import: 'default' });

/** The scenarios that come with the app: Kota Bengkulu, Lebong, Seluma, then any others by id. */
export function shippedScenarios(): Array<{ id: string; json: unknown }> {
	const list = Object.entries(shippedModules).map(([path, json]) => ({
		id: path.replace(/^.*\//, '').replace(/\.json$/, ''),
		json
	}));
	const rank = (id: string) => {
		const i = SHIPPED_ORDER.indexOf(id);
		return i < 0 ? SHIPPED_ORDER.length : i;
	};
	return list.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/** A scenario a page offers to pick: its reference, its name and whether it is shipped. */
export interface ScenarioChoice {
	ref: string;
	name: string;
	shipped: boolean;
}

/** The scenarios a page can pick from: the shipped ones, then the saved ones (shipped only without IndexedDB). */
export async function scenarioChoices(): Promise<ScenarioChoice[]> {
	const list: ScenarioChoice[] = shippedScenarios().map((s) => ({ ref: shippedRef(s.id), name: scenarioName(s.json) ?? s.id, shipped: true }));
	try {
		for (const r of await listSaved()) list.push({ ref: r.key, name: r.name, shipped: false });
	} catch {
		// No IndexedDB (private mode): the shipped scenarios are still there.
	}
	return list;
}

/** A deep copy of a shipped scenario's JSON, or undefined. */
export function shippedScenario(id: string): unknown | undefined {
	const found = shippedScenarios().find((s) => s.id === id);
	return found ? structuredClone(found.json) : undefined;
}

/**
 * Opens a scenario by reference: a saved key, or `shipped:<id>`. Undefined when there is no such scenario;
 * throws RecordFormatError when a saved record cannot be read. A saved scenario comes with its record.
 */
export async function openScenario(
	ref: string
): Promise<{ key: string; json: unknown; name: string; shipped: boolean; record?: SavedScenario } | undefined> {
	const id = shippedIdOf(ref);
	if (id !== undefined) {
		const json = shippedScenario(id);
		return json === undefined ? undefined : { key: shippedRef(id), json, name: scenarioName(json) ?? id, shipped: true };
	}
	const rec = await getSaved(ref);
	return rec ? { key: rec.key, json: rec.scenario, name: rec.name, shipped: false, record: rec } : undefined;
}

