// The editor's controller without a browser: an in-memory store and drafts, and validation with no debounce.
// Tests run Svelte's server build, where effects do not run: `settle` calls noteEdit where the page's effect would.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EditHistories } from '../../src/lib/components/editor/history';
import { DroppedResults } from '../../src/lib/edit/droppedResults';
import { EditController } from '../../src/lib/edit/editController.svelte';
import type { DraftStore, EditStore } from '../../src/lib/edit/editOptions';
import { shortcutStep, type EditorKey } from '../../src/lib/edit/shortcuts';
import { newRecord, shippedIdOf, shippedRef, type SavedScenario } from '../../src/lib/stores/savedScenario';

const lebong = JSON.parse(readFileSync('scenarios/lebong.json', 'utf8')) as Record<string, unknown> & {
	name: string;
	demand: { visitorsPerDay: number };
	counters: Array<{ id: string }>;
};

/** Scenarios and results in memory, with the shipped Lebong. */
function memoryStore() {
	const saved = new Map<string, SavedScenario>();
	const results = new Map<string, unknown>();
	const store: EditStore & { failSaves: boolean } = {
		failSaves: false,
		async openScenario(ref) {
			const id = shippedIdOf(ref);
			if (id !== undefined) return id === 'lebong' ? { key: shippedRef(id), json: structuredClone(lebong) } : undefined;
			const rec = saved.get(ref);
			return rec ? { key: rec.key, json: structuredClone(rec.scenario), record: structuredClone(rec) } : undefined;
		},
		async putSaved(rec, opts) {
			if (store.failSaves) throw new Error('disk full');
			saved.set(rec.key, structuredClone(rec));
			if (opts?.dropResults) results.delete(rec.key);
		},
		async getResults(key) {
			return results.get(key);
		},
		async saveResults(key, summary) {
			results.set(key, summary);
		}
	};
	return { store, saved, results };
}

function memoryDrafts(): DraftStore & { kept: Map<string, string> } {
	const kept = new Map<string, string>();
	return {
		kept,
		load: (ref) => kept.get(ref),
		keep: (ref, text) => (text === undefined ? kept.delete(ref) : kept.set(ref, text))
	};
}

const t = (key: string, values?: Record<string, string>) =>
	key === 'editor.copySuffix' ? '(salinan)' : values ? `${key} ${JSON.stringify(values)}` : key;

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const c of cleanups) c();
	cleanups = [];
});

/** A controller as the page makes it, with an in-memory store and drafts. */
function editor(opts: { store?: EditStore; drafts?: DraftStore } = {}) {
	const mem = memoryStore();
	const drafts = opts.drafts ?? memoryDrafts();
	const copies: string[] = [];
	// Steps far apart, so that no two edits make one step of the history.
	let clock = 0;
	const c = new EditController({
		t,
		onCopySaved: (key) => copies.push(key),
		store: opts.store ?? mem.store,
		drafts,
		histories: new EditHistories(),
		lang: () => 'en',
		now: () => (clock += 10_000),
		date: () => new Date('2025-03-04T05:06:07Z'),
		validateMs: 0
	});
	cleanups.push(() => c.dispose());
	/** Lets edits be noted (as the page's effect does after each), validated and saved, and the saves' own edits too. */
	const settle = async () => {
		for (let i = 0; i < 3; i++) {
			c.noteEdit();
			c.flush();
			await c.prepareRun();
		}
	};
	return { c, mem, drafts, copies, settle };
}

async function opened(ref: string, opts: { store?: EditStore; drafts?: DraftStore } = {}) {
	const e = editor(opts);
	await e.c.load(ref);
	await e.settle();
	return e;
}

function key(k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}) {
	let prevented = false;
	const e: EditorKey = {
		key: k,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		shiftKey: false,
		...mods,
		target: null,
		preventDefault: () => {
			prevented = true;
		}
	};
	return { e, prevented: () => prevented };
}

describe('EditController: opening', () => {
	it('an empty or unknown reference is missing', async () => {
		const e = editor();
		await e.c.load('');
		expect(e.c.status).toBe('missing');
		await e.c.load('shipped:nowhere');
		expect(e.c.status).toBe('missing');
		expect(e.c.ref).toBe('shipped:nowhere');
	});

	it('a shipped scenario opens as it is: valid, unchanged, nothing to undo', async () => {
		const { c } = await opened('shipped:lebong');
		expect(c.status).toBe('ready');
		expect(c.shipped).toBe(true);
		expect(c.draft?.name).toBe(lebong.name);
		expect(c.valid).toBe(true);
		expect(c.errors).toEqual([]);
		expect(c.saveState).toBe('unchanged');
		expect([c.canUndo, c.canRedo]).toEqual([false, false]);
	});

	it('a store that cannot be read fails with its message', async () => {
		const { store } = memoryStore();
		store.openScenario = async () => {
			throw new Error('record format 9');
		};
		const { c } = await opened('abc', { store });
		expect(c.status).toBe('failed');
		expect(c.loadError).toBe('record format 9');
	});

	it("takes up the tab's unsaved draft, which can be discarded", async () => {
		const drafts = memoryDrafts();
		drafts.kept.set('shipped:lebong', JSON.stringify({ ...lebong, demand: { ...lebong.demand, visitorsPerDay: -1 } }));
		const { c, settle } = await opened('shipped:lebong', { drafts });
		expect(c.restoredDraft).toBe(true);
		expect(c.draft?.demand?.visitorsPerDay).toBe(-1);
		expect(c.saveState).toBe('invalid');
		c.discardDraft();
		await settle();
		expect(c.restoredDraft).toBe(false);
		expect(c.draft?.demand?.visitorsPerDay).toBe(lebong.demand.visitorsPerDay);
		expect(c.saveState).toBe('unchanged');
		expect(drafts.kept.size).toBe(0);
	});
});

describe('EditController: edits', () => {
	it('the first valid change to a shipped scenario saves a named copy; the history keeps the name', async () => {
		const { c, mem, copies, settle } = await opened('shipped:lebong');
		c.draft!.demand!.visitorsPerDay = lebong.demand.visitorsPerDay + 50;
		await settle();
		expect(mem.saved.size).toBe(1);
		const [rec] = [...mem.saved.values()];
		const name = `${lebong.name} (salinan)`;
		expect(rec).toMatchObject({ name, origin: 'shipped', shippedId: 'lebong', savedAt: '2025-03-04T05:06:07.000Z' });
		expect(c.ref).toBe(rec.key);
		expect(c.shipped).toBe(false);
		expect(copies).toEqual([rec.key]);
		expect(c.copyNotice).toBe(`editor.copyCreated ${JSON.stringify({ name })}`);
		expect(c.saveState).toBe('saved');
		expect(c.draft?.name).toBe(name);

		c.step('undo');
		await settle();
		expect(c.draft?.demand?.visitorsPerDay).toBe(lebong.demand.visitorsPerDay);
		expect(c.draft?.name, 'the copy is named in every version').toBe(name);
		expect((mem.saved.get(rec.key)!.scenario as typeof lebong).demand.visitorsPerDay).toBe(lebong.demand.visitorsPerDay);
		expect([c.canUndo, c.canRedo]).toEqual([false, true]);
		c.closeCopyNotice();
		expect(c.copyNotice).toBe('');
	});

	it('a copy knows its original (for "compare with the original"): the shipped one, or the scenario it was duplicated from', async () => {
		const { c, mem, settle } = await opened('shipped:lebong');
		expect(c.original, 'a shipped scenario is an original').toBeUndefined();
		c.draft!.demand!.visitorsPerDay = lebong.demand.visitorsPerDay + 50;
		await settle();
		expect(c.original).toBe('shipped:lebong');
		const copy = newRecord('Salinan', structuredClone(lebong), 'duplicate', 'lebong', c.ref);
		await mem.store.putSaved(copy);
		const { c: other } = await opened(copy.key, { store: mem.store });
		expect(other.original).toBe(c.ref);
	});

	it('an invalid change is not saved: it is kept as the draft and counted in its section, and Run is refused', async () => {
		const { c, mem, drafts, settle } = await opened('shipped:lebong');
		c.draft!.demand!.visitorsPerDay = -5;
		await settle();
		expect(c.saveState).toBe('invalid');
		expect(c.valid).toBe(false);
		expect(c.errors.length).toBeGreaterThan(0);
		expect(c.errorPaths.every((p) => p.startsWith('demand'))).toBe(true);
		expect(c.sectionErrors(['demand'])).toBe(c.errors.length);
		expect(c.sectionErrors(['counters'])).toBe(0);
		expect(c.context.errorPaths).toEqual(c.errorPaths);
		expect(c.context.errors.size).toBeGreaterThan(0);
		expect(drafts.load('shipped:lebong')).toBe(JSON.stringify(c.draft));
		expect(mem.saved.size).toBe(0);
		expect(await c.prepareRun()).toBe('invalid');
	});

	it('a changed layout drops the results; an undo back to the version they describe brings them back', async () => {
		const { store, saved, results } = memoryStore();
		const rec = { ...newRecord('Lebong', structuredClone(lebong), 'imported'), savedAt: '2025-01-01T00:00:00.000Z' };
		saved.set(rec.key, rec);
		results.set(rec.key, { summary: 1 });
		const { c, settle } = await opened(rec.key, { store });
		expect(c.saveState).toBe('saved');
		expect(c.savedAt).toBe('2025-01-01T00:00:00.000Z');

		c.draft!.name = 'Lebong, renamed';
		await settle();
		expect(saved.get(rec.key)?.name).toBe('Lebong, renamed');
		expect(results.get(rec.key), 'a new name keeps the results').toEqual({ summary: 1 });

		c.draft!.counters = c.draft!.counters!.slice(1);
		await settle();
		expect((saved.get(rec.key)!.scenario as typeof lebong).counters.length).toBe(lebong.counters.length - 1);
		expect(results.has(rec.key), 'a new layout drops them').toBe(false);

		c.step('undo');
		await settle();
		expect((saved.get(rec.key)!.scenario as typeof lebong).counters.length).toBe(lebong.counters.length);
		expect(results.get(rec.key)).toEqual({ summary: 1 });
		expect(c.saveState).toBe('saved');
		expect(await c.prepareRun()).toBe('ready');
	});

	it('a save that fails says why, and Run waits for it and stops', async () => {
		const { store } = memoryStore();
		const { c, settle } = await opened('shipped:lebong', { store });
		store.failSaves = true;
		c.draft!.demand!.visitorsPerDay = 7;
		await settle();
		expect(c.saveState).toBe('error');
		expect(c.saveError).toBe('disk full');
		expect(await c.prepareRun()).toBe('error');
	});

	it('leaving the page saves a valid edit still waiting for its debounce, and does not touch the address', async () => {
		const mem = memoryStore();
		const e = editor({ store: mem.store });
		await e.c.load('shipped:lebong');
		await e.settle();
		e.c.draft!.demand!.visitorsPerDay = 9;
		e.c.noteEdit();
		expect(e.c.saveState).toBe('pending');
		e.c.dispose();
		await e.c.prepareRun();
		expect(mem.saved.size).toBe(1);
		expect(e.copies).toEqual([]);
	});

	it('exports the draft as a scenario file', async () => {
		const { c } = await opened('shipped:lebong');
		const file = c.exportFile()!;
		expect(JSON.parse(file.text).name).toBe(lebong.name);
		expect(file.fileName).toMatch(/\.json$/);
	});
});

describe('EditController: undo, redo and the keyboard', () => {
	it('Ctrl+Z undoes and Ctrl+Y redoes only when there is a step to take', async () => {
		const { c, settle } = await opened('shipped:lebong');
		const none = key('z', { ctrlKey: true });
		c.onKeydown(none.e);
		expect(none.prevented(), 'nothing to undo: the browser keeps the key').toBe(false);
		c.draft!.counters = c.draft!.counters!.slice(1);
		await settle();
		const undo = key('z', { ctrlKey: true });
		c.onKeydown(undo.e);
		expect(undo.prevented()).toBe(true);
		expect(c.draft?.counters?.length).toBe(lebong.counters.length);
		const redo = key('Z', { metaKey: true, shiftKey: true });
		c.onKeydown(redo.e);
		expect(redo.prevented()).toBe(true);
		expect(c.draft?.counters?.length).toBe(lebong.counters.length - 1);
	});

	it('reads the shortcuts: Ctrl or ⌘ with Z or Y, never with Alt', () => {
		expect(shortcutStep(key('z', { ctrlKey: true }).e)).toBe('undo');
		expect(shortcutStep(key('z', { metaKey: true }).e)).toBe('undo');
		expect(shortcutStep(key('y', { ctrlKey: true }).e)).toBe('redo');
		expect(shortcutStep(key('Z', { ctrlKey: true, shiftKey: true }).e)).toBe('redo');
		expect(shortcutStep(key('z').e)).toBeUndefined();
		expect(shortcutStep(key('z', { ctrlKey: true, altKey: true }).e)).toBeUndefined();
		expect(shortcutStep(key('x', { ctrlKey: true }).e)).toBeUndefined();
	});

	it('a step that adds or removes a counter folds the expanded counters; errors open what hides them', async () => {
		const { c, settle } = await opened('shipped:lebong');
		await c.reveal('counters[1].shifts[0].from');
		await c.reveal('agencies[2].services[0].name');
		await c.reveal('counters[3].name');
		expect([...c.expandedCounters]).toEqual([1]);
		expect([...c.openAgencies]).toEqual([2]);
		c.draft!.counters = c.draft!.counters!.slice(1);
		await settle();
		c.step('undo');
		expect(c.expandedCounters.size).toBe(0);
		expect([...c.openAgencies], 'the agencies did not change in number').toEqual([2]);
	});
});

describe('DroppedResults', () => {
	it('keeps the most recently dropped few, by identity', () => {
		const d = new DroppedResults(2);
		d.keep('a', 1);
		d.keep('b', 2);
		d.keep('x', undefined);
		d.keep('a', 3);
		d.keep('c', 4);
		expect([d.get('a'), d.get('b'), d.get('c'), d.get('x')]).toEqual([3, undefined, 4, undefined]);
		d.delete('a');
		expect(d.get('a')).toBeUndefined();
		d.clear();
		expect(d.get('c')).toBeUndefined();
	});
});
