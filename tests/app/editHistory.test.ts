import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditHistories, EditHistory, HISTORY_COALESCE_MS } from '../../src/lib/components/editor/history';

const APART = HISTORY_COALESCE_MS + 1;

describe('EditHistory', () => {
	it('undoes and redoes step by step, and has nothing to undo at the start', () => {
		const h = new EditHistory('a');
		expect(h.canUndo).toBe(false);
		expect(h.undo()).toBeUndefined();
		h.record('b', 0);
		h.record('c', APART);
		expect(h.undo()).toBe('b');
		expect(h.undo()).toBe('a');
		expect(h.undo()).toBeUndefined();
		expect(h.canRedo).toBe(true);
		expect(h.redo()).toBe('b');
		expect(h.redo()).toBe('c');
		expect(h.redo()).toBeUndefined();
	});

	it('makes one step of changes close together (typing in a field)', () => {
		const h = new EditHistory('4');
		h.record('42', 0);
		h.record('425', 200);
		h.record('4250', 400);
		expect(h.undo()).toBe('4');
		expect(h.canUndo).toBe(false);
	});

	it('starts a new step after an undo, however soon the next change comes', () => {
		const h = new EditHistory('a');
		h.record('b', 0);
		expect(h.undo()).toBe('a');
		h.record('x', 10);
		expect(h.canRedo).toBe(false);
		h.record('y', 20);
		expect(h.undo()).toBe('a');
	});

	it('ignores a change to the text it already holds (an undo coming back through the editor)', () => {
		const h = new EditHistory('a');
		h.record('b', 0);
		h.undo();
		h.record('a', 5);
		expect(h.canRedo).toBe(true);
		expect(h.redo()).toBe('b');
	});

	it('rewrites every version it holds, so a rewrite the app makes is not undone', () => {
		const h = new EditHistory('a1');
		h.record('a2', 0);
		h.record('a3', APART);
		h.undo();
		h.rewrite((t) => t.replace('a', 'b'));
		h.record('b2', 2 * APART);
		expect(h.canRedo).toBe(true);
		expect([h.undo(), h.redo(), h.redo()]).toEqual(['b1', 'b2', 'b3']);
	});

	it('keeps at most its limit of steps, dropping the oldest', () => {
		const h = new EditHistory('0', 3);
		for (let i = 1; i <= 5; i++) h.record(String(i), i * APART);
		expect([h.undo(), h.undo(), h.undo(), h.undo()]).toEqual(['4', '3', '2', undefined]);
	});

	it('property: after separate steps, undo walks back through every text in reverse and redo walks forward again', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { maxLength: 30 }), (edits) => {
				const h = new EditHistory('start');
				const seen = ['start'];
				edits.forEach((t, i) => {
					h.record(t, i * APART);
					if (t !== seen[seen.length - 1]) seen.push(t);
				});
				const back: string[] = [];
				for (let t = h.undo(); t !== undefined; t = h.undo()) back.push(t);
				expect(back).toEqual(seen.slice(0, -1).reverse());
				const forward: string[] = [];
				for (let t = h.redo(); t !== undefined; t = h.redo()) forward.push(t);
				expect(forward).toEqual(seen.slice(1));
			})
		);
	});
});

describe('EditHistories', () => {
	it("takes a scenario's history up again where it was left, and starts afresh when the scenario changed elsewhere", () => {
		const hs = new EditHistories();
		const h = hs.open('s1', 'a');
		h.record('b', 0);
		expect(hs.open('s1', 'b')).toBe(h);
		expect(h.undo()).toBe('a');
		// Opened at another text (changed in another tab, say): nothing to undo that would bring back a stale version.
		const fresh = hs.open('s1', 'x');
		expect(fresh).not.toBe(h);
		expect([fresh.canUndo, fresh.canRedo, fresh.text]).toEqual([false, false, 'x']);
	});

	it('follows a scenario to its new key, and keeps only the most recently opened', () => {
		const hs = new EditHistories(2);
		const shipped = hs.open('shipped:kota', 'a');
		shipped.record('b', 0);
		hs.rename('shipped:kota', 'saved:1');
		expect(hs.open('saved:1', 'b')).toBe(shipped);
		expect(hs.open('shipped:kota', 'a')).not.toBe(shipped);
		const other = hs.open('saved:2', 'c');
		// Three keys opened with room for two: saved:1, opened longest ago, is dropped.
		expect(hs.open('saved:2', 'c')).toBe(other);
		expect(hs.open('saved:1', 'b')).not.toBe(shipped);
	});
});
