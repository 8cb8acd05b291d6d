// The size page's controller without a browser: in-memory scenarios and jobs that answer at once (or when told).
// Tests run Svelte's server build, where $derived still computes on read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';
import type { GrowthPoint } from '../../src/lib/planning/growth';
import type { SizingResult } from '../../src/lib/planning/size';
import { SizeController, type SizeJobs } from '../../src/lib/size/sizeController.svelte';
import type { PlanningRecord, PlanningSlot } from '../../src/lib/stores/planningRecord';
import { newRecord, resultsIdentity, shippedIdOf, type SavedScenario } from '../../src/lib/stores/savedScenario';

const read = (id: string) => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')) as Record<string, unknown>;
const parsed = (json: unknown) => {
	const p = parseScenario(json);
	if (!p.ok) throw new Error('fixture invalid');
	return p.scenario;
};
const kotaBengkulu = parsed(read('kota-bengkulu'));

class Cancelled extends Error {}

/** A sizing answer for `scenario`: only the fields the controller reads. */
const fakeResult = (scenario: Scenario) =>
	({ scenario, totalCounters: scenario.counters.length, achieved: {}, path: [], summary: { dailyPeakWaiting: { days: 40, p50: 6, p95: 11.2, max: 14 } } }) as unknown as SizingResult;

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
	const planning = new Map<PlanningSlot, PlanningRecord>();
	return {
		saved,
		planning,
		async getPlanning(slot: PlanningSlot) {
			const r = planning.get(slot);
			return r && structuredClone(r);
		},
		async savePlanning(rec: PlanningRecord) {
			// structuredClone throws DataCloneError for what IndexedDB could not keep either.
			planning.set(rec.slot, structuredClone(rec));
		},
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

function controller(store = memoryStore(), wizardSource: Scenario = kotaBengkulu) {
	const { jobs, calls } = fakeJobs();
	const ctl = new SizeController({ store, jobs, t, wizardSource, keepDelayMs: 0 });
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
		// The agencies to choose from are named as the regency's will be.
		ctl.wizard.regencyName = 'Kaur';
		const named = Object.fromEntries(ctl.wizardAgencies.map((a) => [a.id, a.name]));
		expect(named.polresta).toBe('Kepolisian Resor Kaur (Polres Kaur)');
		expect(named.dukcapil).toMatch(/Kabupaten Kaur/);
		expect(ctl.wizardAgencies).toHaveLength(kotaBengkulu.agencies.length);
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
		expect(String((rec.scenario as { notes: string }).notes)).toMatch(/Waiting room: 17 seats = P95 over 40 simulated days .*\(11\.2\) × 1\.5/);
	});

	it('gives the waiting-room seats of the result for the companions factor, none while the factor is invalid', async () => {
		const { ctl } = controller();
		await ctl.run();
		expect(ctl.seats).toMatchObject({ seats: 17, peakP95: 11.2, companions: 1.5, days: 40 });
		ctl.inputs.companions = 2;
		expect(ctl.seats?.seats).toBe(23);
		ctl.inputs.companions = 0.5;
		expect(ctl.companionsValid).toBe(false);
		expect(ctl.seats).toBeNull();
		// A result kept from before the day's peak was measured has no seats figure.
		ctl.inputs.companions = 1;
		ctl.result = { ...ctl.result!, summary: {} } as SizingResult;
		expect(ctl.companionsValid).toBe(true);
		expect(ctl.seats).toBeNull();
	});
});

describe('SizeController keeps the page', () => {
	it('brings back the inputs, the sizing and the curve on the next visit', async () => {
		const first = controller();
		await first.ctl.mount('');
		first.ctl.inputs.waitP90 = 10;
		first.ctl.inputs.salary = 5_000_000;
		first.ctl.inputs.companions = 2;
		first.ctl.applyPreset('seluma');
		first.ctl.wizard.open = '07:30';
		first.ctl.noteInputs();
		await first.ctl.run();
		first.ctl.growthInputs = { from: 100, to: 200, step: 100 };
		await first.ctl.runGrowth();
		first.ctl.destroy();
		await first.ctl.settled();

		const again = controller(first.store);
		await again.ctl.mount('');
		expect(again.ctl.restored).toBe(true);
		expect(again.ctl.inputs).toMatchObject({ waitP90: 10, salary: 5_000_000, companions: 2, ref: 'shipped:lebong' });
		expect(again.ctl.seats?.seats).toBe(23);
		expect(again.ctl.wizard).toMatchObject({ preset: 'seluma', regencyName: 'Seluma', open: '07:30' });
		expect(again.ctl.result?.scenario.id).toBe('lebong');
		expect(again.ctl.sizedFrom).toBe(first.ctl.sizedFrom);
		expect(again.ctl.staff?.costPerMonth).toBe(first.ctl.staff?.costPerMonth);
		expect(again.ctl.growthPoints.map((p) => p.visitorsPerDay)).toEqual([100, 200]);
		expect(again.ctl.growthInputs).toEqual({ from: 100, to: 200, step: 100 });
		expect(again.ctl.dropped).toEqual([]);
		expect(again.calls).toHaveLength(0);
	});

	it('drops the results, not the inputs, when the sized scenario changed', async () => {
		const store = memoryStore();
		const rec = newRecord('Lebong (salinan)', read('lebong'), 'duplicate');
		await store.putSaved(rec);
		const first = controller(store);
		await first.ctl.mount('');
		first.ctl.inputs.ref = rec.key;
		first.ctl.inputs.waitP90 = 12;
		await first.ctl.run();
		await first.ctl.runGrowth();
		await first.ctl.settled();
		expect((await controller(store).ctl.mount(''), store.planning.get('size')?.result)).toBeDefined();

		// A rename keeps the results (it does not change what a run gives); a counter fewer drops them.
		const renamed = { ...rec, name: 'Lebong B', scenario: { ...(rec.scenario as object), name: 'Lebong B' } };
		await store.putSaved(renamed);
		const same = controller(store);
		await same.ctl.mount('');
		expect(same.ctl.result).not.toBeNull();
		const json = structuredClone(rec.scenario) as { counters: unknown[] };
		json.counters.pop();
		await store.putSaved({ ...rec, scenario: json });
		const changed = controller(store);
		await changed.ctl.mount('');
		await changed.ctl.settled();
		expect(changed.ctl.result).toBeNull();
		expect(changed.ctl.growthPoints).toEqual([]);
		expect(changed.ctl.dropped).toEqual(['size', 'growth']);
		expect(changed.ctl.inputs).toMatchObject({ ref: rec.key, waitP90: 12 });
		expect(store.planning.get('size')?.result).toBeUndefined();
		expect(store.planning.get('size')?.inputs).toMatchObject({ waitP90: 12 });
		expect(store.planning.get('growth')?.result).toBeUndefined();
	});

	it('keeps a wizard sizing while the base scenario its kept answers make is unchanged', async () => {
		const first = controller();
		await first.ctl.mount('?sumber=wizard');
		await first.ctl.run();
		first.ctl.wizard.population = 50_000; // answers changed after the run: the result still describes the run's
		first.ctl.noteInputs();
		await first.ctl.settled();
		const again = controller(first.store);
		await again.ctl.mount('');
		expect(again.ctl.inputs.source).toBe('wizard');
		expect(again.ctl.wizard.population).toBe(50_000);
		expect(again.ctl.dropped).toEqual([]);
		expect(again.ctl.result?.scenario.id).toBe('lebong');
		expect(first.store.planning.get('wizard')?.identities).toEqual([resultsIdentity(again.ctl.wizardDraft(again.ctl.wizard))]);

		// Kota Bengkulu's scenario (what the wizard builds from) changed: the regency it made is not the one sized.
		const otherSource = { ...kotaBengkulu, calendar: { ...kotaBengkulu.calendar, atClose: 'send-home' } } as Scenario;
		const moved = controller(first.store, otherSource);
		await moved.ctl.mount('');
		expect(moved.ctl.result).toBeNull();
		expect(moved.ctl.dropped).toEqual(['size']);
	});

	it('leaves the last result shown and kept when a run is cancelled', async () => {
		const { ctl, jobs, store } = controller();
		await ctl.mount('');
		await ctl.run();
		const first = ctl.result;
		jobs.hold = true;
		ctl.applyPreset('seluma');
		ctl.inputs.source = 'wizard';
		const second = ctl.run();
		await until(() => ctl.status === 'running');
		expect(ctl.result).toBeNull();
		ctl.cancel();
		await second;
		expect(ctl.result).toBe(first);
		await ctl.settled();
		expect((store.planning.get('size')?.result as { sizing: SizingResult }).sizing.scenario.id).toBe('lebong');
	});

	it('lets a change made while the kept record is read win over it, and a run started meanwhile own the result', async () => {
		const first = controller();
		await first.ctl.mount('');
		first.ctl.inputs.waitP90 = 10;
		first.ctl.inputs.shared = true;
		first.ctl.noteInputs();
		await first.ctl.run();
		await first.ctl.settled();
		let open: () => void = () => {};
		const opened = new Promise<void>((r) => (open = r));
		const slow = { ...first.store, getPlanning: async (slot: PlanningSlot) => (await opened, first.store.getPlanning(slot)) };
		const again = controller(slow);
		again.jobs.hold = true;
		const mounting = again.ctl.mount('');
		again.ctl.inputs.source = 'wizard'; // clicked before the record was read
		const running = again.ctl.run();
		await until(() => again.ctl.status === 'running');
		open();
		await mounting;
		expect(again.ctl.inputs).toMatchObject({ source: 'wizard', waitP90: 10, shared: true });
		expect(again.ctl.result).toBeNull(); // the running job's, not the kept one
		again.jobs.release();
		await running;
		expect(again.ctl.result?.scenario.id).toBe('lebong'); // the wizard's default regency
		expect(again.ctl.sizedFrom).toBe('MPP Kabupaten Lebong');
	});

	it('starts from the defaults when nothing can be read', async () => {
		const store = { ...memoryStore(), getPlanning: async () => Promise.reject(new Error('no IndexedDB')) };
		const { ctl } = controller(store);
		await ctl.mount('');
		expect(ctl.restored).toBe(true);
		expect(ctl.inputs.waitP90).toBe(15);
		expect(ctl.result).toBeNull();
	});
});
