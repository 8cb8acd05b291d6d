import { describe, expect, it } from 'vitest';
import { LogWords, looseWord } from '../../src/lib/calibrate/logStatus';

describe('LogWords', () => {
	const words = new LogWords();

	it('reads outcome words in English and Indonesian, loosely', () => {
		const cases: Array<[string, string]> = [
			['served', 'served'],
			['Done', 'served'],
			[' SELESAI ', 'served'],
			['dilayani', 'served'],
			['finished', 'served'],
			['completed', 'served'],
			['abandoned', 'abandoned'],
			['cancelled', 'abandoned'],
			['canceled', 'abandoned'],
			['Batal', 'abandoned'],
			['pergi', 'abandoned'],
			['left', 'abandoned'],
			['no-show', 'no-show'],
			['No_Show', 'no-show'],
			['noshow', 'no-show'],
			['skipped', 'no-show'],
			['lewati', 'no-show'],
			['tidak_hadir', 'no-show'],
			['tidak hadir', 'no-show'],
			['not-served', 'not-served'],
			['waiting', 'waiting'],
			['Menunggu', 'waiting']
		];
		for (const [word, outcome] of cases) expect(words.outcome(word), word).toBe(outcome);
	});

	it('gives null for a word it does not know, the same the second time (memo)', () => {
		expect(words.outcome('maybe')).toBeNull();
		expect(words.outcome('maybe')).toBeNull();
		expect(words.outcome('')).toBeNull();
	});

	it('reads channels: online words are online, anything else is not', () => {
		for (const w of ['online', 'Daring', 'web', 'app', 'QR']) expect(words.online(w), w).toBe(true);
		for (const w of ['onsite', 'langsung', 'walk-in', 'Walk In', 'kiosk', 'offline', '', 'x']) expect(words.online(w), w).toBe(false);
	});

	it('reads priority flags', () => {
		for (const w of ['yes', 'TRUE', '1', 'ya', 'Prioritas']) expect(words.priority(w), w).toBe(true);
		for (const w of ['no', 'false', '0', '', 'tidak', 'maybe']) expect(words.priority(w), w).toBe(false);
	});

	it('reads weekdays in English and Indonesian', () => {
		expect(words.weekday('mon')).toBe('mon');
		expect(words.weekday('Senin')).toBe('mon');
		expect(words.weekday("Jum'at")).toBe('fri');
		expect(words.weekday('minggu')).toBe('sun');
		expect(words.weekday('someday')).toBeNull();
	});

	it('looseWord treats case, "_", "-" and spaces alike', () => {
		expect(looseWord('  Tidak_Hadir ')).toBe('tidak hadir');
		expect(looseWord('no - show')).toBe('no show');
	});
});
