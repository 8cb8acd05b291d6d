/** Every refusal of the what-if model reads in Bahasa Indonesia on the compare page; English stays as written. */
import { describe, expect, it } from 'vitest';
import { addCounters, moveCounters, removeCounters, scaleDemand, scaleServiceTime, setAtClose, VariantError } from '../../src/lib/planning/variants';
import { variantMessage } from '../../src/routes/compare/variantMessages';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';

/** The message a what-if throws. */
function refusal(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		if (e instanceof VariantError) return e.detail;
		throw e;
	}
	throw new Error('expected a VariantError');
}

describe('what-if refusals in Bahasa Indonesia', () => {
	const s = mustParse(smallScenario());
	const one = { ...s, counters: [s.counters[2]] };
	const cases = [
		() => moveCounters(s, 'nope', 'dukcapil', 1, 'keep'),
		() => moveCounters(s, 'bapenda', 'bapenda', 1, 'keep'),
		() => moveCounters(s, 'bapenda', 'dukcapil', 0, 'keep'),
		() => moveCounters({ ...s, counters: [s.counters[1]] }, 'bapenda', 'dukcapil', 1, 'keep'),
		() => moveCounters(s, 'bapenda', 'dukcapil', 3, 'take'),
		() => addCounters(s, 'bapenda', 1.5),
		() => removeCounters(s, 'bapenda', -1),
		() => removeCounters(s, 'bapenda', 2),
		() => removeCounters({ ...s, counters: [s.counters[1]] }, 'bapenda', 1),
		() => removeCounters(one, 'bapenda', 1),
		() => scaleDemand(s, 0),
		() => scaleServiceTime(s, 'bapenda', -2),
		() => setAtClose(mustParse(continuousScenario(1, 6, 5)), 'send-home')
	];

	it('translates every message the model words', () => {
		for (const f of cases) {
			const en = refusal(f);
			const id = variantMessage(en, 'id');
			expect(id, en).not.toBe(en);
			expect(variantMessage(en, 'en')).toBe(en);
		}
		expect(variantMessage('"bapenda" has only 1 counter(s) of its own (serving only it); cannot move 3', 'id')).toBe(
			'"bapenda" hanya punya 1 loket sendiri (yang hanya melayaninya); tidak bisa memindah 3'
		);
	});

	it('shows an unknown message as written', () => {
		expect(variantMessage('something new', 'id')).toBe('something new');
	});
});
