import { describe, expect, it } from 'vitest';
import { dragGrain, niceCeil, niceStep, profileAxisMax, roundTo, shares, stepWeight, weightFromPointer } from '../../src/lib/components/editor/profileMath';

describe('axis', () => {
	it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
		expect(niceCeil(11)).toBe(20);
		expect(niceCeil(13.75)).toBe(20);
		expect(niceCeil(2.1)).toBe(2.5);
		expect(niceCeil(0.07)).toBeCloseTo(0.1, 12);
		expect(niceStep(0.8)).toBe(0.5);
		expect(niceStep(2.4)).toBe(2);
	});

	it('leaves headroom above the largest weight', () => {
		expect(profileAxisMax([7, 9, 11])).toBe(20);
		expect(profileAxisMax([])).toBe(10);
		expect(profileAxisMax(['x', null])).toBe(10);
	});
});

describe('dragging a bar', () => {
	// A plot 200 units high whose bottom edge is at y = 220, axis 0–20 (grain 0.5).
	const at = (y: number) => weightFromPointer(y, 220, 200, 20);
	it('maps the pointer height to a weight', () => {
		expect(dragGrain(20)).toBe(0.5);
		expect(at(220)).toBe(0);
		expect(at(120)).toBe(10);
		expect(at(20)).toBe(20);
		expect(at(123)).toBe(9.5);
	});
	it('clamps outside the plot', () => {
		expect(at(400)).toBe(0);
		expect(at(-50)).toBe(20);
	});
});

describe('keyboard steps', () => {
	it('moves by one grain, Page keys by ten, never below zero', () => {
		expect(stepWeight(7, 1, false, 20)).toBe(7.5);
		expect(stepWeight(7, -1, true, 20)).toBe(2);
		expect(stepWeight(0.2, -1, false, 20)).toBe(0);
		expect(stepWeight(undefined, 1, false, 20)).toBe(0.5);
	});
	it('rounds without floating-point dust', () => {
		expect(roundTo(0.1 + 0.2, 0.1)).toBe(0.3);
	});
});

describe('shares', () => {
	it('are each weight over the total, ignoring what is not a positive number', () => {
		expect(shares([1, 3])).toEqual([0.25, 0.75]);
		expect(shares([0, 0])).toEqual([0, 0]);
		expect(shares([2, -1, 'x', 2])).toEqual([0.5, 0, 0, 0.5]);
	});
});
