import { describe, expect, it } from 'vitest';
import { looseKey, ServiceMatcher, slugId } from '../../src/lib/calibrate/logIds';
import { parseScenario } from '../../src/lib/model/parse';
import { readFileSync } from 'node:fs';

const lebong = (() => {
	const r = parseScenario(JSON.parse(readFileSync('scenarios/lebong.json', 'utf8')));
	if (!r.ok) throw new Error('lebong.json is invalid');
	return r.scenario;
})();

describe('slugId', () => {
	it('makes a valid scenario id of any text, accents and punctuation included', () => {
		for (const text of ['Dinas Kependudukan & Capil', 'Pelayanan KTP-el', 'Késehatan', '  ', '—', 'a'.repeat(200)]) {
			expect(slugId(text)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
			expect(slugId(text).length).toBeLessThanOrEqual(48);
		}
		expect(slugId('Dinas Kependudukan & Capil')).toBe('dinas-kependudukan-capil');
		expect(slugId('Késehatan')).toBe('kesehatan');
	});

	it('avoids ids already taken with a numeric suffix', () => {
		expect(slugId('KTP', new Set(['ktp', 'ktp-2']))).toBe('ktp-3');
	});
});

describe('ServiceMatcher', () => {
	const m = new ServiceMatcher(lebong);
	const a = lebong.agencies[0];
	const s = a.services[0];

	it('finds a service by its id or its name, ignoring case and punctuation', () => {
		expect(m.find(a.id, s.id)).toEqual({ agency: a.id, service: s.id, index: 0 });
		expect(m.find(a.name.toUpperCase(), ` ${s.name} `)?.service).toBe(s.id);
		expect(m.find(a.ticketPrefix, s.name)?.agency).toBe(a.id);
	});

	it('gives null for a service the scenario does not have', () => {
		expect(m.find(a.id, 'no such service at all')).toBeNull();
	});

	it('numbers services in scenario order, agency by agency', () => {
		const last = lebong.agencies.at(-1)!;
		const total = lebong.agencies.reduce((n, x) => n + x.services.length, 0);
		expect(m.find(last.id, last.services.at(-1)!.id)?.index).toBe(total - 1);
	});

	it('compares keys loosely', () => {
		expect(looseKey('KTP-el Baru')).toBe(looseKey('ktp el  baru'));
	});
});
