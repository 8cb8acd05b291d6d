/**
 * A Svelte action that draws a d3 axis into an SVG <g>, redrawn when its parameters change. Tick labels get
 * a readable size and inherit the page's font; `grid` draws light grid lines across the plot (left axes).
 * (The results dashboard uses Axis.svelte instead, which only touches ticks that change: cheaper for charts
 * that redraw several times a second while a run is going.)
 */
import { axisBottom, axisLeft, select } from 'd3';

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
