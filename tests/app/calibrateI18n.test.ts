// The calibrate page's dictionaries (locales/<lang>/calibrate.json): the same keys in both languages, every key the
// page's files use, and every key the page builds at run time from the library's words (reject reasons, fields,
// families, pooling, verdicts, sources, job phases).
import { describe, expect, it } from 'vitest';
import { LOG_FIELDS, REJECT_REASONS } from '../../src/lib/calibrate/logRecord';
import { FAMILIES } from '../../src/lib/calibrate/serviceTimeFit';
import { LOG_NOTE_CODES } from '../../src/lib/calibrate/logNotes';
import idCommon from '../../src/lib/i18n/locales/id/common.json';
import enCommon from '../../src/lib/i18n/locales/en/common.json';
import id from '../../src/lib/i18n/locales/id/calibrate.json';
import en from '../../src/lib/i18n/locales/en/calibrate.json';
import { SOURCES } from '../../src/lib/components/calibrate/sources';
import { keys, missingIn, svelteFiles, usedKeys, type Dict } from './dictionaries';

const both = (lang: Dict, common: Dict): Dict => ({ ...common, ...lang });
const ID = both(id as Dict, idCommon as Dict);
const EN = both(en as Dict, enCommon as Dict);

describe('calibrate dictionaries', () => {
	it('Bahasa Indonesia and English have the same keys', () => {
		expect(keys(en as Dict).sort()).toEqual(keys(id as Dict).sort());
	});

	it('every fixed key the page and its components use exists in both languages', () => {
		const used = usedKeys(['src/routes/calibrate/+page.svelte', ...svelteFiles('src/lib/components/calibrate')]);
		expect(used.size).toBeGreaterThan(80);
		expect(missingIn(ID, EN, used)).toEqual([]);
	});

	it('every key built at run time exists in both languages', () => {
		const built = [
			...REJECT_REASONS.map((r) => `calibrate.reasons.${r}`),
			...LOG_FIELDS.map((f) => `calibrate.fields.${f}`),
			...FAMILIES.map((f) => `calibrate.families.${f}`),
			...['service', 'agency', 'all'].map((p) => `calibrate.pooled.${p}`),
			...['agrees', 'differs', 'too-few'].flatMap((v) => [`calibrate.verdicts.${v}`, `calibrate.validate.verdictText.${v}`]),
			...SOURCES.map((s) => `calibrate.sources.${s}`),
			...['read', 'fit', 'validate'].map((p) => `calibrate.progress.${p}`),
			...LOG_NOTE_CODES.map((c) => `calibrate.quality.note.${c}`),
			...['censored', 'share', 'none-left', 'unknown'].map((k) => `calibrate.demand.patienceBasis.${k}`),
			...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `days.${d}`)
		];
		expect(missingIn(ID, EN, built)).toEqual([]);
	});

	it('says ulangan for a replication, as the rest of the app does', () => {
		const id = JSON.stringify(ID);
		expect(id).toMatch(/ulangan/);
		expect(id).not.toMatch(/replikasi/i);
	});
});
