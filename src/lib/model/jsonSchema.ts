/** The published JSON Schema of the scenario file format, generated from the zod schema so the two cannot drift. */
import { z } from 'zod';
import { ScenarioSchema, SCENARIO_VERSION } from './scenario';

/** Where the schema lives in the repository, relative to its root (`npm run schema` writes it). */
export const SCENARIO_SCHEMA_PATH = 'static/scenario.schema.json';

/** JSON Schema (draft 2020-12) of scenario files as written: fields with defaults are optional. */
export function scenarioJsonSchema(): Record<string, unknown> {
	// io: 'input' describes what a file may contain, not the parsed value with its defaults filled in.
	const generated = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
	const { $schema, ...rest } = generated;
	return {
		$schema,
		$id: `urn:mpp-planner:scenario:v${SCENARIO_VERSION}`,
		title: 'MPP Planner scenario',
		description:
			'A Mal Pelayanan Publik scenario for MPP Planner (format version 1): opening calendar, agencies and their services, ' +
			'demand, counters with shifts and work profiles, allocation policy and run settings. Times of day are "HH:MM", durations minutes.',
		...rest
	};
}

/** The schema file's exact text: tab-indented JSON with a trailing newline. */
export function scenarioJsonSchemaText(): string {
	return JSON.stringify(scenarioJsonSchema(), null, '\t') + '\n';
}
