/**
 * The size page's inputs and what follows from them, without I/O or Svelte: the targets and run settings, the
 * regency wizard's answers, the growth levels, the worker's settings, the wizard's base-scenario input and the
 * sized scenario as a file. The controller (sizeController.svelte.ts) keeps these as state; tests call them directly.
 */
import type { Scenario } from '../model/scenario';
import { DEFAULT_REGENCY_HOURS, REGENCY_PRESETS, regencyVisitorsPerDay, type RegencyInput } from '../planning/regency';
import { seatsNote, type WaitingRoomSeats } from '../planning/seats';
import { staffingNote, type Staffing } from '../planning/staffing';
import { DEFAULT_COMPANIONS_FACTOR, DEFAULT_MONTHLY_SALARY, DEFAULT_WORK_WEEK_HOURS } from '../planning/staffingDefaults';
import { parseWholeNumber } from '../run/settings';
import type { SizeSettings } from '../workers/sizeProtocol';

/** Where the scenario to size comes from: a shipped or saved scenario, or the regency wizard. */
export type SizeSource = 'existing' | 'wizard';

/** The targets, run settings and staffing assumptions the page asks for (as the fields hold them). */
export interface SizePageInputs {
	source: SizeSource;
	/** The scenario to size when `source` is 'existing' (`shipped:<id>` or a saved key). */
	ref: string;
	waitP90: number | null;
	abandonPercent: number | null;
	useServiceLevel: boolean;
	serviceLevelPercent: number | null;
	replications: number | string | null;
	seed: number | string | null;
	shared: boolean;
	workWeek: number | null;
	salary: number | null;
	/** People per waiting visitor, for the waiting-room seats (an assumption). */
	companions: number | null;
}

/** The regency wizard's answers. */
export interface WizardInputs {
	/** A preset's id, or 'custom'. */
	preset: string;
	regencyName: string;
	demandBy: 'population' | 'visitors';
	population: number | null;
	visitorsPerDay: number | null;
	open: string;
	lastTicket: string;
	close: string;
	fridayBreak: boolean;
	/** Agency ids of Kota Bengkulu's scenario present in the new MPP. */
	agencies: string[];
}

/** The growth curve's visitors-per-day range. */
export interface GrowthInputs {
	from: number | null;
	to: number | null;
	step: number | null;
}

/** The page's defaults: Lebong, the CLI's targets (P90 ≤ 15 min, abandonment ≤ 2%), 20 replications. */
export function defaultPageInputs(): SizePageInputs {
	return {
		source: 'existing',
		ref: 'shipped:lebong',
		waitP90: 15,
		abandonPercent: 2,
		useServiceLevel: false,
		serviceLevelPercent: 80,
		replications: 20,
		seed: 20240611,
		shared: false,
		workWeek: DEFAULT_WORK_WEEK_HOURS,
		salary: DEFAULT_MONTHLY_SALARY,
		companions: DEFAULT_COMPANIONS_FACTOR
	};
}

/** The wizard's defaults: the first preset (Lebong) with the default opening hours. */
export function defaultWizardInputs(): WizardInputs {
	const p = REGENCY_PRESETS[0];
	const h = DEFAULT_REGENCY_HOURS;
	return {
		preset: p.id,
		regencyName: p.name,
		demandBy: 'population',
		population: p.population,
		visitorsPerDay: 121,
		open: h.open,
		lastTicket: h.lastTicket,
		close: h.close,
		fridayBreak: true,
		agencies: [...p.agencies]
	};
}

/** The growth range's defaults: 100 to 700 visitors a day in steps of 100. */
export function defaultGrowthInputs(): GrowthInputs {
	return { from: 100, to: 700, step: 100 };
}

/** The wizard's answers with a preset's name, population and agencies (unchanged for an unknown preset or 'custom'). */
export function withPreset(w: WizardInputs, id: string): WizardInputs {
	const p = REGENCY_PRESETS.find((x) => x.id === id);
	if (!p) return { ...w, preset: id };
	return { ...w, preset: id, regencyName: p.name, population: p.population, demandBy: 'population', agencies: [...p.agencies] };
}

/** Replications (2–1000) and seed as whole numbers, each null while its field does not hold one. */
export function runNumbers(i: Pick<SizePageInputs, 'replications' | 'seed'>): { replications: number | null; seed: number | null } {
	return { replications: parseWholeNumber(i.replications, 2, 1000), seed: parseWholeNumber(i.seed, 0, Number.MAX_SAFE_INTEGER) };
}

/** Whether the targets can be searched for: a positive P90 wait, shares between 0 and 100%. */
export function targetsValid(i: SizePageInputs): boolean {
	const share = (x: number | null) => x !== null && x >= 0 && x <= 100;
	return i.waitP90 !== null && i.waitP90 > 0 && share(i.abandonPercent) && (!i.useServiceLevel || share(i.serviceLevelPercent));
}

/** What the sizing worker is sent: targets as shares, replications and seed (defaults while a field is invalid). */
export function sizeSettings(i: SizePageInputs): SizeSettings {
	const { replications, seed } = runNumbers(i);
	return {
		targets: {
			waitP90Minutes: i.waitP90 ?? 15,
			abandonRate: (i.abandonPercent ?? 2) / 100,
			serviceLevel: i.useServiceLevel && i.serviceLevelPercent !== null ? i.serviceLevelPercent / 100 : null
		},
		seed: seed ?? 1,
		replications: replications ?? 20,
		shared: i.shared
	};
}

/** A scenario id from a regency's name ("Rejang Lebong" → "rejang-lebong"; "kabupaten" when nothing is left). */
export function regencySlug(name: string): string {
	return (
		name
			.trim()
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'kabupaten'
	);
}

/** The regency module's input from the wizard's answers. */
export function regencyInputOf(w: WizardInputs): RegencyInput {
	const id = regencySlug(w.regencyName);
	return {
		id,
		name: w.regencyName.trim() || id,
		...(w.demandBy === 'visitors' ? { visitorsPerDay: w.visitorsPerDay ?? NaN } : { population: w.population ?? undefined }),
		hours: { open: w.open, lastTicket: w.lastTicket, close: w.close, fridayBreak: w.fridayBreak ? (DEFAULT_REGENCY_HOURS.fridayBreak as [string, string]) : null },
		agencies: [...w.agencies]
	};
}

/** The visitors a day the wizard's answers give (NaN while they give none). */
export function wizardVisitors(w: WizardInputs): number {
	try {
		return w.demandBy === 'visitors' ? (w.visitorsPerDay ?? NaN) : regencyVisitorsPerDay({ population: w.population ?? undefined });
	} catch {
		return NaN;
	}
}

/** The sized scenario as a file would hold it ("$schema" dropped: it is relative to where the base lived), with the staff and seats notes. */
export function sizedJson(scenario: Scenario, staff: Staffing | null, seats: WaitingRoomSeats | null = null): Record<string, unknown> {
	const json: Record<string, unknown> = JSON.parse(JSON.stringify(scenario));
	delete json.$schema;
	// The staff and seats figures and their assumptions travel with the sized scenario, as `mpp size --out` writes them.
	if (staff || seats) json.notes = [json.notes, staff && staffingNote(staff), seats && seatsNote(seats)].filter(Boolean).join('\n\n');
	return json;
}

/**
 * Kept inputs over the defaults, field by field: a field is taken only when it has the default's type (or is null
 * where the default may be), so a record written by an older page, or a damaged one, never breaks the form.
 */
export function keptOver<T extends object>(defaults: T, kept: unknown): T {
	if (typeof kept !== 'object' || kept === null) return defaults;
	const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
	for (const [k, d] of Object.entries(defaults)) {
		const v = (kept as Record<string, unknown>)[k];
		if (v === undefined) continue;
		if (Array.isArray(d)) {
			if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = [...v];
		} else if (v === null ? d === null || typeof d === 'number' : typeof v === typeof d) out[k] = v;
	}
	return out as T;
}

/** `kept` for each field the user has not changed since `before` (in `now`), the user's value for the others. */
export function keptWhereUntouched<T extends object>(now: T, before: T, kept: T): T {
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	const out: Record<string, unknown> = { ...(now as Record<string, unknown>) };
	for (const [k, v] of Object.entries(kept)) if (same(out[k], (before as Record<string, unknown>)[k])) out[k] = v;
	return out as T;
}
