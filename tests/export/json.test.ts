import { describe, expect, it } from 'vitest';
import { summaryJson } from '../../src/lib/export/json';
import { aggregate } from '../../src/lib/stats/runAccumulator';
import { summarizeReplication } from '../../src/lib/stats/replicationSummary';
import { smallOutput, smallScenario } from '../stats/fixtures';

describe('summaryJson', () => {
	const scenario = smallScenario();
	const run = aggregate(scenario, [0, 1].map((r) => summarizeReplication(scenario, smallOutput(r))), 5);

	it('is pretty JSON that parses back to the run', () => {
		const json = summaryJson(run);
		expect(json.startsWith('{\n  "scenario": "uji-kecil",\n  "name": "Uji kecil",\n  "seed": 5,')).toBe(true);
		expect(json.endsWith('}\n')).toBe(true);
		expect(JSON.parse(json)).toEqual(run);
	});

	it('holds null, never NaN, for undefined values', () => {
		const json = summaryJson(run);
		expect(json).not.toMatch(/NaN|Infinity/);
		expect(json).toContain('"mean": null');
	});
});
