/**
 * The data-quality report of a log: rows read, used and rejected by reason with their lines, the days covered and
 * the working days with no ticket. QualityTally counts as rows go by (a Map per distinct day, a few numbers per
 * reason), so it costs the same for a million rows as for ten; qualityReportCsv writes the rejected lines.
 */
import { EMPTY_DAYS_LISTED, noteText, type LogNote } from './logNotes';
import Papa from 'papaparse';
import { textCell } from '../export/cells';
import type { DayId } from '../model/scenario';
import { REJECT_REASONS, REJECTED_LINES_KEPT, type ColumnMap, type QualityReport, type Rejected, type RejectReason } from './logRecord';
import { dayKey, weekdayOf } from './logTime';

/** A day seen in the log: its order, and whether it is a calendar day (a "YYYY-MM-DD" key). */
interface DaySeen {
	order: number;
	calendar: boolean;
}

/** Counts what a log read found, row by row, and writes the QualityReport at the end. */
export class QualityTally {
	private rowsRead = 0;
	private rowsUsed = 0;
	/** Per reason: its count, and the lines and columns of its first REJECTED_LINES_KEPT rows. */
	private readonly rejected = new Map<RejectReason, Rejected>();
	private readonly days = new Map<string, DaySeen>();
	private readonly weekdays = new Set<DayId>();

	/** A row that was rejected, and why (with the column at fault, "" when no one column is). */
	reject(reason: RejectReason, line: number, column = ''): void {
		this.rowsRead++;
		let r = this.rejected.get(reason);
		if (r === undefined) this.rejected.set(reason, (r = { reason, count: 0, lines: [], columns: [] }));
		r.count++;
		if (r.lines.length < REJECTED_LINES_KEPT) {
			r.lines.push(line);
			r.columns.push(column);
		}
	}

	/** A row that was used: its date key, its calendar day number (NaN for visits.csv's "r1-d2" keys) and weekday. */
	use(date: string, day: number, weekday: DayId): void {
		this.rowsRead++;
		this.rowsUsed++;
		if (!this.days.has(date)) this.days.set(date, { order: day === day ? day : runDayOrder(date), calendar: day === day });
		this.weekdays.add(weekday);
	}

	/** The report, with the log's file, delimiter, header, columns and notes. */
	report(file: string, delimiter: string, header: string[], columns: ColumnMap, noteCodes: LogNote[]): QualityReport {
		const rejected = REJECT_REASONS.flatMap((reason) => {
			const r = this.rejected.get(reason);
			return r ? [{ ...r }] : [];
		});
		const sorted = [...this.days.entries()].sort((a, b) => a[1].order - b[1].order || (a[0] < b[0] ? -1 : 1));
		const emptyDays = this.emptyDays(sorted, noteCodes);
		return {
			file,
			delimiter,
			header,
			columns,
			rowsRead: this.rowsRead,
			rowsUsed: this.rowsUsed,
			rejected,
			firstDate: sorted.length > 0 ? sorted[0][0] : null,
			lastDate: sorted.length > 0 ? sorted[sorted.length - 1][0] : null,
			days: sorted.length,
			emptyDays,
			notes: noteCodes.map(noteText),
			noteCodes
		};
	}

	/** Calendar days between the first and last with no used row, on a weekday that has rows elsewhere in the log. */
	private emptyDays(sorted: Array<[string, DaySeen]>, notes: LogNote[]): string[] {
		const calendar = sorted.filter(([, d]) => d.calendar);
		if (calendar.length < 2) return [];
		const out: string[] = [];
		let more = 0;
		const last = calendar[calendar.length - 1][1].order;
		for (let day = calendar[0][1].order + 1; day < last; day++) {
			if (!this.weekdays.has(weekdayOf(day))) continue;
			const key = dayKey(day);
			if (this.days.has(key)) continue;
			if (out.length < EMPTY_DAYS_LISTED) out.push(key);
			else more++;
		}
		if (more > 0) notes.push({ code: 'more-empty-days', count: more });
		return out;
	}
}

/** The order of a visits.csv day key "r<replication>-d<day>": by replication, then day. */
function runDayOrder(key: string): number {
	const m = /^r(\d+)-d(\d+)$/.exec(key);
	return m === null ? Number.MAX_SAFE_INTEGER : Number(m[1]) * 1_000_000 + Number(m[2]);
}

/**
 * The rejected rows as CSV, "reason,line,column" with a header: one row per kept line, reasons in REJECT_REASONS
 * order, and the column at fault ("" when no one column is). A column is the log's own header text: one that a
 * spreadsheet would run as a formula is quoted with a leading "'".
 */
export function qualityReportCsv(report: QualityReport): string {
	const rows: string[][] = [];
	for (const r of report.rejected) r.lines.forEach((line, i) => rows.push([r.reason, String(line), textCell(r.columns[i] ?? '')]));
	const text = Papa.unparse({ fields: ['reason', 'line', 'column'], data: rows }, { newline: '\n' });
	// Papaparse ends a header with no rows with its own newline.
	return text.endsWith('\n') ? text : `${text}\n`;
}
