/**
 * Small pieces of the governor's report that are not dictionary words: a region's formal name, a reported date in
 * the reader's language (a month alone when the day was not reported), and a level's figures of a region.
 */
import { localeTag } from '$lib/i18n/format';
import type { LevelPlan, RegionPlan } from '$lib/planning/province';
import type { DemandLevel } from '$lib/planning/provinceData';

/** "Kota Bengkulu", "Kabupaten Kaur": the name a governor's office uses. */
export function regionTitle(r: Pick<RegionPlan, 'kind' | 'name'>): string {
	return `${r.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${r.name}`;
}

/** A date of the province file ("2023-03-16" or "2025-03") as "16 Maret 2023" / "March 2025" in the reader's language. */
export function reportDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	// Noon UTC, so no time zone moves the day.
	const date = new Date(Date.UTC(y, m - 1, d ?? 1, 12));
	const options: Intl.DateTimeFormatOptions = d === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
	return new Intl.DateTimeFormat(localeTag(), { ...options, timeZone: 'UTC' }).format(date);
}

/** The region's plan at a level, if the plan computed that level. */
export function atLevel(r: RegionPlan, level: DemandLevel): LevelPlan | undefined {
	return r.levels.find((l) => l.level === level);
}
