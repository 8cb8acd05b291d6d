/**
 * The record a planning result (a comparison, a sizing, a growth curve, the wizard's inputs, a province plan) is
 * kept as in IndexedDB, beside run results. Pure: no I/O. A record names the scenarios it describes by their
 * results identity (`resultsIdentity`), so a page restores it only while those scenarios are unchanged.
 */
import { RecordFormatError } from './savedScenario';

/** The planning-record format this code writes. Bump it (and teach `migratePlanning`) when the shape changes. */
export const PLANNING_FORMAT_VERSION = 1 as const;

/** What a page keeps: one record per slot (the last comparison, the last sizing, …). */
export type PlanningSlot = 'compare' | 'size' | 'growth' | 'wizard' | 'province';

export const PLANNING_SLOTS: readonly PlanningSlot[] = ['compare', 'size', 'growth', 'wizard', 'province'];

/** A kept planning result: the page's inputs and its result, with what they were computed from. */
export interface PlanningRecord<I = unknown, R = unknown> {
	slot: PlanningSlot;
	formatVersion: typeof PLANNING_FORMAT_VERSION;
	/** ISO time of the save. */
	savedAt: string;
	/** The results identity of each scenario the result describes, in the page's order (none for inputs alone). */
	identities: string[];
	/** The page's inputs (scenario references, targets, settings): structured-cloneable. */
	inputs: I;
	/** The result, structured-cloneable; undefined for a slot that keeps inputs only. */
	result?: R;
}

/** A new record for a slot, stamped now. */
export function planningRecord<I, R>(slot: PlanningSlot, identities: string[], inputs: I, result?: R): PlanningRecord<I, R> {
	const rec: PlanningRecord<I, R> = { slot, formatVersion: PLANNING_FORMAT_VERSION, savedAt: new Date().toISOString(), identities: [...identities], inputs };
	if (result !== undefined) rec.result = result;
	return rec;
}

/**
 * Brings a stored planning record up to the current format. Version 1 is current and only checked; a record of an
 * unknown (newer) version is refused with a message saying so, never guessed at.
 */
export function migratePlanning(record: unknown): PlanningRecord {
	if (typeof record !== 'object' || record === null) throw new RecordFormatError('planning record is not an object');
	const r = record as Record<string, unknown>;
	if (!PLANNING_SLOTS.includes(r.slot as PlanningSlot)) throw new RecordFormatError(`planning record has an unknown slot ${JSON.stringify(r.slot)}`);
	if (r.formatVersion !== PLANNING_FORMAT_VERSION) {
		const shown = r.formatVersion === undefined ? 'missing' : JSON.stringify(r.formatVersion);
		throw new RecordFormatError(
			`planning record "${String(r.slot)}" has format version ${shown}; this version of MPP Planner reads version ${PLANNING_FORMAT_VERSION} only (was it saved by a newer version?)`
		);
	}
	if (!Array.isArray(r.identities) || !r.identities.every((x) => typeof x === 'string')) {
		throw new RecordFormatError(`planning record "${String(r.slot)}" has no list of scenario identities`);
	}
	const out: PlanningRecord = {
		slot: r.slot as PlanningSlot,
		formatVersion: PLANNING_FORMAT_VERSION,
		savedAt: typeof r.savedAt === 'string' ? r.savedAt : new Date(0).toISOString(),
		identities: [...(r.identities as string[])],
		inputs: r.inputs
	};
	if (r.result !== undefined) out.result = r.result;
	return out;
}

/** Whether a kept record still describes the scenarios as they are now (same identities, same order). */
export function stillDescribes(record: Pick<PlanningRecord, 'identities'>, identities: readonly string[]): boolean {
	return record.identities.length === identities.length && record.identities.every((id, i) => id === identities[i]);
}
