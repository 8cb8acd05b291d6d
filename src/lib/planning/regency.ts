/**
 * The regency wizard's pure part: from a population (or expected visitors a day), opening hours and the agencies
 * present, a base scenario for a new regency MPP, ready to be sized. Agencies, services and service times are
 * taken from MPP Kota Bengkulu's scenario (passed in as data); demand is scaled by population at Kota Bengkulu's
 * visits per resident. Counters are a placeholder (one per agency): the sizing search replaces them.
 */
import { formatClock, parseClock } from '../model/clock';
import type { DayId, Scenario } from '../model/scenario';
import { agencyNameIn, placeName, type RegionKind } from './agencyNames';

/** Kota Bengkulu's population, 2020 census (BPS). */
export const KOTA_BENGKULU_POPULATION = 373_591;
/** MPP Kota Bengkulu's visitors a day: the middle of 400–450 (Bengkulu Ekspres, 11 Sep 2023). */
export const KOTA_BENGKULU_VISITORS_PER_DAY = 425;
/** Visits per resident per working day, assumed the same in every regency. */
export const VISITS_PER_RESIDENT = KOTA_BENGKULU_VISITORS_PER_DAY / KOTA_BENGKULU_POPULATION;

/** Opening hours of the wizard: one set for every day, with an optional Friday-prayer break. */
export interface RegencyHours {
	open: string;
	lastTicket: string;
	close: string;
	/** Break on Fridays (e.g. ["11:30", "13:00"]); null: none. */
	fridayBreak: [string, string] | null;
}

/** What the wizard asks. */
export interface RegencyInput {
	/** Regency id (letters, digits, "-"), e.g. "lebong". */
	id: string;
	/** Regency name without "Kabupaten", e.g. "Lebong". */
	name: string;
	/** A regency (default) or a city: decides "Kabupaten X" or "Kota X" in names. */
	kind?: RegionKind;
	population?: number;
	/** Expected visitors a day; overrides population × visits per resident. */
	visitorsPerDay?: number;
	visitsPerResident?: number;
	/** Default: the source scenario's calendar. */
	hours?: RegencyHours;
	days?: DayId[];
	/** Agency ids of the source scenario present in the new MPP. */
	agencies: string[];
}

/** A preset of the wizard. */
export interface RegencyPreset {
	id: string;
	name: string;
	population: number;
	agencies: string[];
}

/** The agencies assumed present in a small regency MPP (as in scenarios/lebong.json, with Kota Bengkulu's ids). */
const CORE_AGENCIES = ['dukcapil', 'dpmptsp', 'bapenda', 'samsat', 'polresta', 'bpjs-kes', 'bpjs-tk', 'kemenag', 'bank-bengkulu', 'pln'];

/** Lebong and Seluma, populations from the 2020 census (BPS); agency lists as in their shipped scenarios. */
export const REGENCY_PRESETS: readonly RegencyPreset[] = [
	{ id: 'lebong', name: 'Lebong', population: 106_293, agencies: CORE_AGENCIES },
	{ id: 'seluma', name: 'Seluma', population: 207_877, agencies: [...CORE_AGENCIES, 'pdam', 'bpn'] }
];

/** The default opening hours: Monday–Friday 08:00–15:30, last ticket 14:30, Friday break 11:30–13:00. */
export const DEFAULT_REGENCY_HOURS: RegencyHours = { open: '08:00', lastTicket: '14:30', close: '15:30', fridayBreak: ['11:30', '13:00'] };

/** Expected visitors a day of a regency (2 decimals). */
export function regencyVisitorsPerDay(input: Pick<RegencyInput, 'population' | 'visitorsPerDay' | 'visitsPerResident'>): number {
	if (input.visitorsPerDay !== undefined) return input.visitorsPerDay;
	if (input.population === undefined) throw new RangeError('give the population or the expected visitors a day');
	return Math.round(input.population * (input.visitsPerResident ?? VISITS_PER_RESIDENT) * 100) / 100;
}

/** A base scenario for a new regency MPP from Kota Bengkulu's scenario (`source`). */
export function regencyScenario(source: Scenario, input: RegencyInput): Scenario {
	if (input.agencies.length === 0) throw new RangeError('choose at least one agency');
	const missing = input.agencies.filter((id) => !source.agencies.some((a) => a.id === id));
	if (missing.length) throw new RangeError(`no agency ${missing.map((m) => `"${m}"`).join(', ')} in scenario "${source.id}"`);
	const visitorsPerDay = regencyVisitorsPerDay(input);
	if (!(visitorsPerDay > 0)) throw new RangeError(`the expected visitors a day must be positive, got ${visitorsPerDay}`);
	const s = structuredClone(source);
	const where = { kind: input.kind ?? 'kabupaten', name: input.name };
	const place = placeName(where);
	// The source's own city keeps its agencies' real names (its Polresta is not renamed after a template).
	const ownCity = source.name.includes(place);
	s.id = input.id;
	s.name = `MPP ${place}`;
	s.agencies = s.agencies
		.filter((a) => input.agencies.includes(a.id))
		.map((a) => ({ ...a, name: ownCity ? a.name : agencyNameIn(a.id, a.name, where) }));
	s.demand.visitorsPerDay = visitorsPerDay;
	if ('continuousMinutes' in s.calendar) throw new RangeError('the source scenario must have opening days, not a hall that never closes');
	if (input.days) s.calendar.days = [...input.days];
	if (input.hours) {
		const h = input.hours;
		const hours = { open: h.open, lastTicket: h.lastTicket, close: h.close };
		s.calendar.hours = { default: hours, ...(h.fridayBreak ? { fri: { ...hours, breaks: [h.fridayBreak] } } : {}) };
		if (s.demand.profile) s.demand.profile = stretchProfile(s.demand.profile.weights, h.open, h.lastTicket);
	}
	// One counter per agency as a placeholder: the sizing search builds the real layout.
	s.counters = s.agencies.map((a, i) => ({ id: `L${String(i + 1).padStart(2, '0')}`, name: `Loket ${i + 1} — ${a.id}`, serves: [a.id], speed: 1 }));
	const basis =
		input.visitorsPerDay !== undefined
			? `${visitorsPerDay} pengunjung/hari (diberikan)`
			: `${visitorsPerDay} pengunjung/hari = ${input.population} penduduk × ${(input.visitsPerResident ?? VISITS_PER_RESIDENT).toPrecision(4)} kunjungan per penduduk per hari (${KOTA_BENGKULU_VISITORS_PER_DAY} pengunjung MPP Kota Bengkulu / ${KOTA_BENGKULU_POPULATION} penduduk, Sensus Penduduk 2020)`;
	s.notes =
		`Dibuat oleh wizard kabupaten dari skenario "${source.id}". ${basis}. Asumsi: instansi, layanan, waktu layanan, profil kedatangan, kesabaran dan antrean online sama dengan MPP Kota Bengkulu; loket hanya placeholder (satu per instansi) untuk diukur dengan sizing. ` +
		`English: generated by the regency wizard from "${source.id}"; demand scaled by population; everything else is Kota Bengkulu's assumptions; counters are placeholders to be sized.`;
	return s;
}

/** The source profile's weights spread evenly over [open, lastTicket) (same number of bins, whole-minute steps). */
function stretchProfile(weights: number[], open: string, lastTicket: string): { from: string; step: number; weights: number[] } {
	const span = parseClock(lastTicket) - parseClock(open);
	const step = Math.max(1, Math.round(span / weights.length));
	return { from: formatClock(parseClock(open)), step, weights: [...weights] };
}
