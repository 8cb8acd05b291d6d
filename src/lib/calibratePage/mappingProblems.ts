/** What stops a log being read as mapped, in terms the calibrate page translates. */
import type { ColumnMap, LogField } from '../calibrate/logRecord';

/**
 * Why a mapping cannot be read, in words the page translates: a required field with no column, a column chosen for
 * two fields, or the reader's own message (in English, as the CLI prints it).
 */
export type MappingProblem = { kind: 'missing'; field: LogField } | { kind: 'taken'; field: LogField; column: string } | { kind: 'other'; text: string };

/** The fields a log cannot do without (detectColumns' rule). */
const REQUIRED: readonly LogField[] = ['issued', 'service'];

/**
 * The problems of a mapping in the page's terms: each column chosen that detectColumns could not give its field
 * (another field has it), each required field left without a column; the reader's messages when neither explains them.
 */
export function mappingProblems(columns: ColumnMap, chosen: ColumnMap, reported: readonly string[]): MappingProblem[] {
	if (reported.length === 0) return [];
	const out: MappingProblem[] = [];
	for (const [field, column] of Object.entries(chosen) as Array<[LogField, string]>) {
		if (column !== '' && columns[field] !== column) out.push({ kind: 'taken', field, column });
	}
	for (const field of REQUIRED) if (columns[field] === undefined && !out.some((p) => p.kind === 'taken' && p.field === field)) out.push({ kind: 'missing', field });
	return out.length > 0 ? out : reported.map((text) => ({ kind: 'other', text }));
}
