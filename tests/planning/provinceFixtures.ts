/** The shipped province file and its base scenario, for the province plan's tests. */
import { readFileSync } from 'node:fs';
import { parseProvince, type Province } from '../../src/lib/planning/provinceData';
import { mustParse } from '../fixtures/scenarios';

const root = new URL('../..', import.meta.url).pathname;

/** MPP Kota Bengkulu, the base of every region's scenario. */
export const base = mustParse(JSON.parse(readFileSync(`${root}scenarios/kota-bengkulu.json`, 'utf8')));

/** data/bengkulu-province.json as JSON (not yet validated). */
export function provinceJson(): Record<string, unknown> {
	return JSON.parse(readFileSync(`${root}data/bengkulu-province.json`, 'utf8'));
}

/** The shipped province, validated against the base. */
export function shippedProvince(): Province {
	const p = parseProvince(provinceJson(), base);
	if (!p.ok) throw new Error(p.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
	return p.province;
}
