/** Turns zod issues into ScenarioErrors a planner can read: plain words, the exact JSON path, no zod jargon. */
import type { z } from 'zod';
import { scenarioError, type ScenarioError } from './errors';

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/** Words for a discriminator key in "unknown … "x"" messages. */
const DISCRIMINATOR_NAMES: Record<string, string> = { dist: 'distribution' };

const EXPECTED: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	record: 'an object',
	array: 'an array',
	tuple: 'an array',
	null: 'null'
};

/** ScenarioErrors for zod issues; `input` is the value that was parsed, read to say what was found instead. */
export function issuesToErrors(issues: ReadonlyArray<Issue>, input: unknown): ScenarioError[] {
	const out: ScenarioError[] = [];
	for (const issue of issues) translate(issue, [], input, out);
	return dedupe(out);
}

function translate(issue: Issue, prefix: Segment[], root: unknown, out: ScenarioError[]): void {
	const path = [...prefix, ...issue.path.map(toSegment)];
	const here = lookup(root, path);
	switch (issue.code) {
		case 'invalid_type':
			if (!here.present) out.push(scenarioError(path, 'required'));
			else out.push(scenarioError(path, `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(here.value, issue.expected)}`));
			return;
		case 'unrecognized_keys':
			// One error per key, at the key itself, so an editor can underline it.
			for (const key of issue.keys) out.push(scenarioError([...path, key], `unknown field ${JSON.stringify(key)}`));
			return;
		case 'invalid_union':
			return translateUnion(issue, path, here, root, out);
		case 'invalid_value':
			if (!here.present) out.push(scenarioError(path, 'required'));
			else if (issue.values.length === 1) out.push(scenarioError(path, `expected ${show(issue.values[0])}, got ${show(here.value)}`));
			else out.push(scenarioError(path, `expected one of ${issue.values.map(show).join(', ')}; got ${show(here.value)}`));
			return;
		case 'too_small':
			out.push(scenarioError(path, tooSmall(issue)));
			return;
		case 'too_big':
			out.push(scenarioError(path, tooBig(issue)));
			return;
		case 'invalid_format': {
			// Our regexes carry their own explanation; zod's default text starts with "Invalid".
			const what = issue.message && !issue.message.startsWith('Invalid') ? issue.message : `not a valid ${issue.format}`;
			out.push(scenarioError(path, here.present ? `${what}, got ${show(here.value)}` : what));
			return;
		}
		case 'not_multiple_of':
			out.push(scenarioError(path, `must be a multiple of ${issue.divisor}`));
			return;
		case 'invalid_key':
		case 'invalid_element':
			for (const inner of issue.issues) translate(inner, path, root, out);
			return;
		default:
			out.push(scenarioError(path, issue.message || 'invalid'));
	}
}

/**
 * A union failed. A discriminated union with no matching tag says which tags exist; a plain union (the
 * calendar: days or continuous) reports the branch the input was most likely meant for — the one with the
 * fewest unknown fields at its top, the first on a tie — rather than every branch's complaints.
 */
function translateUnion(issue: Extract<Issue, { code: 'invalid_union' }>, path: Segment[], here: Found, root: unknown, out: ScenarioError[]): void {
	if (issue.errors.length === 0) {
		const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
		const name = DISCRIMINATOR_NAMES[issue.discriminator ?? ''] ?? issue.discriminator ?? 'value';
		const list = options.map(String).join(', ');
		if (issue.discriminator !== undefined && !here.present) out.push(scenarioError(path, `required: one of ${list}`));
		else if (issue.discriminator !== undefined) out.push(scenarioError(path, `unknown ${name} ${show(here.value)} (${list})`));
		else out.push(scenarioError(path, issue.message || 'invalid'));
		return;
	}
	let best = issue.errors[0];
	let bestScore = Infinity;
	for (const branch of issue.errors) {
		let score = 0;
		for (const i of branch) if (i.code === 'unrecognized_keys' && i.path.length === 0) score += i.keys.length;
		if (score < bestScore) {
			best = branch;
			bestScore = score;
		}
	}
	for (const inner of best) translate(inner, path, root, out);
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
	// A bound the schema words itself (limits.ts) says why; zod's own words start "Too small".
	if (issue.message && !issue.message.startsWith('Too small')) return issue.message;
	const min = Number(issue.minimum);
	if (issue.origin === 'array' || issue.origin === 'set') {
		if (issue.exact) return `must have exactly ${plural(min, 'entry', 'entries')}`;
		return min === 1 ? 'must have at least one entry' : `must have at least ${plural(min, 'entry', 'entries')}`;
	}
	if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `must be at least ${plural(min, 'character', 'characters')}`;
	if (min === 0) return issue.inclusive ? 'must not be negative' : 'must be positive';
	return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
	if (issue.message && !issue.message.startsWith('Too big')) return issue.message;
	const max = Number(issue.maximum);
	if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${plural(max, 'entry', 'entries')}`;
	if (issue.origin === 'string') return `must be at most ${plural(max, 'character', 'characters')}`;
	return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

interface Found {
	present: boolean;
	value: unknown;
}

/** The input value at a path; `present` is false when a key or index along it is missing. */
function lookup(root: unknown, path: ReadonlyArray<Segment>): Found {
	let v: unknown = root;
	for (const key of path) {
		if (v === null || typeof v !== 'object') return { present: false, value: undefined };
		// Own properties only: "constructor" or "__proto__" in a path must not reach Object.prototype.
		if (!Object.prototype.hasOwnProperty.call(v, key)) return { present: false, value: undefined };
		v = (v as Record<string | number, unknown>)[key];
	}
	return { present: v !== undefined, value: v };
}

/** What kind of value was found, in words: "string", "null", "array", "NaN"; numbers themselves where the kind is right. */
function describe(value: unknown, expected: string): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return 'NaN';
		if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
		return expected === 'int' ? String(value) : 'number';
	}
	return typeof value;
}

/** A short rendering of a found value for messages: JSON for primitives, the kind otherwise. */
function show(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
	if (typeof value === 'bigint') return `${value}n`;
	return describe(value, '');
}

function toSegment(key: PropertyKey): Segment {
	return typeof key === 'number' ? key : String(key);
}

function dedupe(errors: ScenarioError[]): ScenarioError[] {
	const seen = new Set<string>();
	return errors.filter((e) => {
		const k = `${e.path}\u0000${e.message}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}
