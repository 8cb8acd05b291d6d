/**
 * The what-if editor's rows: one change as the form holds it (every field present, so inputs can bind), and the
 * conversions to and from the shared what-if model (`WhatIf`, $lib/planning/variants) that the variants are run
 * and kept as. A variant is a list of such changes, applied in order.
 */
import type { MovedShifts, WhatIf } from '$lib/planning/variants';

export type Kind = WhatIf['kind'];

/** The kinds of change the editor offers, in its list's order. */
export const KINDS: readonly Kind[] = ['counters', 'move', 'demand', 'serviceTime', 'workProfile', 'order', 'atClose'];

/** One change as the form holds it. */
export interface WhatIfRow {
	kind: Kind;
	agency: string;
	delta: number;
	/** Where moved counters go (kind 'move'; `agency` is where they come from). */
	to: string;
	count: number;
	shifts: MovedShifts;
	factor: number;
	profile: 'default' | 'priority-first' | 'no-priority';
	order: 'priority-first' | 'fifo';
	atClose: 'serve-waiting' | 'send-home';
}

/** A new change row for a scenario with these agency ids: one counter fewer for the first agency. */
export function newRow(agencies: readonly string[]): WhatIfRow {
	const first = agencies[0] ?? '';
	return {
		kind: 'counters',
		agency: first,
		delta: -1,
		to: agencies.find((a) => a !== first) ?? first,
		count: 1,
		shifts: 'take',
		factor: 1.2,
		profile: 'default',
		order: 'fifo',
		atClose: 'send-home'
	};
}

/** The what-if a row describes (numbers as typed: the variant model refuses what it cannot apply). */
export function toWhatIf(r: WhatIfRow): WhatIf {
	switch (r.kind) {
		case 'counters':
			return { kind: 'counters', agency: r.agency, delta: Math.trunc(Number(r.delta)) };
		case 'move':
			return { kind: 'move', from: r.agency, to: r.to, count: Number(r.count), shifts: r.shifts };
		case 'demand':
			return { kind: 'demand', factor: Number(r.factor) };
		case 'serviceTime':
			return { kind: 'serviceTime', agency: r.agency, factor: Number(r.factor) };
		case 'workProfile':
			return { kind: 'workProfile', profile: r.profile === 'default' ? null : r.profile === 'priority-first' ? ['priority', '*'] : ['*'] };
		case 'order':
			return { kind: 'order', order: r.order };
		case 'atClose':
			return { kind: 'atClose', atClose: r.atClose };
	}
}

/** The row that shows a kept what-if (the inverse of `toWhatIf` for what the form can express). */
export function fromWhatIf(w: WhatIf, agencies: readonly string[]): WhatIfRow {
	const r: WhatIfRow = { ...newRow(agencies), kind: w.kind };
	switch (w.kind) {
		case 'counters':
			return { ...r, agency: w.agency, delta: w.delta };
		case 'move':
			return { ...r, agency: w.from, to: w.to, count: w.count, shifts: w.shifts };
		case 'demand':
			return { ...r, factor: w.factor };
		case 'serviceTime':
			return { ...r, agency: w.agency, factor: w.factor };
		case 'workProfile':
			return { ...r, profile: w.profile === null ? 'default' : w.profile.includes('priority') ? 'priority-first' : 'no-priority' };
		case 'order':
			return { ...r, order: w.order };
		case 'atClose':
			return { ...r, atClose: w.atClose };
	}
}

/** Points rows at agencies the (new) base scenario has, keeping every choice that still fits. */
export function fitRows(variants: WhatIfRow[][], agencies: readonly string[]): void {
	const first = agencies[0] ?? '';
	for (const rows of variants) {
		for (const r of rows) {
			if (!agencies.includes(r.agency) && !(r.kind === 'serviceTime' && r.agency === '*')) r.agency = first;
			if (!agencies.includes(r.to)) r.to = agencies.find((a) => a !== r.agency) ?? first;
		}
	}
}
