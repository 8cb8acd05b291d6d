/** What the log commands (calibrate, replay, validate-model) share: the --map flag and reading a log to the end. */
import { parseColumnMap } from '../lib/calibrate/logColumns';
import type { ColumnMap, LogRecord } from '../lib/calibrate/logRecord';
import { readLog, type ReadLogOptions, type ReadLogResult } from '../lib/calibrate/logReader';
import { CliError } from './cliError';
import { openLog } from './logFile';

/** The --map flag as a column map (a bad one exits 2 with the reason). */
export function columnMapOption(text: string | undefined): ColumnMap | undefined {
	if (text === undefined) return undefined;
	const parsed = parseColumnMap(text);
	if (!parsed.ok) throw new CliError(`--map: ${parsed.message}`, 2);
	return parsed.map;
}

/** Progress of reading a log on stderr: a rewritten line on a terminal, nothing otherwise. */
export function readProgress(file: string, size: number): { update: (bytes: number) => void; end: () => void } {
	const tty = process.stderr.isTTY === true && size > 0;
	let shown = -1;
	return {
		update(bytes) {
			const pct = Math.min(100, Math.floor((100 * bytes) / size));
			if (tty && pct !== shown) process.stderr.write(`\r${file}: reading ${(shown = pct)}%`);
		},
		end() {
			if (tty) process.stderr.write('\r\x1b[K');
		}
	};
}

/** Reads a whole log file (streamed) with `options`; a fatal problem becomes a CliError. */
async function readLogFile(file: string, options: Omit<ReadLogOptions, 'file'>, onRecord: (r: LogRecord) => void): Promise<ReadLogResult & { ok: true }> {
	const log = openLog(file);
	const progress = readProgress(file, log.size);
	let result: ReadLogResult;
	try {
		result = await readLog(log.chunks, { ...options, file, onProgress: progress.update }, onRecord);
	} finally {
		progress.end();
	}
	if (!result.ok) throw new CliError(result.message);
	return result;
}

/** Every usable record of a log file (a fatal problem becomes a CliError). */
export async function logRecords(file: string, map: ColumnMap | undefined): Promise<LogRecord[]> {
	const records: LogRecord[] = [];
	await readLogFile(file, { map }, (r) => records.push(r));
	return records;
}
