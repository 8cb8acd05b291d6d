/**
 * What the size page keeps in IndexedDB (issue 24, item 5), in three planning slots: 'size' (the targets, run
 * settings and staffing assumptions, and the last finished sizing), 'growth' (the range and the last curve) and
 * 'wizard' (the wizard's answers). A result names the scenario it sized by its results identity, so it comes back
 * only while that scenario is unchanged; the inputs are the user's own and always come back.
 */
import type { GrowthPoint } from '../planning/growth';
import type { SizingResult } from '../planning/size';
import { planningRecord, stillDescribes, type PlanningRecord, type PlanningSlot } from '../stores/planningRecord';
import { defaultGrowthInputs, defaultPageInputs, defaultWizardInputs, keptOver, type GrowthInputs, type SizePageInputs, type WizardInputs } from './sizeInputs';

/** What was sized: a shipped or saved scenario by reference, or the wizard's answers. */
export type SizedBasis = { source: 'existing'; ref: string } | { source: 'wizard'; wizard: WizardInputs };

/** A finished sizing as kept: the result, the sized scenario's name, and what it was sized from. */
export interface KeptSizing {
	sizing: SizingResult;
	sizedFrom: string;
	basis: SizedBasis;
	/** The results identity of the base scenario sized. */
	identity: string;
}

/** A growth curve as kept (a cancelled curve keeps the levels it finished). */
export interface KeptGrowth {
	points: GrowthPoint[];
	levels: number[];
	basis: SizedBasis;
	identity: string;
}

/** The planning store's three calls the page uses (scenarioStore's in the browser). */
export interface PlanningStore {
	getPlanning(slot: PlanningSlot): Promise<PlanningRecord | undefined>;
	savePlanning(rec: PlanningRecord): Promise<void>;
}

/** What the page had, restored: the inputs over the defaults, and the results that still describe their scenarios. */
export interface Remembered {
	inputs: SizePageInputs;
	wizard: WizardInputs;
	growthInputs: GrowthInputs;
	sizing: KeptSizing | null;
	growth: KeptGrowth | null;
	/** Slots whose result was dropped because the scenario it describes changed (or is gone). */
	dropped: Array<'size' | 'growth'>;
}

/** The 'size' slot's record: the page's inputs and, when there is one, the last finished sizing. */
export function sizeRecord(inputs: SizePageInputs, kept: KeptSizing | null): PlanningRecord {
	return kept ? planningRecord('size', [kept.identity], inputs, { sizing: kept.sizing, sizedFrom: kept.sizedFrom, basis: kept.basis }) : planningRecord('size', [], inputs);
}

/** The 'growth' slot's record: the range and, when there is one, the last curve. */
export function growthRecord(inputs: GrowthInputs, kept: KeptGrowth | null): PlanningRecord {
	return kept ? planningRecord('growth', [kept.identity], inputs, { points: kept.points, levels: kept.levels, basis: kept.basis }) : planningRecord('growth', [], inputs);
}

/** The 'wizard' slot's record: the answers, named by the identity of the base scenario they make (none while they make none). */
export function wizardRecord(wizard: WizardInputs, identity: string | null): PlanningRecord {
	return planningRecord('wizard', identity === null ? [] : [identity], wizard);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** A kept basis, checked (null when the record is not one). */
export function basisOf(x: unknown): SizedBasis | null {
	if (!isObject(x)) return null;
	if (x.source === 'existing' && typeof x.ref === 'string') return { source: 'existing', ref: x.ref };
	if (x.source === 'wizard' && isObject(x.wizard)) return { source: 'wizard', wizard: keptOver(defaultWizardInputs(), x.wizard) };
	return null;
}

/** Whether a kept sizing has the parts the result card reads (one written by an older shape is not shown). */
function isSizing(x: unknown): boolean {
	return isObject(x) && typeof x.totalCounters === 'number' && isObject(x.achieved) && Array.isArray(x.path) && isObject(x.scenario) && isObject(x.summary);
}

/** The kept sizing of a 'size' record, if it has a well-formed one. */
export function keptSizingOf(rec: PlanningRecord | undefined): KeptSizing | null {
	const r = rec?.result;
	if (!rec || !isObject(r) || rec.identities.length !== 1 || !isSizing(r.sizing)) return null;
	const basis = basisOf(r.basis);
	return basis ? { sizing: r.sizing as unknown as SizingResult, sizedFrom: typeof r.sizedFrom === 'string' ? r.sizedFrom : '', basis, identity: rec.identities[0] } : null;
}

/** The kept curve of a 'growth' record, if it has a well-formed one. */
export function keptGrowthOf(rec: PlanningRecord | undefined): KeptGrowth | null {
	const r = rec?.result;
	if (!rec || !isObject(r) || rec.identities.length !== 1 || !Array.isArray(r.points) || !Array.isArray(r.levels)) return null;
	const basis = basisOf(r.basis);
	return basis ? { points: r.points as GrowthPoint[], levels: r.levels as number[], basis, identity: rec.identities[0] } : null;
}

/** The page's inputs as kept, with the two choices checked (an unknown source or demand falls back to the default). */
function inputsOf(size: PlanningRecord | undefined, wizard: PlanningRecord | undefined, growth: PlanningRecord | undefined) {
	const inputs = keptOver(defaultPageInputs(), size?.inputs);
	if (inputs.source !== 'existing' && inputs.source !== 'wizard') inputs.source = 'existing';
	const w = keptOver(defaultWizardInputs(), wizard?.inputs);
	if (w.demandBy !== 'population' && w.demandBy !== 'visitors') w.demandBy = 'population';
	return { inputs, wizard: w, growthInputs: keptOver(defaultGrowthInputs(), growth?.inputs) };
}

/**
 * Reads the three slots. A result comes back only when `identityOf` its basis (the scenario as it is now, or null
 * when it is gone or cannot be built) is the identity it was computed for; otherwise it is listed in `dropped`.
 */
export async function remember(store: PlanningStore, identityOf: (basis: SizedBasis) => Promise<string | null>): Promise<Remembered> {
	const [size, growth, wizard] = await Promise.all((['size', 'growth', 'wizard'] as const).map((s) => store.getPlanning(s)));
	const out: Remembered = { ...inputsOf(size, wizard, growth), sizing: null, growth: null, dropped: [] };
	const sizing = keptSizingOf(size);
	if (sizing) {
		const now = await identityOf(sizing.basis);
		if (now !== null && stillDescribes({ identities: [sizing.identity] }, [now])) out.sizing = sizing;
		else out.dropped.push('size');
	}
	const curve = keptGrowthOf(growth);
	if (curve) {
		const now = await identityOf(curve.basis);
		if (now !== null && stillDescribes({ identities: [curve.identity] }, [now])) out.growth = curve;
		else out.dropped.push('growth');
	}
	return out;
}

/**
 * Writes records one after another (a later record of a slot never lands before an earlier one), some at once and
 * some after `delayMs` of quiet (typing). Failures (no IndexedDB, a full disk) leave the page working, unkept.
 */
export class KeepQueue {
	private chain: Promise<void> = Promise.resolve();
	private pending = new Map<PlanningSlot, () => PlanningRecord>();
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly store: PlanningStore,
		private readonly delayMs = 250
	) {}

	/** Writes a slot's record now (after any earlier writes), replacing a pending one of the slot. */
	now(slot: PlanningSlot, make: () => PlanningRecord): Promise<void> {
		this.pending.delete(slot);
		const rec = make();
		this.chain = this.chain.then(() => this.store.savePlanning(rec)).catch(() => undefined);
		return this.chain;
	}

	/** Writes a slot's record once nothing changed for `delayMs` (the record is made then, from the state then). */
	later(slot: PlanningSlot, make: () => PlanningRecord): void {
		this.pending.set(slot, make);
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.flush(), this.delayMs);
	}

	/** Writes every pending record now; resolves when every write so far is done. */
	flush(): Promise<void> {
		clearTimeout(this.timer);
		for (const [slot, make] of [...this.pending]) void this.now(slot, make);
		return this.chain;
	}
}
