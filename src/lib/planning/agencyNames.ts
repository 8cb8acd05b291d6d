/**
 * Agency names of a regency (kabupaten) or city (kota) MPP, per agency id of MPP Kota Bengkulu's scenario. An office
 * that every regency has (Dukcapil, the Polres, the land office …) takes the regency's name; an office that serves
 * the whole province or the nation from Kota Bengkulu (Imigrasi, Taspen, BPJS, Bank Bengkulu …) keeps its name,
 * since a regency MPP hosts a service point of that same office.
 *
 * Placeholders: {place} is "Kabupaten Kaur" (or "Kota Bengkulu"), {name} is "Kaur". Ids never change.
 */

/** Kabupaten (regency) or kota (city): decides "{place}" and the police office's rank (Polres or Polresta). */
export type RegionKind = 'kabupaten' | 'kota';

/** A region as agency names see it. */
export interface Place {
	kind: RegionKind;
	/** Without "Kabupaten"/"Kota", e.g. "Kaur", "Bengkulu Utara". */
	name: string;
}

/**
 * Name templates of the agencies whose name depends on the region. Agencies not listed keep their source name.
 * Why some are kept: Imigrasi (Kantor Imigrasi Kelas I TPI Bengkulu serves the province), KPP Pratama (tax offices
 * cover several regencies each; which one serves a regency is not modelled), BPJS, Taspen, Bank Bengkulu and BPRS
 * are province- or nation-wide institutions with one name.
 */
export const REGENCY_NAME_TEMPLATES: Readonly<Record<string, string>> = {
	dukcapil: 'Dinas Kependudukan dan Pencatatan Sipil {place} (Dukcapil {place})',
	dpmptsp: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu {place}',
	bapenda: 'Badan Pendapatan Daerah {place}',
	samsat: 'UPTD Samsat {name} (Bapenda Provinsi Bengkulu)',
	dinkes: 'Dinas Kesehatan {place}',
	polresta: '{police} {name} ({policeShort} {name})',
	bpn: 'Kantor Pertanahan {place} (BPN)',
	kemenag: 'Kantor Kementerian Agama {place}',
	pdam: 'Perusahaan Daerah Air Minum (PDAM) {place}',
	pln: 'PT PLN (Persero) ULP {name}',
	pa: 'Pengadilan Agama (wilayah {place})',
	kejari: 'Kejaksaan Negeri {name}',
	disnaker: 'Dinas Tenaga Kerja {place}',
	dishub: 'Dinas Perhubungan {place}'
};

/** "Kabupaten Kaur" or "Kota Bengkulu". */
export function placeName(place: Place): string {
	return `${place.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${place.name}`;
}

/** The name of agency `id` in `place`; `sourceName` when the agency's name does not depend on the region. */
export function agencyNameIn(id: string, sourceName: string, place: Place): string {
	const template = REGENCY_NAME_TEMPLATES[id];
	if (template === undefined) return sourceName;
	// A city's police is a Polresta (Kepolisian Resor Kota), a regency's a Polres.
	const city = place.kind === 'kota';
	return template
		.replaceAll('{place}', placeName(place))
		.replaceAll('{name}', place.name)
		.replaceAll('{policeShort}', city ? 'Polresta' : 'Polres')
		.replaceAll('{police}', city ? 'Kepolisian Resor Kota' : 'Kepolisian Resor');
}
