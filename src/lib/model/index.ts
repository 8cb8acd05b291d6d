/** The model's public API: the scenario format, parsing with path-naming errors, and clock helpers. */
export * from './scenario';
export { isContinuous } from './calendarKind';
export * from './distribution';
export { CLOCK_PATTERN, parseClock, formatClock, formatClockSeconds } from './clock';
export { type ScenarioError, type PathSegments, formatScenarioError, formatPath, scenarioError } from './errors';
export { type ParseResult, parseScenario, parseScenarioText } from './parse';
export { type CrossCheckResult, crossCheck } from './crossChecks';
export { type ServiceRef, type AgencyList, resolveServes, serviceKey, splitEntry, entryExists } from './serves';
export { parseJsonText, lineColumn, type JsonTextResult } from './jsonText';
export { scenarioJsonSchema, scenarioJsonSchemaText, SCENARIO_SCHEMA_PATH } from './jsonSchema';
