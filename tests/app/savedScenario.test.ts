import { describe, expect, it } from 'vitest';
import {
	exportFileName,
	migrate,
	newKey,
	newRecord,
	originalRef,
	RecordFormatError,
	RECORD_FORMAT_VERSION,
	resultsIdentity,
	resultsStillValid,
	scenarioFacts,
	shippedIdOf,
	shippedRef
} from '../../src/lib/stores/savedScenario';
import { newScenarioTemplate } from '../../src/lib/stores/template';
import { parseScenario } from '../../src/lib/model';
import kota from '../../scenarios/kota-bengkulu.json';

const record = {
	key: 's-abc',
	formatVersion: 1,
	name: 'Uji',
	scenario: { id: 'uji', name: 'Uji' },
	savedAt: '2024-06-11T08:00:00.000Z',
	origin: 'duplicate',
	shippedId: 'kota-bengkulu'
};

describe('migrate', () => {
	it('accepts a version 1 record as it is', () => {
		expect(migrate(record)).toEqual(record);
		expect(RECORD_FORMAT_VERSION).toBe(1);
	});

	it('rejects an unknown (newer) format version, saying which', () => {
		expect(() => migrate({ ...record, formatVersion: 2 })).toThrow(RecordFormatError);
		expect(() => migrate({ ...record, formatVersion: 2 })).toThrow(/format version 2.*reads version 1 only/);
		expect(() => migrate({ ...record, formatVersion: undefined })).toThrow(/format version missing/);
	});

	it('rejects what is not a record', () => {
		expect(() => migrate(null)).toThrow(RecordFormatError);
		expect(() => migrate({ ...record, key: '' })).toThrow(/no key/);
		expect(() => migrate({ ...record, scenario: 'x' })).toThrow(/no scenario/);
	});

	it('fills a missing name from the scenario and an unknown origin as imported', () => {
		const r = migrate({ ...record, name: '', origin: 'elsewhere', shippedId: undefined });
		expect(r.name).toBe('Uji');
		expect(r.origin).toBe('imported');
		expect('shippedId' in r).toBe(false);
	});

	it('keeps where a copy was copied from, and reads records written before that was kept', () => {
		expect(migrate({ ...record, copiedFrom: 's-source' }).copiedFrom).toBe('s-source');
		// Older records have no copiedFrom: still read, unchanged, and their original is the shipped ancestor.
		const old = migrate(record);
		expect('copiedFrom' in old).toBe(false);
		expect(originalRef(old)).toBe('shipped:kota-bengkulu');
		expect('copiedFrom' in migrate({ ...record, copiedFrom: 42 })).toBe(false);
		expect('copiedFrom' in migrate({ ...record, copiedFrom: '' })).toBe(false);
	});
});

describe('keys and references', () => {
	it('makes distinct, time-ordered keys', () => {
		const a = newKey(1_000, () => 0.1);
		const b = newKey(2_000, () => 0.1);
		expect(a).toMatch(/^s-[0-9a-z]+-[0-9a-z]{6}$/);
		expect(a < b).toBe(true);
		expect(newKey(1_000, () => 0.1)).not.toBe(newKey(1_000, () => 0.2));
	});

	it('tells shipped references from saved keys', () => {
		expect(shippedRef('lebong')).toBe('shipped:lebong');
		expect(shippedIdOf('shipped:lebong')).toBe('lebong');
		expect(shippedIdOf('s-abc')).toBeUndefined();
	});
});

describe('scenarioFacts', () => {
	it('counts Kota Bengkulu as reported: 21 agencies, 118 services, 24 counters, 425 visitors a day', () => {
		expect(scenarioFacts(kota)).toEqual({ agencies: 21, services: 118, counters: 24, visitorsPerDay: 425, days: 5 });
	});

	it('never throws on odd input', () => {
		expect(scenarioFacts(null)).toEqual({ agencies: 0, services: 0, counters: 0 });
		expect(scenarioFacts({ agencies: [null, { services: 'x' }], counters: {} })).toEqual({ agencies: 2, services: 0, counters: 0 });
	});
});

describe('exportFileName', () => {
	it('uses the scenario id, or a safe form of the name', () => {
		expect(exportFileName(kota)).toBe('kota-bengkulu.json');
		expect(exportFileName({ name: 'MPP Baru: Uji!' })).toBe('mpp-baru-uji.json');
		expect(exportFileName({})).toBe('skenario.json');
	});
});

describe('newScenarioTemplate', () => {
	it('is a valid scenario', () => {
		const r = parseScenario(newScenarioTemplate('Baru'));
		expect(r.ok ? [] : r.errors).toEqual([]);
	});
});

describe('resultsStillValid (saving an edit keeps or drops the saved results)', () => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const base = () => JSON.parse(JSON.stringify(kota)) as Record<string, any>;

	it('keeps results when nothing that a run depends on changed', () => {
		expect(resultsStillValid(kota, base())).toBe(true);
		const renamed = base();
		renamed.name = 'MPP Kota Bengkulu (salinan)';
		renamed.notes = ['catatan baru'];
		delete renamed.$schema;
		expect(resultsStillValid(kota, renamed)).toBe(true);
		// Saved results record the replications and seed they used; the defaults for the next run may change.
		const reseeded = base();
		reseeded.run = { ...reseeded.run, replications: 5, seed: 7 };
		expect(resultsStillValid(kota, reseeded)).toBe(true);
	});

	it('gives a scenario an identity that a renamed copy shares and a changed layout does not (what dropped results are kept by)', () => {
		const renamed = base();
		renamed.name = 'lain';
		expect(resultsIdentity(renamed)).toBe(resultsIdentity(kota));
		const fewer = base();
		fewer.counters.splice(0, 1);
		expect(resultsIdentity(fewer)).not.toBe(resultsIdentity(kota));
	});

	it('does not count key order as a change', () => {
		const reordered = Object.fromEntries(Object.entries(base()).reverse());
		reordered.demand = Object.fromEntries(Object.entries(reordered.demand as object).reverse());
		expect(resultsStillValid(kota, reordered)).toBe(true);
	});

	it('drops results when the layout, demand, policy or warm-up changed', () => {
		const fewer = base();
		fewer.counters.splice(0, 1);
		expect(resultsStillValid(kota, fewer)).toBe(false);
		const busier = base();
		busier.demand.visitorsPerDay = 500;
		expect(resultsStillValid(kota, busier)).toBe(false);
		const fifo = base();
		fifo.policy = { ...(fifo.policy ?? {}), order: 'fifo' };
		expect(resultsStillValid(kota, fifo)).toBe(false);
		const warm = base();
		warm.run = { ...warm.run, warmupMinutes: 30 };
		expect(resultsStillValid(kota, warm)).toBe(false);
		const renamedAgency = base();
		renamedAgency.agencies[0].id = 'lain';
		expect(resultsStillValid(kota, renamedAgency)).toBe(false);
		const newId = base();
		newId.id = 'kota-bengkulu-2';
		expect(resultsStillValid(kota, newId)).toBe(false);
	});
});

describe('newRecord', () => {
	it('makes a record of the current format under a new key, with the shipped id only when there is one', () => {
		const r = newRecord('Uji', { id: 'uji' }, 'duplicate', 'kota-bengkulu');
		expect(migrate(r)).toEqual(r);
		expect(r).toMatchObject({ formatVersion: RECORD_FORMAT_VERSION, name: 'Uji', origin: 'duplicate', shippedId: 'kota-bengkulu' });
		expect(newRecord('Uji', {}, 'new').key).not.toBe(r.key);
		expect('shippedId' in newRecord('Baru', {}, 'new')).toBe(false);
	});

	it('records the scenario a duplicate copies, so its original is that scenario rather than the shipped ancestor', () => {
		const copy = newRecord('Salinan', {}, 'duplicate', 'kota-bengkulu', 's-parent');
		expect(migrate(copy)).toEqual(copy);
		expect(originalRef(copy)).toBe('s-parent');
		expect(originalRef(newRecord('Salinan', {}, 'duplicate', 'lebong', 'shipped:lebong'))).toBe('shipped:lebong');
		expect(originalRef(newRecord('Impor', {}, 'imported'))).toBeUndefined();
		expect('copiedFrom' in newRecord('Baru', {}, 'new')).toBe(false);
	});
});
