/**
 * A Svelte action that draws a d3 axis into an SVG <g>, redrawn when its parameters change. Tick labels get
 * a readable size and inherit the page's font; `grid` draws light grid lines across the plot (left axes).
 * (The results dashboard uses Axis.svelte instead, which only touches ticks that change: cheaper for charts
 * that redraw several times a second while a run is going.)
 */
import { axisBottom, axisLeft, precisionFixed, select } from 'd3';
import { formatNumber } from '$lib/i18n/format';

/** A scale the axis can read: d3's continuous and band scales fit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyScale = any;

export interface AxisParams {
	scale: AnyScale;
	orient: 'bottom' | 'left';
	tickValues?: Array<number | string>;
	ticks?: number;
	/** A count axis: only whole-number ticks (a short range would otherwise label 22.5 as "23" beside 23). */
	integer?: boolean;
	/** Tick labels (default: numbers in the reader's locale with the decimals the tick step needs, `tickNumber`). */
	format?: (d: never) => string;
	/** Length of grid lines across the plot (0: none). */
	grid?: number;
	/** Anything the labels depend on besides the scale (e.g. the language): a change redraws the axis. */
	key?: unknown;
	/** Hide the domain line. */
	noDomain?: boolean;
}

/** About `count` ticks of a continuous scale, keeping only the whole numbers among them. */
export function integerTicks(scale: { ticks(count: number): number[] }, count: number): number[] {
	return scale.ticks(count).filter((t) => Number.isInteger(t));
}

/**
 * Decimals that tell ticks apart: none for a step of 1 or more, one for 0.5 or 0.2, two for 0.05 … (at most 3).
 * Rounded to whole numbers, ticks 0, 0.5, 1, 1.5 read "0, 1, 1, 2": the same label for different values.
 */
export function tickDigits(ticks: readonly number[]): number {
	let step = Infinity;
	for (let i = 1; i < ticks.length; i++) step = Math.min(step, Math.abs(ticks[i] - ticks[i - 1]));
	return Number.isFinite(step) && step > 0 ? Math.min(3, precisionFixed(step)) : 0;
}

/** A tick label formatter for these ticks: the reader's locale, the decimals `tickDigits` says. */
export function tickNumber(ticks: readonly number[]): (d: number) => string {
	const digits = tickDigits(ticks);
	return (d) => formatNumber(d, digits);
}

/** Every how many slots of `slotPx` a label of about `labelPx` fits (1: every slot). */
export function labelStride(labelPx: number, slotPx: number): number {
	return Math.max(1, Math.ceil(labelPx / slotPx));
}

function draw(node: SVGGElement, p: AxisParams): void {
	const ax = p.orient === 'bottom' ? axisBottom(p.scale) : axisLeft(p.scale);
	if (p.tickValues) ax.tickValues(p.tickValues as never[]);
	else if (p.integer) ax.tickValues(integerTicks(p.scale, p.ticks ?? 10));
	else if (p.ticks !== undefined) ax.ticks(p.ticks);
	if (p.format) ax.tickFormat(p.format as never);
	else if (typeof p.scale.ticks === 'function') {
		const values = (p.tickValues as number[] | undefined) ?? (p.integer ? integerTicks(p.scale, p.ticks ?? 10) : p.scale.ticks(p.ticks ?? 10));
		ax.tickFormat(tickNumber(values) as never);
	}
	if (p.grid) ax.tickSizeInner(-p.grid);
	ax.tickSizeOuter(0).tickPadding(6);
	const g = select(node);
	g.call(ax as never);
	g.attr('font-size', 12).attr('font-family', null);
	g.selectAll('.tick text').attr('fill', '#374151');
	if (p.grid) g.selectAll('.tick line').attr('stroke', '#e5e7eb');
	else g.selectAll('.tick line').attr('stroke', '#6b7280');
	g.select('.domain').attr('stroke', p.noDomain ? 'none' : '#6b7280');
}

export function axis(node: SVGGElement, params: AxisParams) {
	draw(node, params);
	return {
		update(next: AxisParams) {
			draw(node, next);
		}
	};
}
