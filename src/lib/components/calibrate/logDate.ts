/**
 * A log's day in the reader's language: "17 Aug 2026" (en) / "17 Agu 2026" (id); a key that is no date (visits.csv's
 * "r1-d3") as it is.
 */
import { localeTag } from '$lib/i18n/format';

/** The day as the reader reads dates, or the key itself; an em dash for none. */
export function logDateText(date: string | null): string {
	if (date === null) return '—';
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return date;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	if (Number.isNaN(d.getTime())) return date;
	return new Intl.DateTimeFormat(localeTag(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
