/**
 * The province file (data/bengkulu-province.json): regions with their populations and MPP status, demand per
 * resident as a low / central / high range, and agency templates per tier. Validated with zod, then cross-checked
 * against the base scenario; every problem names its JSON path, never a stack trace.
 */
import { z } from 'zod';
import { formatPath, type ScenarioError } from '../model/errors';
import { issuesToErrors } from '../model/issues';
import { parseJsonText } from '../model/jsonText';
import type { Scenario } from '../model/scenario';

/**
 * A text a reader sees (the governor's report, the page): Bahasa Indonesia and English, both required, nothing else.
 * The page and report show the reader's language; the CLI, which speaks English, shows `en`.
 */
const Text = z.strictObject({ id: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof Text>;

/**
 * Where a developer found a figure (a file of the project's sources, an issue): kept beside the reader's citation so
 * the next person can check it, and never printed in the report.
 */
const Provenance = z.string().min(1).optional();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** One sourced figure: its value, where a reader finds it (publisher, title or topic) and its date. */
const Figure = z.strictObject({
	value: z.number().positive(),
	source: Text,
	date: isoDate,
	derived: z.boolean().optional(),
	note: Text.optional(),
	provenance: Provenance
});

const Assumed = z.strictObject({ value: z.number().positive(), assumption: z.literal(true), note: Text });

/** MPP status as reported: open, soft-launched, partly in use, under construction, planned. */
export const MPP_STATUSES = ['open', 'soft-launch', 'partial', 'construction', 'planned'] as const;
export type MppStatus = (typeof MPP_STATUSES)[number];

/** The demand levels, lowest first. */
export const DEMAND_LEVELS = ['low', 'central', 'high'] as const;
export type DemandLevel = (typeof DEMAND_LEVELS)[number];

/** The levels in Bahasa Indonesia, for texts the plan writes into sized scenarios (their names and notes). */
export const LEVEL_WORDS_ID: Readonly<Record<DemandLevel, string>> = { low: 'rendah', central: 'tengah', high: 'tinggi' };

const Tier = z.strictObject({
	assumption: z.literal(true),
	/** The tier as a reader names it ("MPP kabupaten" / "Regency MPP"). */
	label: Text,
	demandFactor: z.number().positive().max(10),
	why: Text,
	provenance: Provenance,
	/** Agency id of the base scenario → its demand factor in this tier (1: as in Kota Bengkulu). */
	agencies: z.record(z.string(), z.number().positive().max(10))
});

const Region = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'expected lower-case letters, digits and "-" (at most 40)'),
	name: z.string().min(1).max(60),
	kind: z.enum(['kabupaten', 'kota']),
	tier: z.string().min(1),
	population: z.strictObject({ census2020: Figure, estimate: Figure.optional() }),
	mpp: z.strictObject({
		status: z.enum(MPP_STATUSES),
		// A month alone when the day was not reported ("operating by March 2025").
		date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date YYYY-MM-DD, or YYYY-MM when the day is not known').nullable(),
		source: Text,
		provenance: Provenance
	})
});

const Level = z.strictObject({ value: z.number().positive().max(100), basis: Text });

export const ProvinceSchema = z.strictObject({
	format: z.literal('mpp-province'),
	version: z.literal(1),
	id: z.string().min(1),
	name: z.string().min(1),
	updated: z.string().optional(),
	notes: z.array(Text),
	baseScenario: z.string().min(1),
	populationBasis: z.enum(['census2020', 'estimate']),
	provincePopulation2020: Figure.optional(),
	workingDaysPerYear: Assumed,
	demand: z.strictObject({
		unit: z.literal('visits per resident per year'),
		levels: z.strictObject({ low: Level, central: Level, high: Level }),
		derivation: z.array(Text).min(1),
		provenance: z.array(z.string().min(1)).optional()
	}),
	tiers: z.record(z.string(), Tier),
	regions: z.array(Region).min(1).max(100)
});

/** A valid province file. */
export type Province = z.infer<typeof ProvinceSchema>;
export type ProvinceRegion = Province['regions'][number];
export type ProvinceTier = Province['tiers'][string];

/** A valid province, or every error with its JSON path. */
export type ProvinceParse = { ok: true; province: Province } | { ok: false; errors: ScenarioError[] };

/** Validates a decoded province file; with `base`, also that every tier's agencies exist in the base scenario. */
export function parseProvince(input: unknown, base?: Scenario): ProvinceParse {
	const shape = ProvinceSchema.safeParse(input);
	if (!shape.success) return { ok: false, errors: issuesToErrors(shape.error.issues, input) };
	const errors = crossCheckProvince(shape.data, base);
	return errors.length ? { ok: false, errors } : { ok: true, province: shape.data };
}

/** Parses province JSON text; syntax errors name the line and column. */
export function parseProvinceText(text: string, base?: Scenario): ProvinceParse {
	const json = parseJsonText(text);
	return json.ok ? parseProvince(json.value, base) : { ok: false, errors: [{ path: '', message: json.message }] };
}

function crossCheckProvince(p: Province, base?: Scenario): ScenarioError[] {
	const errors: ScenarioError[] = [];
	const at = (segments: Array<string | number>, message: string) => errors.push({ path: formatPath(segments), message });
	const seen = new Map<string, number>();
	p.regions.forEach((r, i) => {
		const first = seen.get(r.id);
		if (first !== undefined) at(['regions', i, 'id'], `duplicate region id "${r.id}" (also regions[${first}])`);
		else seen.set(r.id, i);
		if (!Object.hasOwn(p.tiers, r.tier)) at(['regions', i, 'tier'], `no tier "${r.tier}" in tiers (have ${Object.keys(p.tiers).map((t) => `"${t}"`).join(', ')})`);
	});
	const { low, central, high } = p.demand.levels;
	if (!(low.value <= central.value && central.value <= high.value)) at(['demand', 'levels'], `expected low ≤ central ≤ high, got ${low.value}, ${central.value}, ${high.value}`);
	for (const [name, tier] of Object.entries(p.tiers)) {
		const ids = Object.keys(tier.agencies);
		if (ids.length === 0) at(['tiers', name, 'agencies'], 'a tier needs at least one agency');
		if (!base) continue;
		for (const id of ids) {
			if (!base.agencies.some((a) => a.id === id)) at(['tiers', name, 'agencies', id], `no agency "${id}" in the base scenario "${base.id}"`);
		}
	}
	return errors;
}

/** The population figure a plan uses for a region: the later estimate when the file says so and has one. */
export function planPopulationFigure(p: Province, r: ProvinceRegion): ProvinceRegion['population']['census2020'] {
	return p.populationBasis === 'estimate' && r.population.estimate ? r.population.estimate : r.population.census2020;
}

/** The population a plan uses for a region (see planPopulationFigure). */
export function planPopulation(p: Province, r: ProvinceRegion): number {
	return planPopulationFigure(p, r).value;
}
