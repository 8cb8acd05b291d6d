/**
 * Short agency labels for narrow table cells, e.g. "Kantor Pertanahan Kota Bengkulu (BPN)" → "BPN",
 * "Dinas Kependudukan dan Pencatatan Sipil Kota Bengkulu" (id "dukcapil") → "Dukcapil". The full name stays in
 * the cell's tooltip.
 */
const MAX_NAME = 22;
const VOWELS = /[aeiou]/gi;

export function agencyShortName(name: string, id: string): string {
	const acronym = [...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1].trim()).find((s) => /^[A-Z][A-Z0-9-]{1,9}$/.test(s) && s !== 'PERSERO');
	if (acronym) return acronym;
	if (name.length <= MAX_NAME) return name;
	const word = id.split('/')[0];
	const vowels = (word.match(VOWELS) ?? []).length;
	// Ids without vowels read as acronyms (dpmptsp → DPMPTSP); the others as names (dukcapil → Dukcapil).
	if (word.length <= 4 || vowels / word.length < 0.2) return word.toUpperCase();
	return word.charAt(0).toUpperCase() + word.slice(1);
}
