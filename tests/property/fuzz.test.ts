/**
 * The fuzz suite of the hardening work: scenarios whose numbers range over the whole float range — the largest and
 * smallest doubles, zero, negatives, values at and just past the bounds of model/limits.ts — go through validation
 * and, when accepted, a one-replication run. The outcome is always one of two: a rejection whose every error names
 * a JSON path, or a finite, sane summary. A hang would run past the test's time-out; a crash fails the property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import { runInProcess, summarizeRun } from '../../src/lib/sim/run';
import type { RunSummary } from '../../src/lib/stats/runSummary';
import { continuousScenario, smallScenario } from '../fixtures/scenarios';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a number in a JSON value. */
function numberPaths(v: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
	if (typeof v === 'number') out.push(at);
	else if (Array.isArray(v)) v.forEach((x, i) => numberPaths(x, [...at, i], out));
	else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) numberPaths(x, [...at, k], out);
	return out;
}

function setAt(v: Json, path: Array<string | number>, x: number): void {
	let o = v as Record<string | number, Json>;
	for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, Json>;
	o[path[path.length - 1]] = x;
}

const edge = fc.constantFrom(0, -0, 5e-324, 1e-300, 1e-9, 0.5, 1, 2, 10, 100, 1440, 10_080, 10_081, 1e5, 1e7, 1e12, 1e200, 1.7976931348623157e308);
const anyNumber = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -2e4, max: 2e4, noNaN: true }), edge, edge.map((x) => -x));

/** A base scenario with one to three of its numbers replaced. */
function mutated(base: () => Json): fc.Arbitrary<Json> {
	const paths = numberPaths(base());
	return fc.array(fc.tuple(fc.nat(paths.length - 1), anyNumber), { minLength: 1, maxLength: 3 }).map((changes) => {
		const s = base();
		for (const [i, x] of changes) setAt(s, paths[i], x);
		return s;
	});
}

/** The summary's numbers are finite (or null where undefined) and hang together. */
function expectSane(run: RunSummary): void {
	const o = run.overall;
	for (const m of [o.arrived, o.served, o.abandoned, o.waitMean, o.waitP90, o.utilization]) {
		if (m.mean !== null) expect(Number.isFinite(m.mean)).toBe(true);
	}
	expect(o.arrived.mean).not.toBeNull();
	expect(o.served.mean!).toBeLessThanOrEqual(o.arrived.mean!);
	if (o.waitMean.mean !== null) expect(o.waitMean.mean).toBeGreaterThanOrEqual(0);
	if (o.utilization.mean !== null) expect(o.utilization.mean).toBeLessThanOrEqual(1 + 1e-9);
	expect(JSON.stringify(run)).not.toMatch(/NaN|Infinity/);
}

function check(input: Json): void {
	const r = parseScenario(input);
	if (!r.ok) {
		for (const e of r.errors) {
			expect(e.message.length).toBeGreaterThan(0);
			expect(e.path, `an error without a path: ${e.message}`).not.toBe('');
		}
		return;
	}
	const results = runInProcess(r.scenario, r.scenario.run.seed, 1);
	expectSane(summarizeRun(r.scenario, r.scenario.run.seed, results));
}

describe('fuzz: any number, anywhere in a scenario', () => {
	it('a working-day scenario is either rejected at a path or runs to a finite, sane summary', () => {
		fc.assert(fc.property(mutated(() => smallScenario() as unknown as Json), check), { numRuns: 300 });
	}, 120_000);

	it('a continuous scenario is either rejected at a path or runs to a finite, sane summary', () => {
		fc.assert(fc.property(mutated(() => continuousScenario(3, 20, 8) as unknown as Json), check), { numRuns: 150 });
	}, 120_000);
});
