/** What the size page keeps: a real sizing survives IndexedDB's structured clone, records round-trip, malformed ones are ignored, writes are ordered. */
import { describe, expect, it } from 'vitest';
import { inProcessEvaluate } from '../../src/lib/planning/evaluate';
import { growthCurve } from '../../src/lib/planning/growth';
import { sizeScenario } from '../../src/lib/planning/size';
import { defaultGrowthInputs, defaultPageInputs, defaultWizardInputs } from '../../src/lib/size/sizeInputs';
import { growthRecord, KeepQueue, keptGrowthOf, keptSizingOf, remember, sizeRecord, wizardRecord, type PlanningStore } from '../../src/lib/size/sizeMemory';
import type { PlanningRecord, PlanningSlot } from '../../src/lib/stores/planningRecord';
import { mustParse } from '../fixtures/scenarios';
import { morningHall } from '../planning/fixtures';

const base = mustParse(morningHall({ patienceMean: 240, visitorsPerDay: 120 }));

function memory(): PlanningStore & { map: Map<PlanningSlot, PlanningRecord>; writes: PlanningSlot[] } {
	const map = new Map<PlanningSlot, PlanningRecord>();
	const writes: PlanningSlot[] = [];
	return {
		map,
		writes,
		async getPlanning(slot) {
			return map.get(slot);
		},
		async savePlanning(rec) {
			writes.push(rec.slot);
			map.set(rec.slot, structuredClone(rec));
		}
	};
}

describe('kept sizing results', () => {
	it('a sizing with its explanation and a growth curve are structured-cloneable and come back equal', async () => {
		const sizing = await sizeScenario(base, inProcessEvaluate, { seed: 3, replications: 4, explain: true });
		expect(sizing.explanation).not.toBeNull();
		const kept = { sizing, sizedFrom: base.name, basis: { source: 'existing' as const, ref: 'shipped:x' }, identity: 'id-1' };
		const rec = structuredClone(sizeRecord(defaultPageInputs(), kept));
		expect(keptSizingOf(rec)).toEqual(kept);
		const points = await growthCurve(base, inProcessEvaluate, { seed: 3, replications: 3, visitorsPerDay: [60, 120] });
		const curve = { points, levels: [60, 120], basis: { source: 'wizard' as const, wizard: defaultWizardInputs() }, identity: 'id-2' };
		expect(keptGrowthOf(structuredClone(growthRecord(defaultGrowthInputs(), curve)))).toEqual(curve);
	});

	it('ignores malformed results and keeps the inputs of a record without one', async () => {
		const store = memory();
		const inputs = { ...defaultPageInputs(), waitP90: 9 };
		// A sizing of an older shape (no per-agency figures) is not shown: the card would have nothing to read.
		store.map.set('size', { ...sizeRecord(inputs, null), result: { sizing: { totalCounters: 3, path: [], scenario: {}, summary: {} }, basis: { source: 'existing', ref: 'r' } }, identities: ['x'] });
		store.map.set('growth', { ...growthRecord(defaultGrowthInputs(), null), result: { points: [], levels: [], basis: { source: 'elsewhere' } }, identities: ['x'] });
		store.map.set('wizard', wizardRecord({ ...defaultWizardInputs(), demandBy: 'neither' as 'population', population: 5 }, null));
		const r = await remember(store, async () => 'x');
		expect(r.sizing).toBeNull();
		expect(r.growth).toBeNull();
		expect(r.dropped).toEqual([]);
		expect(r.inputs.waitP90).toBe(9);
		expect(r.wizard).toMatchObject({ demandBy: 'population', population: 5 });
	});
});

describe('KeepQueue', () => {
	it('writes a slot typed into once, after the quiet, from the state then; and in order', async () => {
		const store = memory();
		const queue = new KeepQueue(store, 5);
		let waitP90 = 1;
		for (; waitP90 <= 3; waitP90++) queue.later('size', () => sizeRecord({ ...defaultPageInputs(), waitP90 }, null));
		await new Promise((r) => setTimeout(r, 30));
		await queue.flush();
		expect(store.writes).toEqual(['size']);
		expect(store.map.get('size')?.inputs).toMatchObject({ waitP90: 4 });
		queue.later('wizard', () => wizardRecord(defaultWizardInputs(), 'w'));
		await queue.now('growth', () => growthRecord(defaultGrowthInputs(), null));
		await queue.flush();
		expect(store.writes).toEqual(['size', 'growth', 'wizard']);
	});

	it('survives a failing store', async () => {
		const queue = new KeepQueue({ getPlanning: async () => undefined, savePlanning: async () => Promise.reject(new Error('quota')) });
		await expect(queue.now('size', () => sizeRecord(defaultPageInputs(), null))).resolves.toBeUndefined();
	});
});
