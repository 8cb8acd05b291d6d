/** The compare page's wording of the gain/loss model: units, pp, true minus signs, "nobody served" for undefined. */
import { describe, expect, it } from 'vitest';
import type { VerdictItem } from '../../src/lib/planning/compareVerdict';
import { outcomeDiff, outcomeValue, verdictItemText, type Translate } from '../../src/lib/components/compare/outcomeText';
import id from '../../src/lib/i18n/locales/id/compareVerdict.json';

// A translator over the Indonesian dictionary: enough to see which key and values the wording passes.
const tr: Translate = (key, options) => {
	let node: unknown = id;
	for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
	return String(node).replace(/\{(\w+)\}/g, (_, k: string) => String(options?.values?.[k] ?? `{${k}}`));
};

describe('compare outcome text (Bahasa Indonesia)', () => {
	it('writes values with units, and undefined as nobody served, never a blank', () => {
		expect(outcomeValue(tr, 'servedPerDay', 14.33)).toBe('14,3/hari');
		expect(outcomeValue(tr, 'waitP90', 37.5)).toBe('37,5 menit');
		expect(outcomeValue(tr, 'abandonShare', 0.926)).toBe('92,6%');
		expect(outcomeValue(tr, 'waitP90', null)).toBe('tidak ada yang dilayani');
		// One decimal always, so two figures in one sentence read alike: "106,2/hari menjadi 112,0/hari".
		expect(outcomeValue(tr, 'servedPerDay', 112)).toBe('112,0/hari');
		expect(outcomeValue(tr, 'abandonShare', 0)).toBe('0,0%');
	});

	it('writes share differences in pp with true minus signs, and no "−0"', () => {
		expect(outcomeDiff(tr, 'abandonShare', 0.909, [0.887, 0.932])).toBe('+90,9 pp [+88,7 – +93,2]');
		expect(outcomeDiff(tr, 'servedPerDay', -14.3, [-15.8, -13.5])).toBe('−14,3/hari [−15,8 – −13,5]');
		expect(outcomeDiff(tr, 'waitP90', -0.01, [-0.04, 0.02])).toBe('0,0 menit [0,0 – 0,0]');
	});

	it('words the nobody-served loss with the agency name and A\'s served per day', () => {
		const i: VerdictItem = { scope: 'agency', id: 'bank-bengkulu', name: 'Bank Bengkulu', code: 'nobodyServed', kpi: 'servedPerDay', a: 14.3, b: 0, diff: -14.3, ci95: [-15.8, -13.5] };
		expect(verdictItemText(tr, i, 'B')).toBe('Bank Bengkulu: tidak ada pengunjung yang dilayani di B (di A: 14,3/hari)');
		const fell = { ...i, id: 'dukcapil', name: 'Dukcapil', code: 'fell' as const, kpi: 'waitP90' as const, a: 60.6, b: 22.7, diff: -37.9, ci95: [-40.5, -35.4] as [number, number] };
		expect(verdictItemText(tr, fell, 'B')).toBe('Dukcapil: tunggu P90 turun dari 60,6 menit menjadi 22,7 menit, selisih −37,9 menit [−40,5 – −35,4]');
	});
});
