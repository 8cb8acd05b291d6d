/** Hand-built LogRecords for the estimator tests: only what a test sets differs from a plain served leg. */
import type { LogRecord } from '../../src/lib/calibrate/logRecord';

let line = 1;

/** A served leg issued at `issued` (minutes), called 5 minutes later, served 10; anything overridable. */
export function rec(p: Partial<LogRecord> = {}): LogRecord {
	line++;
	const issued = p.issued ?? 480;
	const called = p.called ?? issued + 5;
	const start = p.start ?? called;
	return {
		line,
		date: '2024-03-04',
		weekday: 'mon',
		visit: `#${line}`,
		ticket: '',
		agency: 'Dukcapil',
		service: 'KTP',
		counter: 'Loket 1',
		issued,
		called,
		start,
		end: start + 10,
		left: NaN,
		outcome: 'served',
		online: false,
		priority: false,
		...p
	};
}

/** `n` copies of rec(p). */
export function recs(n: number, p: Partial<LogRecord> | ((i: number) => Partial<LogRecord>) = {}): LogRecord[] {
	return Array.from({ length: n }, (_, i) => rec(typeof p === 'function' ? p(i) : p));
}
