/** Pure helpers for the intraday arrival-profile chart: axis top, drag and keyboard steps, shares. */

/** A "nice" number (1, 2 or 5 times a power of ten) at or above x. */
export function niceCeil(x: number): number {
	if (!(x > 0) || !Number.isFinite(x)) return 1;
	const p = 10 ** Math.floor(Math.log10(x));
	for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-12) return m * p;
	return 10 * p;
}

/** A "nice" step (1, 2 or 5 times a power of ten) nearest to x from below or equal. */
export function niceStep(x: number): number {
	if (!(x > 0) || !Number.isFinite(x)) return 1;
	const p = 10 ** Math.floor(Math.log10(x));
	let best = p;
	for (const m of [1, 2, 5]) if (m * p <= x + 1e-12) best = m * p;
	return best;
}

/** The top of the weight axis: a nice number with some headroom above the largest weight. */
export function profileAxisMax(weights: readonly unknown[]): number {
	const max = Math.max(0, ...weights.map((w) => (typeof w === 'number' && Number.isFinite(w) ? w : 0)));
	return niceCeil(max > 0 ? max * 1.25 : 10);
}

/** How finely a drag sets a weight: about one twenty-fifth of the axis, as a nice step. */
export function dragGrain(axisMax: number): number {
	return niceStep(axisMax / 25);
}

/** Rounds to a multiple of `grain` without floating-point dust (0.30000000000000004). */
export function roundTo(x: number, grain: number): number {
	return Number((Math.round(x / grain) * grain).toFixed(10));
}

/**
 * The weight a pointer sets on a bar. `y` is the pointer's position and `bottom`/`height` the plot's bottom
 * edge and height in the same units (y grows downwards, as on screen); the result is clamped to [0, axisMax]
 * and rounded to the drag grain.
 */
export function weightFromPointer(y: number, bottom: number, height: number, axisMax: number): number {
	if (!(height > 0)) return 0;
	const frac = Math.min(1, Math.max(0, (bottom - y) / height));
	return roundTo(frac * axisMax, dragGrain(axisMax));
}

/** A weight after an arrow key (±1 step) or Page Up/Down (±10 steps); never below zero. */
export function stepWeight(w: unknown, direction: 1 | -1, big: boolean, axisMax: number): number {
	const grain = dragGrain(axisMax) * (big ? 10 : 1);
	const base = typeof w === 'number' && Number.isFinite(w) ? w : 0;
	return Math.max(0, roundTo(base + direction * grain, dragGrain(axisMax)));
}

/** Each weight's share of the total (zeros when the total is not positive). */
export function shares(weights: readonly unknown[]): number[] {
	const ws = weights.map((w) => (typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0));
	const total = ws.reduce((s, w) => s + w, 0);
	return ws.map((w) => (total > 0 ? w / total : 0));
}
