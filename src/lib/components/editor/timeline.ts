/** Pure layout of the day timeline: each counter's on-duty spans on one day of the calendar. */
import { CLOCK_PATTERN, parseClock, splitEntry } from '$lib/model';

export interface Span {
	start: number;
	end: number;
}

export interface DayHours {
	open: number;
	lastTicket: number;
	close: number;
	breaks: Span[];
}

export interface TimelineRow {
	id: string;
	name: string;
	/** The agency the counter serves first (for its colour). */
	agency: string;
	/** True when the counter has its own shifts; otherwise it follows the opening hours, minus breaks. */
	ownShifts: boolean;
	spans: Span[];
}

function clock(x: unknown): number | undefined {
	return typeof x === 'string' && CLOCK_PATTERN.test(x) ? parseClock(x) : undefined;
}

function pairs(x: unknown): Span[] {
	if (!Array.isArray(x)) return [];
	const out: Span[] = [];
	for (const p of x) {
		if (!Array.isArray(p)) continue;
		const start = clock(p[0]);
		const end = clock(p[1]);
		if (start !== undefined && end !== undefined && end > start) out.push({ start, end });
	}
	return out.sort((a, b) => a.start - b.start);
}

/** Opening hours of a day as minutes, or undefined when they are not valid times. */
export function dayHours(h: unknown): DayHours | undefined {
	if (typeof h !== 'object' || h === null) return undefined;
	const r = h as Record<string, unknown>;
	const open = clock(r.open);
	const close = clock(r.close);
	const lastTicket = clock(r.lastTicket);
	if (open === undefined || close === undefined || close <= open) return undefined;
	return { open, close, lastTicket: lastTicket ?? close, breaks: pairs(r.breaks) };
}

/** [start, end] minus the given breaks. */
export function subtract(span: Span, breaks: readonly Span[]): Span[] {
	let parts: Span[] = [span];
	for (const b of breaks) {
		parts = parts.flatMap((p) => {
			if (b.end <= p.start || b.start >= p.end) return [p];
			const out: Span[] = [];
			if (b.start > p.start) out.push({ start: p.start, end: b.start });
			if (b.end < p.end) out.push({ start: b.end, end: p.end });
			return out;
		});
	}
	return parts;
}

/** One row per counter: its shifts, or the day's opening hours minus breaks when it has none. */
export function timelineRows(counters: readonly unknown[], hours: DayHours): TimelineRow[] {
	return counters.map((c, i) => {
		const r = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
		const id = typeof r.id === 'string' ? r.id : `#${i + 1}`;
		const serves = Array.isArray(r.serves) ? r.serves : [];
		const first = typeof serves[0] === 'string' ? splitEntry(serves[0]).agency : '';
		const own = Array.isArray(r.shifts);
		return {
			id,
			name: typeof r.name === 'string' ? r.name : '',
			agency: first,
			ownShifts: own,
			spans: own ? pairs(r.shifts) : subtract({ start: hours.open, end: hours.close }, hours.breaks)
		};
	});
}

/** The hour-aligned range a timeline shows: opening hours and every shift. */
export function timelineRange(hours: DayHours, rows: readonly TimelineRow[]): Span {
	let start = hours.open;
	let end = hours.close;
	for (const r of rows) for (const s of r.spans) {
		start = Math.min(start, s.start);
		end = Math.max(end, s.end);
	}
	return { start: Math.floor(start / 60) * 60, end: Math.ceil(end / 60) * 60 };
}
