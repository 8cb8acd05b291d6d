import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProfile, defaultProfile } from '../../src/lib/engine/profiles';

// Four services: dukcapil/kk (0), dukcapil/ktp (1), bapenda/pbb (2), samsat/pkb (3).
const keys = ['dukcapil/kk', 'dukcapil/ktp', 'bapenda/pbb', 'samsat/pkb'];
const agencyOf = ['dukcapil', 'dukcapil', 'bapenda', 'samsat'];
const serving = (...indices: number[]) => Uint8Array.from(keys, (_, i) => (indices.includes(i) ? 1 : 0));
const services = (profile: string[], serves: Uint8Array) => compileProfile(profile, keys, agencyOf, serves).map((e) => [e.label, e.priorityOnly, [...e.services]]);

describe('defaultProfile', () => {
	it('puts the priority class first under priority-first, and calls by age alone under fifo', () => {
		expect(defaultProfile('priority-first')).toEqual(['priority', '*']);
		expect(defaultProfile('fifo')).toEqual(['*']);
	});
});

describe('compileProfile', () => {
	it('turns each entry into the services it covers among those the counter serves', () => {
		expect(services(['priority', 'bapenda', 'dukcapil/ktp', '*'], serving(1, 2))).toEqual([
			['priority', true, [1, 2]],
			['bapenda', false, [2]],
			['dukcapil/ktp', false, [1]],
			['*', false, [1, 2]]
		]);
	});

	it('compiles an entry naming nothing the counter serves to an empty list (validation reports it; the engine stays total)', () => {
		expect(services(['dukcapil', 'samsat/pkb', 'imigrasi', 'dukcapil/paspor'], serving(2))).toEqual([
			['dukcapil', false, []],
			['samsat/pkb', false, []],
			['imigrasi', false, []],
			['dukcapil/paspor', false, []]
		]);
	});

	it('leaves every entry without a line until the engine assigns one', () => {
		expect(compileProfile(['*'], keys, agencyOf, serving(0)).map((e) => e.line)).toEqual([-1]);
	});

	it('property: every entry lists only services the counter serves, in scenario order, and "*" lists them all', () => {
		const entry = fc.constantFrom('priority', '*', 'dukcapil', 'bapenda', 'samsat', 'imigrasi', ...keys);
		fc.assert(
			fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (profile, flags) => {
				const serves = Uint8Array.from(flags, (f) => (f ? 1 : 0));
				const served = keys.map((_, i) => i).filter((i) => serves[i]);
				for (const e of compileProfile(profile, keys, agencyOf, serves)) {
					const list = [...e.services];
					expect(list.every((i) => serves[i] === 1)).toBe(true);
					expect(list).toEqual([...list].sort((a, b) => a - b));
					if (e.label === '*' || e.label === 'priority') expect(list).toEqual(served);
					expect(e.priorityOnly).toBe(e.label === 'priority');
				}
			})
		);
	});
});
