import { describe, expect, it } from 'vitest';
import { looksLikeSummary, openRunScenario } from '../../../src/lib/run/runPageScenario';
import { runInProcess, summarizeRun } from '../../../src/lib/sim/run';
import { mustParse, smallScenario } from '../../fixtures/scenarios';

describe('the run page scenario', () => {
	const scenario = mustParse(smallScenario());
	const summary = summarizeRun(scenario, 3, runInProcess(scenario, 3, 2));

	it('takes saved results only when they are a run summary of this scenario', () => {
		expect(looksLikeSummary(JSON.parse(JSON.stringify(summary)), scenario)).toBe(true);
		expect(looksLikeSummary(summary, mustParse({ ...smallScenario(), id: 'another' }))).toBe(false);
		const { trace: _trace, ...older } = summary;
		for (const damaged of [older, { ...summary, replications: '2' }, { ...summary, agencies: {} }, null, 'summary', 42]) {
			expect(looksLikeSummary(damaged, scenario)).toBe(false);
		}
	});

	it('says there is nothing to run without a ref, before opening any store', async () => {
		expect(await openRunScenario(null)).toEqual({ kind: 'missing', reason: 'noRef', ref: '' });
		expect(await openRunScenario('')).toEqual({ kind: 'missing', reason: 'noRef', ref: '' });
	});
});
