/**
 * What a comparison is made from — scenarios picked by reference, or what-if variants of one base — as plain data
 * (kept with the comparison in IndexedDB), checked when read back, and turned into the scenarios to run.
 */
import type { Scenario } from '$lib/model/scenario';
import { applyWhatIfs, VariantError, type WhatIf } from '$lib/planning/variants';
import { validScenario } from '$lib/components/planning/validScenario';

/** The compare page's inputs. In 'variants' mode each entry of `variants` is one variant: its changes in order. */
export interface CompareInputs {
	mode: 'pick' | 'variants';
	picks: string[];
	baseRef: string;
	variants: WhatIf[][];
	replications: number;
	seed: number;
}

/** A variant that cannot be made: which one (0 = B), and the what-if model's error naming the change. */
export class VariantInputError extends Error {
	constructor(
		readonly variant: number,
		readonly error: VariantError
	) {
		super(error.message);
		this.name = 'VariantInputError';
	}
}

const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isWholeNumber = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/**
 * Kept inputs, if they have the shape this version writes; undefined otherwise (a record from another version
 * is dropped, not guessed at). The what-ifs themselves are checked when the variants are made again.
 */
export function readCompareInputs(x: unknown): CompareInputs | undefined {
	if (typeof x !== 'object' || x === null) return undefined;
	const r = x as Record<string, unknown>;
	if (r.mode !== 'pick' && r.mode !== 'variants') return undefined;
	if (!isStringList(r.picks) || typeof r.baseRef !== 'string') return undefined;
	if (!Array.isArray(r.variants) || !r.variants.every((v) => Array.isArray(v) && v.every((w) => typeof w === 'object' && w !== null && 'kind' in w))) return undefined;
	if (!isWholeNumber(r.replications) || !isWholeNumber(r.seed)) return undefined;
	return { mode: r.mode, picks: [...r.picks], baseRef: r.baseRef, variants: r.variants as WhatIf[][], replications: r.replications, seed: r.seed };
}

/**
 * The scenarios to compare, validated, the baseline first: the picked ones opened, or the base and each variant
 * of it. Throws VariantInputError for a variant that cannot be made, or an Error a person can read.
 */
export async function buildScenarios(inputs: CompareInputs, open: (ref: string) => Promise<Scenario>): Promise<Scenario[]> {
	if (inputs.mode === 'pick') return Promise.all(inputs.picks.map((ref) => open(ref)));
	const base = await open(inputs.baseRef);
	const out: Scenario[] = [base];
	inputs.variants.forEach((changes, k) => {
		let variant: Scenario;
		try {
			variant = applyWhatIfs(base, changes);
		} catch (e) {
			throw e instanceof VariantError ? new VariantInputError(k, e) : e;
		}
		out.push(validScenario(variant, variant.name));
	});
	return out;
}
