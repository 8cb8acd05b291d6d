/**
 * Finite by construction: every distribution validation accepts draws finite values, and a duration (service time,
 * patience) never a negative one, over the whole accepted parameter space — the largest and smallest doubles,
 * values at and past the bounds of model/limits.ts. Parameters are drawn from the full float range and kept only
 * if the scenario they sit in validates; each kept one draws a few hundred values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model/parse';
import type { Distribution } from '../../src/lib/model/distribution';
import { sampler } from '../../src/lib/sim/distributions';
import { stream } from '../../src/lib/sim/random';
import { smallScenario } from '../fixtures/scenarios';

const edge = fc.constantFrom(0, -0, 5e-324, 1e-300, 1e-9, 0.009999, 0.01, 1, 10, 10.0001, 1440, 10_080, 10_080.5, 1e12, 1.7976931348623157e308);
const anyNumber = fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -20_000, max: 20_000, noNaN: true }), edge, edge.map((x) => -x));
const cv = fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), edge);

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
	fc.record({ dist: fc.constant('fixed' as const), value: anyNumber }),
	fc.record({ dist: fc.constant('exponential' as const), mean: anyNumber }),
	fc.record({ dist: fc.constantFrom('lognormal' as const, 'gamma' as const), mean: anyNumber, cv }),
	fc.record({ dist: fc.constant('normal' as const), mean: anyNumber, sd: anyNumber }),
	fc.record({ dist: fc.constant('uniform' as const), min: anyNumber, max: anyNumber }),
	fc.tuple(anyNumber, anyNumber, anyNumber).map(([a, b, c]) => {
		const [min, mode, max] = [a, b, c].sort((x, y) => x - y);
		return { dist: 'triangular' as const, min, mode, max };
	}),
	fc.record({ dist: fc.constant('empirical' as const), values: fc.array(anyNumber, { minLength: 1, maxLength: 5 }) })
);

/** Whether validation accepts `d` where it would be used: as a service time, a patience, or a punctuality offset. */
function accepted(d: Distribution, where: 'service' | 'patience' | 'punctuality'): boolean {
	const s = smallScenario() as ReturnType<typeof smallScenario> & { demand: { online: { punctuality?: Distribution } } };
	if (where === 'service') s.agencies[0].services[0].serviceTime = d;
	else if (where === 'patience') s.demand.patience = d;
	else s.demand.online.punctuality = d;
	return parseScenario(s).ok;
}

function draws(d: Distribution, positive: boolean, seed: number): Float64Array {
	const out = new Float64Array(300);
	sampler(d, positive).fill(stream(seed, 0, 'test'), out, 0, out.length);
	return out;
}

describe('samplers over the accepted parameter space', () => {
	it('every accepted service-time or patience distribution draws finite, non-negative durations', () => {
		let kept = 0;
		fc.assert(
			fc.property(distribution, fc.constantFrom('service' as const, 'patience' as const), fc.nat(), (d, where, seed) => {
				if (!accepted(d, where)) return;
				kept++;
				for (const x of draws(d, true, seed)) {
					expect(Number.isFinite(x), `${JSON.stringify(d)} drew ${x}`).toBe(true);
					expect(x).toBeGreaterThanOrEqual(0);
				}
			}),
			{ numRuns: 3000 }
		);
		// The property means little if validation rejected nearly everything drawn.
		expect(kept).toBeGreaterThan(300);
	});

	it('every accepted punctuality distribution draws finite offsets', () => {
		fc.assert(
			fc.property(distribution, fc.nat(), (d, seed) => {
				if (!accepted(d, 'punctuality')) return;
				for (const x of draws(d, false, seed)) expect(Number.isFinite(x), `${JSON.stringify(d)} drew ${x}`).toBe(true);
			}),
			{ numRuns: 1500 }
		);
	});
});
