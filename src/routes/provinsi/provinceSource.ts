/**
 * The province page's data: the shipped province file (data/bengkulu-province.json, bundled) and its base scenario
 * (a shipped scenario, found by the file's baseScenario name), validated as the CLI validates them.
 */
import provinceJson from '../../../data/bengkulu-province.json';
import type { ScenarioError } from '$lib/model/errors';
import { parseScenario } from '$lib/model/parse';
import type { Scenario } from '$lib/model/scenario';
import { parseProvince, type Province } from '$lib/planning/provinceData';
import { resultsIdentity, shippedScenario } from '$lib/stores/scenarioStore';

/** The province and its base, or every error (with its JSON path). */
export type ProvinceSource = { ok: true; province: Province; base: Scenario; identities: string[] } | { ok: false; errors: ScenarioError[] };

/** A short, stable text hash (FNV-1a, 32 bits): the province file's identity for the kept plan. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h.toString(16).padStart(8, '0');
}

/** Loads and checks the shipped province file and its base scenario. */
export function loadProvinceSource(): ProvinceSource {
	const baseId = String((provinceJson as { baseScenario?: unknown }).baseScenario ?? '').replace(/^.*\//, '').replace(/\.json$/, '');
	const baseJson = shippedScenario(baseId);
	if (baseJson === undefined) return { ok: false, errors: [{ path: 'baseScenario', message: `no shipped scenario "${baseId}"` }] };
	const base = parseScenario(baseJson);
	if (!base.ok) return { ok: false, errors: base.errors.map((e) => ({ ...e, path: `baseScenario: ${e.path}` })) };
	const p = parseProvince(provinceJson, base.scenario);
	if (!p.ok) return p;
	// A kept plan describes this base scenario and this province file; a change to either computes it afresh.
	return { ok: true, province: p.province, base: base.scenario, identities: [resultsIdentity(baseJson), `province:${hash(JSON.stringify(provinceJson))}`] };
}
