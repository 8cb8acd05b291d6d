import { describe, expect, it } from 'vitest';
import { entryExists, resolveServes, splitEntry } from '../../src/lib/model/serves';
import { mustParse, smallScenario } from '../fixtures/scenarios';

describe('resolveServes', () => {
	const s = mustParse(smallScenario());
	it('expands an agency to all its services', () => {
		expect(resolveServes(s, { serves: ['dukcapil'] })).toEqual([
			{ agency: 'dukcapil', service: 'kk' },
			{ agency: 'dukcapil', service: 'ktp' }
		]);
	});
	it('takes single services and whole agencies together, each pair once, in scenario order', () => {
		expect(resolveServes(s, { serves: ['bapenda', 'dukcapil/ktp', 'bapenda/pbb'] })).toEqual([
			{ agency: 'dukcapil', service: 'ktp' },
			{ agency: 'bapenda', service: 'pbb' }
		]);
		expect(resolveServes(s, { serves: ['dukcapil/kk', 'dukcapil'] })).toEqual(resolveServes(s, { serves: ['dukcapil'] }));
	});
	it('ignores entries that name nothing', () => {
		expect(resolveServes(s, { serves: ['nope', 'dukcapil/nope', 'nope/kk'] })).toEqual([]);
	});
	it('resolves the fixture counters', () => {
		expect(s.counters.map((c) => resolveServes(s, c).length)).toEqual([2, 2, 1]);
	});
});

describe('entries', () => {
	it('split at the first slash', () => {
		expect(splitEntry('a')).toEqual({ agency: 'a' });
		expect(splitEntry('a/b')).toEqual({ agency: 'a', service: 'b' });
		expect(splitEntry('a/b/c')).toEqual({ agency: 'a', service: 'b/c' });
	});
	it('exist when the agency (and service) exist', () => {
		const s = mustParse(smallScenario());
		expect(entryExists(s, 'dukcapil')).toBe(true);
		expect(entryExists(s, 'dukcapil/kk')).toBe(true);
		expect(entryExists(s, 'bapenda/kk')).toBe(false);
		expect(entryExists(s, 'dukcapl')).toBe(false);
		expect(entryExists(s, 'dukcapil/')).toBe(false);
	});
});
