/** `mpp calibrate`: a scenario from a queue system's ticket log, with the data-quality report and the fits. */
import { basename, dirname } from 'node:path';
import { calibrateLog, calibrationJson, fitsCsv, type CalibrationResult } from '../lib/calibrate/calibration';
import { qualityReportCsv } from '../lib/calibrate/qualityReport';
import type { QualityReport } from '../lib/calibrate/logRecord';
import { CliError } from './cliError';
import { fmt, table } from './format';
import { openLog } from './logFile';
import { columnMapOption, readProgress } from './logOptions';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { loadScenario } from './scenarioFile';
import { printable } from './terminalText';

/** Options of `mpp calibrate`. */
export interface CalibrateCommandOptions {
	base?: string;
	map?: string;
	out?: string;
	report?: string;
	seed?: number;
	json?: boolean;
}

/** Runs `mpp calibrate` on a log file: the readable report (or JSON) on stdout, the scenario and report files written all or nothing. */
export async function calibrateCommand(file: string, opts: CalibrateCommandOptions): Promise<void> {
	const map = columnMapOption(opts.map);
	const base = opts.base !== undefined ? loadScenario(opts.base).scenario : undefined;
	if (opts.out !== undefined && opts.out.trim() === '') throw new CliError('--out: expected a file name, got an empty one', 2);
	if (opts.out !== undefined) prepareOut(dirname(opts.out));
	if (opts.report !== undefined) prepareOut(opts.report);
	const log = openLog(file);
	const progress = readProgress(file, log.size);
	const started = Date.now();
	const calibrated = await calibrateLog(log.chunks, {
		file,
		map,
		base,
		seed: opts.seed,
		onProgress: progress.update,
		onPhase: (p) => (p.phase === 'fit' && p.done === 0 ? progress.end() : undefined)
	});
	progress.end();
	if (!calibrated.ok) throw new CliError(calibrated.message);
	const result = calibrated.result;
	process.stderr.write(`calibrate: ${result.report.rowsUsed} of ${result.report.rowsRead} rows used, ${result.fits.length} services fitted in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	// calibration.json and --json are the same text (every fit's sample in it): made once.
	const json = opts.json || opts.report !== undefined ? `${JSON.stringify(calibrationJson(result), null, 2)}\n` : '';
	writeFiles(result, json, opts);
	process.stdout.write(opts.json ? json : printable(formatCalibration(result, opts.out)));
}

/** The scenario (--out) and the report folder (--report), each renamed into place only when complete. */
function writeFiles(result: CalibrationResult, json: string, opts: CalibrateCommandOptions): void {
	const scenarioOut = opts.out !== undefined ? new OutFiles(dirname(opts.out)) : null;
	const reportOut = opts.report !== undefined ? new OutFiles(opts.report) : null;
	try {
		scenarioOut?.write(basename(opts.out!), `${JSON.stringify(result.scenario, null, 2)}\n`);
		reportOut?.write('quality.csv', qualityReportCsv(result.report));
		reportOut?.write('fits.csv', fitsCsv(result));
		reportOut?.write('calibration.json', json);
	} catch (e) {
		scenarioOut?.discard();
		reportOut?.discard();
		throw e;
	}
	if (scenarioOut) process.stderr.write(`wrote ${scenarioOut.commit().join(', ')} to ${scenarioOut.dir}\n`);
	if (reportOut) process.stderr.write(`wrote ${reportOut.commit().join(', ')} to ${reportOut.dir}\n`);
}

/** The readable summary: what was read, what was rejected and why, demand, and the fit of every service. */
function formatCalibration(r: CalibrationResult, out: string | undefined): string {
	const d = r.demand;
	const b = r.behaviour;
	const lines = [
		...formatQuality(r.report),
		'',
		`demand: ${fmt(d.visitorsPerDay, 1)} visitors a day over ${d.days} day(s); day factors ${d.byWeekday.map((w) => `${w.weekday} ${fmt(w.factor, 2)}`).join(', ')}`,
		`abandonment ${fmt(b.abandonShare * 100, 1)} %${b.patience ? ` (patience ${describe(b.patience)}: ${b.patienceMethod})` : ''}` +
			(b.extraServiceProbability !== null ? `; further service ${fmt(b.extraServiceProbability * 100, 1)} %` : '') +
			(b.onlineShare !== null ? `; online ${fmt(b.onlineShare * 100, 1)} %` : '') +
			(b.noShowShare !== null ? `; no-shows ${fmt(b.noShowShare * 100, 1)} % of online` : '') +
			(b.priorityShare !== null ? `; priority ${fmt(b.priorityShare * 100, 1)} %` : ''),
		`counters: ${r.counters.length}`,
		'',
		'service-time fits (maximum likelihood, chosen by AIC; p: parametric bootstrap of the KS distance):',
		...table([
			['agency/service', 'n', 'fitted from', 'distribution', 'KS', 'p'],
			...r.fits.map((f) => [
				`${f.agency}/${f.service}`,
				String(f.n),
				f.pooled,
				describe(f.fit.chosen.distribution),
				fmt(f.fit.ks, 3),
				f.fit.pValue === null ? 'n/a' : fmt(f.fit.pValue, 3)
			])
		]),
		'',
		out !== undefined ? `scenario: ${out} (its notes record where every figure came from)` : 'scenario: not written (give --out FILE)'
	];
	return lines.join('\n') + '\n';
}

/** The quality report as lines: rows read, used, and rejected by reason with their first lines. */
function formatQuality(q: QualityReport): string[] {
	const range = q.firstDate === null ? 'no usable rows' : `${q.firstDate} – ${q.lastDate}, ${q.days} day(s)`;
	return [
		`${q.file}: ${q.rowsRead} rows read, ${q.rowsUsed} used (${range})`,
		...q.rejected.map((x) => `  rejected ${x.count}: ${x.reason} (${x.lines.slice(0, 8).map((line, i) => `line ${line}${x.columns[i] ? `, column ${x.columns[i]}` : ''}`).join('; ')}${x.count > 8 ? '; …' : ''})`),
		...(q.emptyDays.length > 0 ? [`  days with no tickets: ${q.emptyDays.slice(0, 10).join(', ')}${q.emptyDays.length > 10 ? ', …' : ''}`] : []),
		...q.notes.map((n) => `  note: ${n}`)
	];
}

/** A distribution in a few words: "lognormal mean 8.2 cv 0.61". */
function describe(d: import('../lib/model/distribution').Distribution): string {
	switch (d.dist) {
		case 'exponential':
			return `exponential mean ${fmt(d.mean, 2)}`;
		case 'lognormal':
		case 'gamma':
			return `${d.dist} mean ${fmt(d.mean, 2)} cv ${fmt(d.cv, 2)}`;
		case 'empirical':
			return `empirical (${d.values.length} values)`;
		default:
			return d.dist;
	}
}
