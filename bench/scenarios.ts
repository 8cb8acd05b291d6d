/** The scenarios `npm run bench` measures: Kota Bengkulu as shipped, and M/M/10 at load 0.9 in continuous mode. */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/lib/model/parse';
import type { Scenario } from '../src/lib/model/scenario';
import { compileScenario } from '../src/lib/sim/compile';
import { ReplicationRun } from '../src/lib/sim/replication';
import { continuousScenario } from '../tests/fixtures/scenarios';

export type BenchModel = 'kota' | 'mm10';

function load(input: unknown): Scenario {
	const r = parseScenario(input);
	if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
	return r.scenario;
}

/** The scenario of a benchmark model. */
export function benchScenario(model: BenchModel): Scenario {
	return model === 'kota'
		? load(JSON.parse(readFileSync(new URL('../scenarios/kota-bengkulu.json', import.meta.url), 'utf8')))
		: load(continuousScenario(10, 54, 10, { minutes: 20_000, warmupMinutes: 1_000 }));
}

/** Mean number of events on the model's calendar, sampled at every event it handles (a few replications). */
export function meanPending(s: Scenario): number {
	let sum = 0;
	let n = 0;
	const model = compileScenario(s);
	for (let r = 0; r < 3; r++) {
		new ReplicationRun(model, s.run.seed, r, {
			observe: (run) => {
				sum += run.cal.pending;
				n++;
			}
		}).run();
	}
	return Math.max(1, Math.round(sum / n));
}
