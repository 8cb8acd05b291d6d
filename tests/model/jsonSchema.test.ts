import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/lib/model/jsonSchema';
import { continuousScenario, smallScenario } from '../fixtures/scenarios';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('scenario JSON Schema', () => {
	it('is committed up to date', () => {
		const file = fileURLToPath(new URL(`../../${SCENARIO_SCHEMA_PATH}`, import.meta.url));
		const committed = readFileSync(file, 'utf8');
		expect(committed === scenarioJsonSchemaText(), `${SCENARIO_SCHEMA_PATH} is out of date with src/lib/model: run \`npm run schema\``).toBe(true);
	});
	it('is draft 2020-12 with an id, title and description', () => {
		const s = scenarioJsonSchema();
		expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(s.$id).toMatch(/scenario/);
		expect(typeof s.title).toBe('string');
		expect(typeof s.description).toBe('string');
	});
	it('describes the input: fields with defaults are optional', () => {
		const s = scenarioJsonSchema() as Any;
		expect(s.required).toEqual(['version', 'id', 'name', 'calendar', 'agencies', 'demand', 'counters']);
		expect(s.properties.demand.required ?? []).not.toContain('priorityShare');
		expect(s.properties.counters.items.required).toEqual(['id', 'serves']);
	});
	it('has patterns that accept what the fixtures write (JSON Schema patterns carry no flags)', () => {
		const s = scenarioJsonSchema() as Any;
		const counterId = new RegExp(s.properties.counters.items.properties.id.pattern, 'u');
		for (const c of [...(smallScenario().counters as Any[]), ...(continuousScenario(2, 1, 1).counters as Any[])]) expect(counterId.test(c.id), c.id).toBe(true);
		const open = new RegExp(s.properties.calendar.anyOf[0].properties.hours.properties.default.properties.open.pattern, 'u');
		expect(open.test('08:00')).toBe(true);
		expect(open.test('8:00')).toBe(false);
	});
});
