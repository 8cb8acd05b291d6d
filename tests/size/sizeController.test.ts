// The size page's controller without a browser: in-memory scenarios and jobs that answer at once (or when told).
// Tests run Svelte's server build, where $derived still computes on read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';
import type { GrowthPoint } from '../../src/lib/planning/growth';
import type { SizingResult } from '../../src/lib/planning/size';
import { SizeController, type SizeJobs } from '../../src/lib/size/sizeController.svelte';
import { resultsIdentity, shippedIdOf, type SavedScenario } from '../../src/lib/stores/savedScenario';

const read = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as Record<string, unknown>;
const parsed = (json: unknown) => {
	const p = parseScenario(json);
	if (!p.ok) throw new Error('fixture invalid');
	return p.scenario;
};
const kotaBengkulu = parsed(read('kota-bengkulu'));

class Cancelled extends Error {}

/** A sizing answer for `scenario`: only the fields the controller reads. */
const fakeResult = (scenario: Scenario) => ({ scenario, totalCounters: scenario.counters.length }) as unknown as SizingResult;

/** Jobs that answer at once, or wait for `release` when `hold` is set; an abort rejects with Cancelled. */
function fakeJobs() {
	const calls: Array<{ scenario: Scenario; levels?: number[] }> = [];
	let release: () => void = () => {};
	const jobs: SizeJobs & { hold: boolean; release: () => void } = {
		hold: false,
		release: () => release(),
		cancelled: (e) => e instanceof Cancelled,
		async size(scenario, _settings, opts) {
			calls.push({ scenario });
			if (jobs.hold)
				await new Promise<void>((resolve, reject) => {
					release = resolve;
					opts.signal.addEventListener('abort', () => reject(new Cancelled()));
				});
			return fakeResult(scenario);
		},
		async growth(scenario, _settings, levels, opts) {
			calls.push({ scenario, levels });
			const points = levels.map((v) => ({ visitorsPerDay: v, totalCounters: Math.ceil(v / 50) }) as GrowthPoint);
			for (const p of points) opts.onPoint(p);
			return points;
		}
	};
	return { jobs, calls };
}

function memoryStore() {
	const saved = new Map<string, SavedScenario>();
	return {
		saved,
		async scenarioChoices() {
			return [{ ref: 'shipped:lebong', name: 'Lebong' }, ...[...saved.values()].map((r) => ({ ref: r.key, name: r.name }))];
		},
		async openScenario(ref: string) {
			const id = shippedIdOf(ref);
			if (id !== undefined) return id === 'lebong' || id === 'seluma' ? { json: read(id), name: id } : undefined;
			const rec = saved.get(ref);
			return rec ? { json: structuredClone(rec.scenario), name: rec.name } : undefined;
		},
		async putSaved(rec: SavedScenario) {
			saved.set(rec.key, structuredClone(rec));
		}
	};
}

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;

/** Resolves once `ok()` holds (checked after each turn of the event loop, for at most a second). */
async function until(ok: () => boolean): Promise<void> {
	for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(ok()).toBe(true);
}

function controller() {
	const store = memoryStore();
	const { jobs, calls } = fakeJobs();
	const ctl = new SizeController({ store, jobs, t, wizardSource: kotaBengkulu });
	return { ctl, store, jobs, calls };
}

describe('SizeController', () => {
	it('sizes the chosen scenario and names it', async () => {
		const { ctl, calls } = controller();
		await ctl.mount('');
		expect(ctl.choices.map((c) => c.ref)).toEqual(['shipped:lebong']);
		await ctl.run();
		expect(ctl.status).toBe('done');
		expect(calls[0].scenario.id).toBe('lebong');
		expect(ctl.sizedFrom).toBe(calls[0].scenario.name);
		expect(ctl.result?.totalCounters).toBe(calls[0].scenario.counters.length);
		expect(ctl.staff?.staff).toBeGreaterThan(0);
	});

	it('opens on the wizard from ?sumber=wizard and sizes the regency it describes', async () => {
		const { ctl, calls } = controller();
		await ctl.mount('?sumber=wizard');
		expect(ctl.inputs.source).toBe('wizard');
		ctl.applyPreset('seluma');
		const base = await ctl.base();
		expect(base.basis).toMatchObject({ source: 'wizard', wizard: { preset: 'seluma', regencyName: 'Seluma' } });
		expect(base.identity).toBe(resultsIdentity(ctl.wizardDraft(ctl.wizard)));
		await ctl.run();
		expect(calls[0].scenario.id).toBe('seluma');
		expect(calls[0].scenario.agencies.length).toBe(ctl.wizard.agencies.length);
	});

	it('says which scenario is missing and refuses a run with invalid settings', async () => {
		const { ctl, calls } = controller();
		ctl.inputs.ref = 's-gone';
		await ctl.run();
		expect(ctl.status).toBe('error');
		expect(ctl.error).toBe('planning.size.notFound{"ref":"s-gone"}');
		ctl.inputs.replications = 1;
		expect(ctl.canRun).toBe(false);
		await ctl.run();
		expect(calls).toHaveLength(0);
	});

	it('hides the last result while a new run goes and can cancel it', async () => {
		const { ctl, jobs } = controller();
		await ctl.run();
		jobs.hold = true;
		const second = ctl.run();
		expect(ctl.result).toBeNull();
		await until(() => ctl.status === 'running');
		ctl.cancel();
		await second;
		expect(ctl.status).toBe('cancelled');
	});

	it('draws the growth curve level by level and refuses more than 30 levels', async () => {
		const { ctl, calls } = controller();
		ctl.growthInputs = { from: 100, to: 300, step: 100 };
		await ctl.runGrowth();
		expect(ctl.growthStatus).toBe('done');
		expect(calls[0].levels).toEqual([100, 200, 300]);
		expect(ctl.growthPoints.map((p) => p.visitorsPerDay)).toEqual([100, 200, 300]);
		ctl.growthInputs = { from: 1, to: 100, step: 1 };
		await ctl.runGrowth();
		expect(ctl.growthStatus).toBe('error');
		expect(ctl.growthError).toBe('planning.size.growthTooMany');
	});

	it('saves the sized scenario with the staff note and without $schema', async () => {
		const { ctl, store } = controller();
		await ctl.run();
		const key = await ctl.saveSized();
		const rec = store.saved.get(key!)!;
		expect(rec.origin).toBe('new');
		expect(rec.scenario).not.toHaveProperty('$schema');
		expect(String((rec.scenario as { notes: string }).notes)).toMatch(/37[.,]5/);
	});
});
