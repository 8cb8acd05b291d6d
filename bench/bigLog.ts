/**
 * A 1,000,000-row ticket log for the calibrate measure: the synthetic sample's twenty days repeated over successive
 * working days (Monday to Friday from January 2000), each copy with its own date and visit ids, written a day at a
 * time. Same-shaped data at fifty times the length of a real year's log of a busy hall: what the measure times is
 * reading and fitting, which the repetition does not shorten (every row is read, every duration fitted).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { root } from '../scripts/cliBuild.mjs';

/** The sample the big log is made of. */
export const SAMPLE_LOG = 'samples/contoh-log-sintetis-mpp.csv';

/** Writes a log of at least `rows` data rows to `file`; resolves with the rows written. */
export async function writeBigLog(file: string, rows: number): Promise<number> {
	const [header, ...lines] = readFileSync(join(root, SAMPLE_LOG), 'utf8').trimEnd().split('\n');
	// Rows by their date (the first field): each sample day becomes one new day.
	const days = new Map<string, string[]>();
	for (const line of lines) {
		const date = line.slice(0, line.indexOf(';'));
		if (!days.has(date)) days.set(date, []);
		days.get(date)!.push(line.slice(line.indexOf(';')));
	}
	const sampleDays = [...days.values()];
	const out = createWriteStream(file);
	out.write(header + '\n');
	let written = 0;
	const day = new Date(Date.UTC(2000, 0, 3));
	for (let k = 0; written < rows; k++) {
		while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
		const date = day.toISOString().slice(0, 10);
		const compact = date.replaceAll('-', '');
		// The visit id carries the sample's date (20260302-0002): the copy's date keeps visits apart.
		const block = sampleDays[k % sampleDays.length].map((rest) => date + rest.replace(/;\d{8}-/, `;${compact}-`)).join('\n') + '\n';
		if (!out.write(block)) await once(out, 'drain');
		written += sampleDays[k % sampleDays.length].length;
		day.setUTCDate(day.getUTCDate() + 1);
	}
	out.end();
	await once(out, 'finish');
	return written;
}
