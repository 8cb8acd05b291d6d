/** Colours shared by the charts (chosen for contrast on white and for colour-blind readers). */
import { interpolateYlGnBu } from 'd3';

export const COLORS = {
	withinTarget: '#0f766e',
	beyondTarget: '#b45309',
	target: '#111827',
	waiting: '#c2410c',
	waitingBand: '#fdba74',
	busy: '#1d4ed8',
	busyBand: '#93c5fd',
	staffed: '#374151',
	axis: '#374151',
	grid: '#e5e7eb',
	missing: '#f3f4f6',
	text: '#111827'
} as const;

/** Heatmap fill for a utilisation 0–1 (null: the counter was not staffed in that hour). */
export function heatColor(u: number | null): string {
	if (u === null || !Number.isFinite(u)) return COLORS.missing;
	return interpolateYlGnBu(0.05 + 0.9 * Math.min(1, Math.max(0, u)));
}

/** Relative luminance of a CSS colour in #rrggbb or rgb(r, g, b) form (WCAG definition). */
export function luminance(color: string): number {
	let rgb: number[];
	const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
	const fn = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
	if (hex) rgb = [hex[1], hex[2], hex[3]].map((h) => parseInt(h, 16));
	else if (fn) rgb = [fn[1], fn[2], fn[3]].map(Number);
	else return 1;
	const [r, g, b] = rgb.map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever contrasts more with the background colour. */
export function textOn(background: string): string {
	const l = luminance(background);
	// Contrast with white (1.05 / (l + 0.05)) vs with black ((l + 0.05) / 0.05).
	return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#ffffff' : '#111827';
}
