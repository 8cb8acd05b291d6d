/** The portable elementary functions agree with the engine's own within an ulp or two. */
import { describe, expect, it } from 'vitest';
import { cotPi, exp, log, log1p, powPositive } from '../../src/lib/stats/portableMath';
import { stream } from '../../src/lib/sim/random';

const ulps = (a: number, b: number) => Math.abs(a - b) / (Math.abs(b) * Number.EPSILON || Number.MIN_VALUE);

describe('portable math', () => {
	const rng = stream(1, 0, 'portable-math');
	const xs = Array.from({ length: 20_000 }, (_, i) => {
		const u = rng();
		return i % 4 === 0 ? u : i % 4 === 1 ? u * 1e3 : i % 4 === 2 ? Math.exp((u - 0.5) * 1400) : u * 1e-300;
	});

	it('log agrees with Math.log within 1 ulp, and handles the edges', () => {
		let worst = 0;
		for (const x of xs) worst = Math.max(worst, ulps(log(x), Math.log(x)));
		expect(worst).toBeLessThanOrEqual(1);
		expect(log(1)).toBe(0);
		expect(log(0)).toBe(-Infinity);
		expect(log(-1)).toBeNaN();
		expect(log(Infinity)).toBe(Infinity);
		expect(log(Math.E)).toBeCloseTo(1, 15);
	});

	it('exp agrees with Math.exp within 1 ulp, and handles the edges', () => {
		let worst = 0;
		for (const x of xs) {
			const y = Math.log(x);
			worst = Math.max(worst, ulps(exp(y), Math.exp(y)), ulps(exp(-y / 3), Math.exp(-y / 3)));
		}
		expect(worst).toBeLessThanOrEqual(1);
		expect(exp(0)).toBe(1);
		expect(exp(-Infinity)).toBe(0);
		expect(exp(800)).toBe(Infinity);
		expect(exp(-800)).toBe(0);
		expect(exp(-740)).toBeCloseTo(Math.exp(-740), 320);
		expect(exp(NaN)).toBeNaN();
	});

	it("exp gives fdlibm's bits exactly, whatever the engine", () => {
		// A fingerprint of exp's bits over 200,000 arguments (underflow to overflow, and the common small ones),
		// taken from the bit-level fdlibm port this exp replaced: every engine must give exactly these bits.
		const r = stream(1, 0, 'exp-bits');
		const b = new Float64Array(1);
		const w = new Uint32Array(b.buffer);
		let h = 2166136261;
		for (let i = 0; i < 200_000; i++) {
			b[0] = exp(i % 2 ? (r() - 0.5) * 8 : -745.2 + r() * 1455);
			h = Math.imul(h ^ w[0], 16777619) >>> 0;
			h = Math.imul(h ^ w[1], 16777619) >>> 0;
		}
		expect(h).toBe(835824332);
		// The scaling paths at both ends: 2^1024 in two steps, and results below the normal range.
		expect(exp(709.7)).toBe(1.6549840276802644e308);
		expect(exp(-740)).toBe(4.2e-322);
	});

	it('log1p, powPositive and cotPi are accurate', () => {
		for (const x of [1e-18, 1e-10, 1e-5, 0.3, 5, -0.5]) expect(ulps(log1p(x), Math.log1p(x))).toBeLessThanOrEqual(2);
		for (const [x, y] of [[2, 0.5], [0.3, 3.7], [10, -2]]) expect(ulps(powPositive(x, y), Math.pow(x, y))).toBeLessThan(64);
		// cot(π·0.025) = tan(0.475π) = 12.706204736174705, the t quantile for 1 degree of freedom.
		expect(cotPi(0.025)).toBeCloseTo(12.706204736174705, 12);
		for (const p of [0.01, 0.1, 0.2, 0.3, 0.45]) expect(ulps(cotPi(p), 1 / Math.tan(Math.PI * p))).toBeLessThan(16);
	});
});
