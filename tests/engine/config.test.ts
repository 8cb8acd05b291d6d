import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configProblems, engineConfigOf } from '../../src/lib/engine/config';
import type { EngineConfig } from '../../src/lib/engine/types';
import { mustParse, smallScenario } from '../fixtures/scenarios';

const shipped = ['kota-bengkulu', 'lebong', 'seluma'].map((name) => mustParse(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'))));

describe('engineConfigOf', () => {
	it('defaults a counter without a profile by the policy, and resolves serves in scenario order', () => {
		const input = smallScenario();
		input.policy = { order: 'fifo' };
		input.counters[1].serves = ['bapenda', 'dukcapil/ktp'];
		const config = engineConfigOf(mustParse(input));
		expect(config.agencies).toEqual([
			{ id: 'dukcapil', ticketPrefix: 'A', services: ['kk', 'ktp'] },
			{ id: 'bapenda', ticketPrefix: 'B', services: ['pbb'] }
		]);
		expect(config.counters[1].serves).toEqual([
			{ agency: 'dukcapil', service: 'ktp' },
			{ agency: 'bapenda', service: 'pbb' }
		]);
		expect(config.counters.map((c) => c.profile)).toEqual([['priority', 'dukcapil'], ['bapenda', '*'], ['*']]);
	});
});

describe('configProblems', () => {
	it('finds none in a validated scenario', () => {
		for (const s of [mustParse(smallScenario()), ...shipped]) expect(configProblems(engineConfigOf(s))).toEqual([]);
	});

	it('names each clash and each name that names nothing', () => {
		const config: EngineConfig = {
			agencies: [
				{ id: 'dukcapil', ticketPrefix: 'A', services: ['kk', 'kk'] },
				{ id: 'dukcapil', ticketPrefix: '', services: [] }
			],
			counters: [{ id: 'L01', serves: [{ agency: 'dukcapil', service: 'kk' }], profile: ['priority', 'dukcapil/kk', 'dukcapil', '*', 'dukcapil/ktp'] }]
		};
		expect(configProblems(config)).toEqual([
			'agency "dukcapil" lists service "kk" twice',
			'agency "dukcapil" is listed twice',
			'agency "dukcapil" has an empty ticket prefix',
			'agency "dukcapil" has no services',
			'counter "L01" has work-profile entry "dukcapil/ktp", which names no agency or service'
		]);
		expect(configProblems({ agencies: [], counters: [] })).toEqual(['a hall needs at least one agency', 'a hall needs at least one counter']);
	});
});
