import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../src/lib/model/errors';
import { parseScenario, parseScenarioText, type ParseResult } from '../../src/lib/model/parse';
import { continuousScenario, mustParse, smallScenario } from '../fixtures/scenarios';
import { errorsOf, expectErrorAt, parentExists } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function small(mutate: (s: Any) => void): unknown {
	const s = smallScenario() as Any;
	mutate(s);
	return s;
}

/** The shape every result must have, whatever the input. */
function expectWellFormed(r: ParseResult): void {
	if (r.ok) {
		expect(Array.isArray(r.warnings)).toBe(true);
		return;
	}
	expect(r.errors.length).toBeGreaterThan(0);
	for (const e of r.errors) {
		expect(typeof e.path).toBe('string');
		expect(typeof e.message).toBe('string');
		expect(e.message.length).toBeGreaterThan(0);
	}
}

describe('parseScenario: valid input', () => {
	it('fills in defaults', () => {
		const s = smallScenario() as Any;
		delete s.policy;
		delete s.run;
		delete s.demand.patience;
		delete s.counters[2].speed;
		const r = parseScenario(s);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.scenario.policy).toEqual({ order: 'priority-first', serviceLevelMinutes: 15, tieBreak: 'longest-idle' });
		expect(r.scenario.run).toEqual({ replications: 30, seed: 1, warmupMinutes: 0 });
		expect(r.scenario.demand.patience).toBeNull();
		expect(r.scenario.counters[2].speed).toBe(1);
	});
	it('round-trips: parse → JSON → parse gives the same scenario', () => {
		for (const input of [smallScenario(), continuousScenario(4, 30, 7)]) {
			const once = mustParse(input);
			const twice = mustParse(JSON.parse(JSON.stringify(once)));
			expect(twice).toEqual(once);
			expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
		}
	});
	it('accepts a $schema reference and upper-case ids', () => {
		expect(parseScenario(small((s) => (s.$schema = '../static/scenario.schema.json'))).ok).toBe(true);
	});
});

describe('parseScenario: shape errors in plain words', () => {
	it('rejects a non-object at the root', () => {
		expect(errorsOf(42)).toEqual([{ path: '', message: 'expected an object, got number' }]);
		expect(errorsOf(null)).toEqual([{ path: '', message: 'expected an object, got null' }]);
		expect(errorsOf([])).toEqual([{ path: '', message: 'expected an object, got array' }]);
		expect(errorsOf(undefined)).toEqual([{ path: '', message: 'required' }]);
	});
	it('names a missing field', () => {
		expectErrorAt(small((s) => delete s.name), 'name', 'required');
		expectErrorAt(small((s) => delete s.version), 'version', 'required');
		expectErrorAt(small((s) => delete s.counters[1].serves), 'counters[1].serves', 'required');
	});
	it('says what type was expected and what was found', () => {
		expectErrorAt(small((s) => (s.demand.visitorsPerDay = '425')), 'demand.visitorsPerDay', 'expected a number, got string');
		expectErrorAt(small((s) => (s.counters = {})), 'counters', 'expected an array, got object');
		expectErrorAt(small((s) => (s.agencies[0].services[1].weight = null)), 'agencies[0].services[1].weight', 'expected a number, got null');
		expectErrorAt(small((s) => (s.run.replications = 1.5)), 'run.replications', 'expected a whole number, got 1.5');
		expectErrorAt(small((s) => (s.demand.visitorsPerDay = NaN)), 'demand.visitorsPerDay', 'expected a number, got NaN');
	});
	it('names unknown fields at the field', () => {
		expectErrorAt(small((s) => (s.counters[0].foo = 1)), 'counters[0].foo', 'unknown field "foo"');
		expectErrorAt(small((s) => (s.visitorsPerDay = 1)), 'visitorsPerDay', 'unknown field "visitorsPerDay"');
		expectErrorAt(small((s) => (s.demand.dayFactors.fry = 1)), 'demand.dayFactors.fry', 'unknown field "fry"');
		expectErrorAt(small((s) => (s['odd key'] = 1)), '["odd key"]', 'unknown field "odd key"');
		const proto = JSON.parse(JSON.stringify(smallScenario()).replace('{', '{"__proto__":{"x":1},'));
		expectErrorAt(proto, '__proto__', 'unknown field "__proto__"');
	});
	it('lists the distributions when the name is unknown or missing', () => {
		expectErrorAt(
			small((s) => (s.agencies[1].services[0].serviceTime = { dist: 'weibull', shape: 2 })),
			'agencies[1].services[0].serviceTime.dist',
			'unknown distribution "weibull" (fixed, exponential, lognormal, gamma, normal, uniform, triangular, empirical)'
		);
		expectErrorAt(small((s) => (s.demand.patience = { mean: 4 })), 'demand.patience.dist', /^required: one of fixed, exponential/);
		expectErrorAt(small((s) => (s.demand.patience = { dist: 'exponential', mean: 4, sd: 1 })), 'demand.patience.sd', 'unknown field "sd"');
	});
	it('explains times of day, ids and prefixes', () => {
		expectErrorAt(small((s) => (s.calendar.hours.fri.close = '25:00')), 'calendar.hours.fri.close', 'a time of day is written "HH:MM" (00:00–24:00), got "25:00"');
		expectErrorAt(small((s) => (s.counters[0].shifts[0][1] = '8:00')), 'counters[0].shifts[0][1]', /"HH:MM".*got "8:00"/);
		expectErrorAt(small((s) => (s.agencies[0].ticketPrefix = 'a')), 'agencies[0].ticketPrefix', /capital letters, got "a"/);
		expectErrorAt(small((s) => (s.counters[0].id = 'L 1')), 'counters[0].id', /an id uses letters/);
	});
	it('lists allowed values', () => {
		expectErrorAt(small((s) => (s.calendar.days = ['mon', 'fry'])), 'calendar.days[1]', 'expected one of "mon", "tue", "wed", "thu", "fri", "sat", "sun"; got "fry"');
		expectErrorAt(small((s) => (s.policy.order = 'lifo')), 'policy.order', /"priority-first", "fifo"; got "lifo"/);
		expectErrorAt(small((s) => (s.version = 2)), 'version', 'expected 1, got 2');
	});
	it('words ranges and sizes', () => {
		expectErrorAt(small((s) => (s.agencies = [])), 'agencies', 'must have at least one entry');
		expectErrorAt(small((s) => (s.name = '')), 'name', 'must not be empty');
		expectErrorAt(small((s) => (s.demand.priorityShare = 1.5)), 'demand.priorityShare', 'must be at most 1');
		expectErrorAt(small((s) => (s.demand.priorityShare = -0.1)), 'demand.priorityShare', 'must not be negative');
		expectErrorAt(small((s) => (s.counters[0].speed = 0)), 'counters[0].speed', 'must be at least 0.01');
		expectErrorAt(small((s) => (s.policy.serviceLevelMinutes = 0)), 'policy.serviceLevelMinutes', 'must be positive');
		expectErrorAt(small((s) => (s.counters[0].shifts[0] = ['08:00'])), 'counters[0].shifts[0]', 'must have at least 2 entries');
	});
	it('reports the calendar kind the input was meant to be', () => {
		expect(errorsOf(small((s) => (s.calendar = { continuousMinutes: -1 })))).toEqual([{ path: 'calendar.continuousMinutes', message: 'must be positive' }]);
		const daysErrors = errorsOf(small((s) => (s.calendar.atClose = 'close')));
		expect(daysErrors.map((e) => e.path)).toEqual(['calendar.atClose']);
		expect(errorsOf(small((s) => (s.calendar = {}))).map((e) => e.path)).toEqual(['calendar.days', 'calendar.hours']);
		expect(errorsOf(small((s) => (s.calendar = 'mon-fri')))).toEqual([{ path: 'calendar', message: 'expected an object, got string' }]);
	});
	it('does not run cross-checks while the shape is wrong', () => {
		const errors = errorsOf(
			small((s) => {
				s.name = 5;
				s.counters[2].id = 'L01';
			})
		);
		expect(errors).toEqual([{ path: 'name', message: 'expected a string, got number' }]);
	});
});

describe('parseScenarioText', () => {
	it('parses valid text like parseScenario, ignoring a byte-order mark', () => {
		const text = JSON.stringify(smallScenario(), null, 2);
		expect(parseScenarioText(text)).toEqual(parseScenario(smallScenario()));
		expect(parseScenarioText('\uFEFF' + text).ok).toBe(true);
	});
	it('names line and column of a syntax error (from the position V8 gives)', () => {
		const text = '{\n  "version": 1,\n  "id": "x"\n  "name": "y"\n}';
		expect(parseScenarioText(text)).toEqual({ ok: false, errors: [{ path: '', message: `line 4, column 3: expected ',' or '}' after property value` }] });
	});
	it('names line and column when V8 gives no position', () => {
		// V8 reads "tru" and then stumbles on the line break after it.
		const r = parseScenarioText('{\n\t"version": 1,\n\t"id": tru\n}');
		expect(r).toEqual({ ok: false, errors: [{ path: '', message: "line 3, column 11: unexpected token '\\n'" }] });
		const quote = parseScenarioText("{\n  \"version\": 1,\n  \"id\": 'x'\n}");
		expect(quote).toEqual({ ok: false, errors: [{ path: '', message: "line 3, column 9: unexpected token '''" }] });
		const comment = parseScenarioText('{\n  "version": 1, // format\n  "id": "x"\n}');
		expect(comment).toEqual({ ok: false, errors: [{ path: '', message: 'line 2, column 17: expected double-quoted property name' }] });
		const end = parseScenarioText('{\n  "a": [1, 2');
		if (!end.ok) expect(end.errors[0].message).toMatch(/^line 2, column \d+: /);
	});
	it('tags every error with the file, which formatScenarioError then prints', () => {
		const r = parseScenarioText(JSON.stringify(small((s) => (s.counters[2].serves = ['dukcapl']))), 'kota.json');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[0]).toEqual({ file: 'kota.json', path: 'counters[2].serves[0]', message: 'no agency or service "dukcapl"' });
		expect(formatScenarioError(r.errors[0])).toBe('kota.json: counters[2].serves[0]: no agency or service "dukcapl"');
		const syntax = parseScenarioText('{', 'x.json');
		if (!syntax.ok) expect(formatScenarioError(syntax.errors[0])).toBe(`x.json: line 1, column 2: expected property name or '}'`);
	});
});

describe('parseScenario never throws', () => {
	it('on arbitrary JSON values', () => {
		fc.assert(fc.property(fc.jsonValue(), (v) => expectWellFormed(parseScenario(v))), { numRuns: 500 });
	});
	it('on arbitrary JavaScript values', () => {
		fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withDate: true }), (v) => expectWellFormed(parseScenario(v))), {
			numRuns: 500
		});
	});
	it('on arbitrary text', () => {
		fc.assert(fc.property(fc.string(), (t) => expectWellFormed(parseScenarioText(t))), { numRuns: 300 });
		fc.assert(fc.property(fc.json(), (t) => expectWellFormed(parseScenarioText(t))), { numRuns: 300 });
	});
	it('on random mutations of the valid fixtures, with error paths that point into the input', () => {
		fc.assert(fc.property(mutatedScenario(), (input) => {
			const r = parseScenario(input);
			expectWellFormed(r);
			if (!r.ok) for (const e of r.errors) expect(parentExists(input, e.path), `path ${e.path}`).toBe(true);
		}), { numRuns: 1000 });
	});
	it('on truncated scenario text, naming a line', () => {
		const text = JSON.stringify(smallScenario(), null, 2);
		fc.assert(fc.property(fc.integer({ min: 0, max: text.length - 1 }), (n) => {
			const r = parseScenarioText(text.slice(0, n));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.errors[0].message).toMatch(/^line \d+, column \d+: /);
		}), { numRuns: 300 });
	});
});

/** Every path (as keys and indices) to a value inside a JSON value. */
function allPaths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
	const out: Array<Array<string | number>> = [prefix];
	if (Array.isArray(v)) v.forEach((x, i) => { for (const p of allPaths(x, [...prefix, i])) out.push(p); });
	else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) for (const p of allPaths(x, [...prefix, k])) out.push(p);
	return out;
}

/** Values likely to hit a boundary somewhere in a scenario. */
const interesting = fc.constantFrom<unknown>(0, -1, 1, 0.5, 1e9, '', 'x', '08:00', '24:00', '07:00', 'dukcapil', 'dukcapil/kk', 'priority', '*', null, [], {}, true, ['08:00', '12:00']);

/** A valid fixture with one to four random edits: replace a value, delete a key or element, or add a field. */
function mutatedScenario(): fc.Arbitrary<unknown> {
	const base = fc.constantFrom<() => unknown>(smallScenario, () => continuousScenario(2, 10, 5)).map((f) => f());
	const edit = fc.record({ pick: fc.nat(), kind: fc.constantFrom('set', 'delete', 'add'), value: fc.oneof(interesting, fc.jsonValue({ maxDepth: 2 })) });
	return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([s, edits]) => {
		for (const e0 of edits) {
			// fc.constantFrom hands out the same [] and {} every time: a copy keeps edits from building cycles.
			const e = { ...e0, value: structuredClone(e0.value) };
			const paths = allPaths(s).filter((p) => p.length > 0);
			const path = paths[e.pick % paths.length];
			let parent = s as Any;
			for (const k of path.slice(0, -1)) parent = parent[k];
			const last = path[path.length - 1];
			if (e.kind === 'set') parent[last] = e.value;
			else if (e.kind === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
			else if (e.kind === 'delete') delete parent[last];
			else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) parent[last].extra = e.value;
			else parent[last] = e.value;
		}
		return s;
	});
}
