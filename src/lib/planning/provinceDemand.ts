/**
 * A region's base scenario at one demand level: Kota Bengkulu's scenario cut to the region's tier of agencies,
 * named for the region (regency.ts), with visitors per working day from the population and the level's visits per
 * resident. An agency left out of the tier takes its share of demand with it: its residents go elsewhere, they do
 * not queue at the other agencies (see the province file's demand.derivation).
 */
import type { Scenario } from '../model/scenario';
import { LEVEL_WORDS_ID, planPopulation, type DemandLevel, type Province, type ProvinceRegion } from './provinceData';
import { regencyScenario } from './regency';

/** Each agency's share of the base scenario's demand (its services' weights over all weights). */
export function agencyShares(base: Scenario): Map<string, number> {
	const weights = base.agencies.map((a) => [a.id, a.services.reduce((s, v) => s + v.weight, 0)] as const);
	const total = weights.reduce((s, [, w]) => s + w, 0);
	return new Map(weights.map(([id, w]) => [id, total > 0 ? w / total : 0]));
}

/** The share of the base's demand a tier's agencies carry, each times its factor (1: as in Kota Bengkulu). */
export function tierShare(base: Scenario, agencies: Readonly<Record<string, number>>): number {
	const shares = agencyShares(base);
	return Object.entries(agencies).reduce((s, [id, factor]) => s + (shares.get(id) ?? 0) * factor, 0);
}

/** Visitors per working day of a region at a level (2 decimals): see the province file's demand.derivation. */
export function regionVisitorsPerDay(p: Province, base: Scenario, region: ProvinceRegion, level: DemandLevel): number {
	const tier = p.tiers[region.tier];
	const perDay = (planPopulation(p, region) * p.demand.levels[level].value) / p.workingDaysPerYear.value;
	return Math.round(perDay * tier.demandFactor * tierShare(base, tier.agencies) * 100) / 100;
}

/** The region's scenario at a level, ready to be sized (one placeholder counter per agency). */
export function regionScenario(p: Province, base: Scenario, region: ProvinceRegion, level: DemandLevel): Scenario {
	const tier = p.tiers[region.tier];
	const visitorsPerDay = regionVisitorsPerDay(p, base, region, level);
	const s = regencyScenario(base, { id: `${region.id}-${level}`, name: region.name, kind: region.kind, visitorsPerDay, agencies: Object.keys(tier.agencies) });
	// An agency's factor scales its services' weights: its share of the region's visitors moves with it.
	for (const a of s.agencies) {
		const factor = tier.agencies[a.id] ?? 1;
		if (factor !== 1) a.services = a.services.map((v) => ({ ...v, weight: v.weight * factor }));
	}
	s.notes = demandNote(p, base, region, level, visitorsPerDay);
	return s;
}

/** Numbers in the note's Indonesian half as a reader there writes them (391.117; 0,185). */
const idNumber = (x: number, digits = 3) => x.toLocaleString('id-ID', { maximumFractionDigits: digits });

/**
 * The sized scenario's note: how its visitors a day follow from the province file, in Bahasa Indonesia and then in
 * English (a scenario's notes are one text, and the run page's report prints them as they are).
 */
function demandNote(p: Province, base: Scenario, region: ProvinceRegion, level: DemandLevel, visitorsPerDay: number): string {
	const tier = p.tiers[region.tier];
	const population = planPopulation(p, region);
	const rate = p.demand.levels[level].value;
	const days = p.workingDaysPerYear.value;
	const share = tierShare(base, tier.agencies) * 100;
	const agencies = Object.keys(tier.agencies).length;
	return (
		`${p.name}, rencana MPP pada permintaan ${LEVEL_WORDS_ID[level]}: ${idNumber(visitorsPerDay, 2)} pengunjung per hari kerja = ${idNumber(population)} penduduk × ${idNumber(rate)} kunjungan per penduduk per tahun ÷ ${idNumber(days)} hari kerja × ${idNumber(tier.demandFactor)} × ${idNumber(share, 1)}% (bagian permintaan MPP Kota Bengkulu yang ditangani ${agencies} instansi ${tier.label.id}). ` +
		`Asumsi: jenis layanan, waktu layanan, pola kedatangan, kesabaran pengunjung dan antrean daring sama dengan MPP Kota Bengkulu. ` +
		`English: ${p.name}, MPP plan at ${level} demand: ${visitorsPerDay} visitors per working day = ${population} residents × ${rate} visits per resident per year ÷ ${days} working days × ${tier.demandFactor} × ${share.toFixed(1)}% (the share of MPP Kota Bengkulu's demand carried by the ${agencies} agencies of a ${tier.label.en}). ` +
		`Assumed: services, service times, arrival pattern, patience and online queueing as in MPP Kota Bengkulu.`
	);
}
