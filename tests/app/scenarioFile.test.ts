import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/lib/components/scenarios/scenarioFile';
import lebong from '../../scenarios/lebong.json';

const file = (name: string, text: string | Error) => ({ name, text: () => (text instanceof Error ? Promise.reject(text) : Promise.resolve(text)) });

describe('readScenarioFile', () => {
	it('keeps a valid file’s JSON as written, named by the scenario', async () => {
		const r = await readScenarioFile(file('x.json', JSON.stringify(lebong)));
		expect(r).toEqual({ ok: true, name: lebong.name, json: lebong });
	});

	it('names the file in every error: unreadable, not JSON, not a valid scenario', async () => {
		const unreadable = await readScenarioFile(file('a.json', new Error('disk gone')));
		expect(unreadable).toMatchObject({ ok: false, file: 'a.json', errors: [{ path: '', message: 'disk gone', file: 'a.json' }] });
		const broken = await readScenarioFile(file('b.json', '{ nope'));
		expect(broken).toMatchObject({ ok: false, file: 'b.json' });
		const invalid = await readScenarioFile(file('c.json', JSON.stringify({ ...lebong, counters: 'none' })));
		expect(invalid.ok).toBe(false);
		if (!invalid.ok) expect(invalid.errors.every((e) => e.file === 'c.json' && e.path !== undefined)).toBe(true);
	});
});
