import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/lib/model';
import { translateMessage } from '../../src/lib/components/editor/messages';
import lebong from '../../scenarios/lebong.json';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Errors the model really produces for a set of broken scenarios, so the patterns are tested against its words. */
function modelMessages(): string[] {
	const out: string[] = [];
	const broken: Array<(s: any) => void> = [
		(s) => delete s.demand.visitorsPerDay,
		(s) => (s.counters[0].id = 'L 1'),
		(s) => (s.counters[1].id = s.counters[0].id),
		(s) => (s.counters[0].serves = ['tidak-ada']),
		(s) => (s.agencies[0].ticketPrefix = 'a1'),
		(s) => (s.calendar.hours.default.lastTicket = '07:00'),
		(s) => (s.calendar.hours.default.open = '8:00'),
		(s) => (s.counters[0].shifts = [['12:00', '09:00']]),
		(s) => (s.demand.priorityShare = 2),
		(s) => (s.demand.profile.weights = [0, 0]),
		(s) => (s.agencies[0].services[0].serviceTime = { dist: 'lognormal', mean: -3, cv: 0.5 }),
		(s) => (s.run.replications = 0),
		(s) => (s.counters[0].speed = 'cepat'),
		(s) => (s.extra = 1)
	];
	for (const breakIt of broken) {
		const s = copy(lebong);
		breakIt(s);
		const r = parseScenario(s);
		if (!r.ok) out.push(...r.errors.map((e) => e.message));
	}
	const text = parseScenarioText('{\n  "version": 1,\n  "id": "x"\n  "name": "y"\n}');
	if (!text.ok) out.push(...text.errors.map((e) => e.message));
	return out;
}

describe('translateMessage', () => {
	const messages = modelMessages();
	it('finds errors in every broken scenario', () => {
		expect(messages.length).toBeGreaterThanOrEqual(15);
	});

	it.each(messages)('puts "%s" into Bahasa Indonesia', (m) => {
		const t = translateMessage(m, 'id');
		expect(t).not.toBe(m);
		expect(t).not.toMatch(/\b(must|expected|required|duplicate|overlaps)\b/);
	});

	it('leaves English as written and unknown messages unchanged', () => {
		expect(translateMessage('required', 'en')).toBe('required');
		expect(translateMessage('something new', 'id')).toBe('something new');
	});
});

describe('JSON syntax errors', () => {
	const texts = ['{"a": 1', '{"a" 1}', '{a: 1}', '[1 2]', '{"a": 1} x', '{"a": "b\nc"}', '{"a": tru}'];
	it.each(texts)('explains %j in Bahasa Indonesia, keeping line and column', (text) => {
		const r = parseScenarioText(text);
		expect(r.ok).toBe(false);
		const m = r.ok ? '' : r.errors[0].message;
		const t = translateMessage(m, 'id');
		expect(t).toMatch(/^(baris \d+, kolom \d+|JSON tidak sah): /);
		expect(t).not.toMatch(/expected|unexpected|unterminated|bad control/i);
	});
});
