/**
 * Outputs pinned byte for byte: the summary JSON of the shipped scenarios and an M/M/10 hall, and the three CSVs
 * of a Lebong run, as the CLI writes them. A refactor that changes none of the semantics leaves these files
 * alone; a change that does regenerates them (`UPDATE_GOLDEN=1 npx vitest run tests/golden`) and says why.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hourlyCsv, summaryCsv, visitsCsv } from '../../src/lib/export/csv';
import { summaryJson } from '../../src/lib/export/json';
import { parseScenarioText } from '../../src/lib/model/parse';
import type { Scenario } from '../../src/lib/model/scenario';
import { runInProcess, summarizeRun } from '../../src/lib/sim/run';

const root = new URL('../..', import.meta.url).pathname;
const here = join(root, 'tests/golden');
const update = process.env.UPDATE_GOLDEN === '1';

function load(file: string): Scenario {
	const parsed = parseScenarioText(readFileSync(join(root, file), 'utf8'), file);
	if (!parsed.ok) throw new Error(`${file} is not valid`);
	return parsed.scenario;
}

function pinned(name: string, text: string): void {
	const file = join(here, name);
	if (update || !existsSync(file)) writeFileSync(file, text);
	expect(text === readFileSync(file, 'utf8'), `${name} differs from its golden copy`).toBe(true);
}

describe('golden outputs', () => {
	it.each([
		['scenarios/kota-bengkulu.json', 4, 7, 'kota-bengkulu.r4s7.json'],
		['scenarios/seluma.json', 3, 11, 'seluma.r3s11.json'],
		['tests/golden/mm10-short.json', 3, 5, 'mm10-short.r3s5.json']
	] as const)('%s (%i replications, seed %i) gives its pinned summary JSON', (file, reps, seed, golden) => {
		const scenario = load(file);
		pinned(golden, summaryJson(summarizeRun(scenario, seed, runInProcess(scenario, seed, reps))));
	});

	it('a Lebong run gives its pinned visits.csv, summary.csv and hourly.csv', () => {
		const scenario = load('scenarios/lebong.json');
		const results = runInProcess(scenario, 3, 2, { keepLegs: true });
		const run = summarizeRun(scenario, 3, results);
		mkdirSync(join(here, 'lebong.r2s3'), { recursive: true });
		pinned('lebong.r2s3/visits.csv', visitsCsv(results.flatMap((r) => r.legs ?? [])));
		pinned('lebong.r2s3/summary.csv', summaryCsv(run));
		pinned('lebong.r2s3/hourly.csv', hourlyCsv(run));
	});
});
