/** The compare page's kept comparison and its what-if rows: restored only while its scenarios are unchanged. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/lib/model/scenario';
import { compareInProcess } from '../../src/lib/planning/compare';
import { applyWhatIfs, VariantError, type WhatIf } from '../../src/lib/planning/variants';
import type { PlanningRecord } from '../../src/lib/stores/planningRecord';
import { comparePairFrom, compareWithOriginalHref } from '../../src/lib/components/scenarios/compareLink';
import { buildScenarios, readCompareInputs, VariantInputError, type CompareInputs } from '../../src/routes/compare/compareInputs';
import { rememberComparison, restoreComparison, type PlanningStore } from '../../src/routes/compare/compareMemory';
import { fitRows, fromWhatIf, KINDS, newRow, toWhatIf } from '../../src/routes/compare/whatIfRows';
import { mustParse, smallScenario } from '../fixtures/scenarios';

/** A planning store in memory, counting deletions. */
function memoryStore(): PlanningStore & { rec?: PlanningRecord; deleted: number } {
	const store = {
		rec: undefined as PlanningRecord | undefined,
		deleted: 0,
		getPlanning: async () => (store.rec === undefined ? undefined : structuredClone(store.rec)),
		savePlanning: async (r: PlanningRecord) => void (store.rec = structuredClone(r)),
		deletePlanning: async () => {
			store.rec = undefined;
			store.deleted++;
		}
	};
	return store;
}

const small = mustParse(smallScenario());
const move: WhatIf = { kind: 'move', from: 'bapenda', to: 'dukcapil', count: 1, shifts: 'take' };
const variantInputs: CompareInputs = { mode: 'variants', picks: [], baseRef: 'saved-1', variants: [[move, { kind: 'demand', factor: 1.1 }]], replications: 2, seed: 3 };

/** Scenarios by ref, changeable between calls (as a saved scenario is edited). */
function library(): { scenarios: Map<string, Scenario>; open: (ref: string) => Promise<Scenario> } {
	const scenarios = new Map<string, Scenario>([['saved-1', small]]);
	return {
		scenarios,
		open: async (ref) => {
			const s = scenarios.get(ref);
			if (!s) throw new Error(`Scenario ${ref} was not found.`);
			return s;
		}
	};
}

describe('the kept comparison', () => {
	it('comes back with its inputs while its scenarios are unchanged', async () => {
		const store = memoryStore();
		const lib = library();
		const list = await buildScenarios(variantInputs, lib.open);
		const comparison = compareInProcess(list, 3, 2);
		await rememberComparison(store, variantInputs, list, comparison);
		expect(store.rec?.slot).toBe('compare');
		const found = await restoreComparison(store, (i) => buildScenarios(i, lib.open));
		expect(found.kind).toBe('restored');
		if (found.kind !== 'restored') return;
		expect(found.inputs).toEqual(variantInputs);
		expect(found.comparison).toEqual(comparison);
		expect(found.scenarios.map((s) => s.id)).toEqual(list.map((s) => s.id));
	});

	it('is dropped when a compared scenario changes, is gone, or the record is not of this shape', async () => {
		const lib = library();
		const list = await buildScenarios(variantInputs, lib.open);
		const comparison = compareInProcess(list, 3, 2);
		const changes: Array<() => void> = [
			() => lib.scenarios.set('saved-1', { ...small, counters: small.counters.slice(0, 2) }),
			() => lib.scenarios.delete('saved-1'),
			// A rename alone does not change what a run gives: the comparison stays.
			() => lib.scenarios.set('saved-1', { ...small, name: 'Baru' })
		];
		for (const [k, change] of changes.entries()) {
			const store = memoryStore();
			await rememberComparison(store, variantInputs, list, comparison);
			lib.scenarios.set('saved-1', small);
			change();
			const found = await restoreComparison(store, (i) => buildScenarios(i, lib.open));
			expect(found.kind, `change ${k}`).toBe(k === 2 ? 'restored' : 'dropped');
			expect(store.deleted).toBe(k === 2 ? 0 : 1);
		}
		const store = memoryStore();
		await rememberComparison(store, variantInputs, list, comparison);
		store.rec = { ...store.rec!, inputs: { mode: 'other' } };
		expect((await restoreComparison(store, (i) => buildScenarios(i, library().open))).kind).toBe('dropped');
		expect((await restoreComparison(memoryStore(), (i) => buildScenarios(i, library().open))).kind).toBe('none');
	});

	it('is left alone when the page was opened for other inputs', async () => {
		const store = memoryStore();
		const lib = library();
		const list = await buildScenarios(variantInputs, lib.open);
		await rememberComparison(store, variantInputs, list, compareInProcess(list, 3, 2));
		expect((await restoreComparison(store, (i) => buildScenarios(i, lib.open), (i) => i.mode === 'pick')).kind).toBe('none');
		expect(store.rec).toBeDefined();
	});

	it('reads back only inputs of the shape this version writes', () => {
		expect(readCompareInputs(structuredClone(variantInputs))).toEqual(variantInputs);
		for (const bad of [null, 'x', { ...variantInputs, mode: 'x' }, { ...variantInputs, seed: -1 }, { ...variantInputs, variants: [[1]] }, { ...variantInputs, picks: [1] }]) {
			expect(readCompareInputs(bad)).toBeUndefined();
		}
	});
});

describe('making the scenarios to compare', () => {
	it('makes each variant as the shared variant model does, baseline first', async () => {
		const list = await buildScenarios(variantInputs, library().open);
		expect(list[0]).toBe(small);
		expect(list[1]).toEqual(applyWhatIfs(small, variantInputs.variants[0]));
	});

	it('names the variant and the change that fails', async () => {
		const inputs: CompareInputs = { ...variantInputs, variants: [[{ kind: 'demand', factor: 2 }], [{ kind: 'demand', factor: 2 }, { ...move, count: 5 }]] };
		const error = await buildScenarios(inputs, library().open).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(VariantInputError);
		const e = error as VariantInputError;
		expect(e.variant).toBe(1);
		expect(e.error).toBeInstanceOf(VariantError);
		expect(e.error.change).toBe(1);
		expect(e.error.detail).toMatch(/"bapenda" has only 1 counter\(s\) of its own/);
	});
});

describe('what-if rows', () => {
	it('turn into what-ifs and back, for every kind', () => {
		const ids = small.agencies.map((a) => a.id);
		const list: WhatIf[] = [
			{ kind: 'counters', agency: 'bapenda', delta: 2 },
			move,
			{ kind: 'demand', factor: 1.3 },
			{ kind: 'serviceTime', agency: '*', factor: 0.8 },
			{ kind: 'workProfile', profile: ['priority', '*'] },
			{ kind: 'workProfile', profile: ['*'] },
			{ kind: 'workProfile', profile: null },
			{ kind: 'order', order: 'priority-first' },
			{ kind: 'atClose', atClose: 'serve-waiting' }
		];
		for (const w of list) expect(toWhatIf(fromWhatIf(w, ids))).toEqual(w);
		expect(new Set(list.map((w) => w.kind))).toEqual(new Set(KINDS));
	});

	it('follow a new base: agencies it lacks are replaced, a move never targets where it comes from', () => {
		const rows = [[{ ...newRow(['a', 'b']), kind: 'move' as const, agency: 'x', to: 'y' }], [{ ...newRow(['a']), kind: 'serviceTime' as const, agency: '*' }]];
		fitRows(rows, ['dukcapil', 'bapenda']);
		expect(rows[0][0]).toMatchObject({ agency: 'dukcapil', to: 'bapenda' });
		expect(rows[1][0].agency).toBe('*');
	});
});

describe('the link from a copy to the compare page', () => {
	it('carries the original as A and the copy as B, and is read back', () => {
		const href = compareWithOriginalHref('/mpp', 'shipped:kota-bengkulu', 's-1 x');
		expect(href).toBe('/mpp/compare?a=shipped%3Akota-bengkulu&b=s-1%20x');
		expect(comparePairFrom(href.slice(href.indexOf('?')))).toEqual({ a: 'shipped:kota-bengkulu', b: 's-1 x' });
		expect(comparePairFrom('?a=x')).toBeUndefined();
		expect(comparePairFrom('?a=x&b=x')).toBeUndefined();
	});
});
