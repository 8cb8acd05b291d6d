/** `npm run schema`: writes the scenario JSON Schema to static/scenario.schema.json. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from '../lib/model/jsonSchema';

// Resolved from this file, not the working directory, so it writes the same file wherever it is run from.
const target = fileURLToPath(new URL(`../../${SCENARIO_SCHEMA_PATH}`, import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${SCENARIO_SCHEMA_PATH}`);
