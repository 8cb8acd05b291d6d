/** Assertions shared by the model tests. */
import { expect } from 'vitest';
import type { ScenarioError } from '../../src/lib/model/errors';
import { parseScenario } from '../../src/lib/model/parse';

/** The errors of an input that must be invalid. */
export function errorsOf(input: unknown): ScenarioError[] {
	const r = parseScenario(input);
	if (r.ok) throw new Error('expected the scenario to be invalid, but it parsed');
	return r.errors;
}

/** Asserts the input is invalid with an error at exactly `path` (and, if given, a message matching `message`). */
export function expectErrorAt(input: unknown, path: string, message?: string | RegExp): ScenarioError {
	const errors = errorsOf(input);
	const at = errors.filter((e) => e.path === path);
	expect(at, `no error at "${path}"; got ${JSON.stringify(errors)}`).not.toHaveLength(0);
	if (message === undefined) return at[0];
	const hit = at.find((e) => (typeof message === 'string' ? e.message === message : message.test(e.message)));
	expect(hit, `no error at "${path}" matching ${message}; got ${JSON.stringify(at)}`).toBeDefined();
	return hit!;
}

/** Asserts the input is valid and returns its warnings. */
export function warningsOf(input: unknown): ScenarioError[] {
	const r = parseScenario(input);
	if (!r.ok) throw new Error(`expected a valid scenario; got ${JSON.stringify(r.errors)}`);
	return r.warnings;
}

/** Splits a JSON path written by formatPath back into keys and indices. */
export function pathSegments(path: string): Array<string | number> {
	const out: Array<string | number> = [];
	const re = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
	let m: RegExpExecArray | null;
	while (re.lastIndex < path.length && (m = re.exec(path))) {
		if (m[1] !== undefined) out.push(m[1]);
		else if (m[2] !== undefined) out.push(Number(m[2]));
		else out.push(JSON.parse(m[3]) as string);
	}
	if (re.lastIndex !== path.length && path !== '') throw new Error(`unparseable path ${path}`);
	return out;
}

/** True when the value at all but the last segment of the path exists in the input (the error points into it). */
export function parentExists(input: unknown, path: string): boolean {
	const segs = pathSegments(path);
	let v: unknown = input;
	for (const s of segs.slice(0, -1)) {
		if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) return false;
		v = (v as Record<string | number, unknown>)[s];
	}
	return true;
}
