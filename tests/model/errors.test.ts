import { describe, expect, it } from 'vitest';
import { formatPath, formatScenarioError } from '../../src/lib/model/errors';

describe('formatPath', () => {
	it('writes keys with dots and indices in brackets', () => {
		expect(formatPath([])).toBe('');
		expect(formatPath(['counters', 3, 'serves', 0])).toBe('counters[3].serves[0]');
		expect(formatPath(['calendar', 'hours', 'fri', 'close'])).toBe('calendar.hours.fri.close');
		expect(formatPath([0, 'a'])).toBe('[0].a');
	});
	it('quotes keys that are not identifiers', () => {
		expect(formatPath(['demand', 'a b'])).toBe('demand["a b"]');
		expect(formatPath(['x', '1'])).toBe('x["1"]');
		expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]');
	});
});

describe('formatScenarioError', () => {
	it('prefixes the file only when there is one', () => {
		const e = { path: 'counters[3].serves[0]', message: 'no agency or service "dukcapl"' };
		expect(formatScenarioError(e, 'kota.json')).toBe('kota.json: counters[3].serves[0]: no agency or service "dukcapl"');
		expect(formatScenarioError(e)).toBe('counters[3].serves[0]: no agency or service "dukcapl"');
		expect(formatScenarioError({ ...e, file: 'a.json' })).toBe('a.json: counters[3].serves[0]: no agency or service "dukcapl"');
	});
	it('leaves out an empty root path', () => {
		expect(formatScenarioError({ path: '', message: 'line 1, column 2: x' }, 'k.json')).toBe('k.json: line 1, column 2: x');
	});
});
