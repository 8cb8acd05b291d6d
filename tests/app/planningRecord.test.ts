import { describe, expect, it } from 'vitest';
import { migratePlanning, PLANNING_FORMAT_VERSION, planningRecord, stillDescribes } from '../../src/lib/stores/planningRecord';
import { RecordFormatError } from '../../src/lib/stores/savedScenario';

describe('planningRecord', () => {
	it('round-trips a record through migratePlanning unchanged', () => {
		const rec = planningRecord('compare', ['a', 'b'], { refs: ['shipped:lebong'] }, { total: 3 });
		expect(migratePlanning(structuredClone(rec))).toEqual(rec);
		expect(rec.formatVersion).toBe(PLANNING_FORMAT_VERSION);
	});

	it('keeps an inputs-only record without a result', () => {
		const rec = planningRecord('wizard', [], { population: 1 });
		expect('result' in migratePlanning(rec)).toBe(false);
	});

	it('refuses a newer format version, an unknown slot and a broken identity list, naming them', () => {
		const rec = planningRecord('size', ['x'], {});
		expect(() => migratePlanning({ ...rec, formatVersion: 9 })).toThrow(/format version 9.*newer version/);
		expect(() => migratePlanning({ ...rec, slot: 'nope' })).toThrow(RecordFormatError);
		expect(() => migratePlanning({ ...rec, identities: [1] })).toThrow(/identities/);
		expect(() => migratePlanning(null)).toThrow(RecordFormatError);
	});

	it('still describes its scenarios only while every identity is the same, in order', () => {
		const rec = planningRecord('compare', ['a', 'b'], {});
		expect(stillDescribes(rec, ['a', 'b'])).toBe(true);
		expect(stillDescribes(rec, ['b', 'a'])).toBe(false);
		expect(stillDescribes(rec, ['a'])).toBe(false);
		expect(stillDescribes(rec, ['a', 'c'])).toBe(false);
	});
});
