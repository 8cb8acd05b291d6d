/** `mpp validate-model`: how close a scenario comes to a ticket log — observed against replayed and modelled. */
import { DEFAULT_ACCURACY, validateModel, type PairedInterval, type ValidationResult, type ValidationRow, type Verdict } from '../lib/replay/validation';
import { finiteOrNull } from '../lib/stats/runSummary';
import { CliError } from './cliError';
import { fmt, table } from './format';
import { columnMapOption, logRecords } from './logOptions';
import { progressReporter } from './progress';
import { loadScenario } from './scenarioFile';
import { printable } from './terminalText';

/** Options of `mpp validate-model`. */
export interface ValidateModelOptions {
	scenario: string;
	map?: string;
	replications?: number;
	seed?: number;
	accuracy?: string;
	json?: boolean;
}

/** Replications of the model unless told otherwise: enough for its mean waits to be known to a few percent. */
const DEFAULT_VALIDATION_REPLICATIONS = 30;

/** "10%,2" or "0.1,2": relative accuracy and minutes (a bad one exits 2 with the rule). */
function parseAccuracy(text: string | undefined): { relative: number; minutes: number } {
	if (text === undefined) return { ...DEFAULT_ACCURACY };
	const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
	const relative = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
	if (!m || !(relative >= 0 && relative <= 1)) throw new CliError(`--accuracy: expected "<share or percent>,<minutes>" such as "10%,2", got "${text}"`, 2);
	return { relative, minutes: Number(m[3]) };
}

/** Runs `mpp validate-model` on a log file against a scenario. */
export async function validateModelCommand(file: string, opts: ValidateModelOptions): Promise<void> {
	const map = columnMapOption(opts.map);
	const accuracy = parseAccuracy(opts.accuracy);
	const { scenario, warnings } = loadScenario(opts.scenario);
	for (const w of warnings) process.stderr.write(w + '\n');
	const records = await logRecords(file, map);
	const replications = opts.replications ?? DEFAULT_VALIDATION_REPLICATIONS;
	const progress = progressReporter(`validate-model ${scenario.id}`, opts.json === true && process.stderr.isTTY !== true);
	const report = validateModel(records, scenario, { replications, seed: opts.seed ?? scenario.run.seed, accuracy }, (done, total) => progress.update({ done, total }));
	progress.end();
	if (!report.ok) throw new CliError(`${file}: ${report.message}`);
	process.stdout.write(opts.json ? validationJson(report) : printable(formatValidation(file, scenario.id, report)));
}

/** The --json output: everything but the sorted waits (the CDFs' raw material, as large as the log). */
function validationJson(v: ValidationResult): string {
	const row = (r: ValidationRow) => {
		const { waits: _waits, ...rest } = r;
		return rest;
	};
	const body = { ...v, overall: row(v.overall), agencies: v.agencies.map(row) };
	return `${JSON.stringify(body, (_k, x) => (typeof x === 'number' ? finiteOrNull(x) : x), 2)}\n`;
}

const VERDICT: Record<Verdict, string> = { agrees: 'agrees', differs: 'DIFFERS', 'too-few': 'too few' };

function interval(p: PairedInterval): string {
	return p.days < 2 ? '—' : `${fmt(finiteOrNull(p.mean), 1)} [${fmt(finiteOrNull(p.low), 1)}, ${fmt(finiteOrNull(p.high), 1)}]`;
}

/** The readable validation: the verdict first, then mean waits and the other figures per agency. */
function formatValidation(file: string, scenarioId: string, v: ValidationResult): string {
	const a = v.accuracy;
	const rule = `mean wait within ${fmt(a.relative * 100, 0)}% or ${fmt(a.minutes, 1)} min of the observed`;
	const rows = [v.overall, ...v.agencies];
	const waits = table([
		['agency', 'observed', 'replay', 'model', 'model − obs. by day [95%]', 'replay', 'model'],
		...rows.map((r) => [
			r.id === '' ? '(all)' : r.id,
			fmt(finiteOrNull(r.observed.waitMean), 1),
			fmt(finiteOrNull(r.replay.waitMean), 1),
			fmt(finiteOrNull(r.model.waitMean), 1),
			interval(r.paired.model),
			VERDICT[r.verdict.replay],
			VERDICT[r.verdict.model]
		])
	]);
	const others = table([
		['agency', 'P90 obs/replay/model', 'served a day obs/replay/model', 'abandon % obs/replay/model'],
		...rows.map((r) => [
			r.id === '' ? '(all)' : r.id,
			[r.observed, r.replay, r.model].map((f) => fmt(finiteOrNull(f.waitP90), 1)).join(' / '),
			[r.observed, r.replay, r.model].map((f) => fmt(finiteOrNull(f.servedPerDay), 1)).join(' / '),
			[r.observed, r.replay, r.model].map((f) => fmt(finiteOrNull(f.abandonShare), 1, 100)).join(' / ')
		])
	]);
	const hourly = v.hourly.map((h) => `${String(h.hour).padStart(2, '0')}h ${fmt(h.observed, 1)}/${fmt(h.replay, 1)}/${fmt(h.model, 1)}`);
	return [
		`Validation of ${scenarioId} against ${file}: ${v.days.length} day(s) (${v.days[0]} – ${v.days[v.days.length - 1]}), model over ${v.replications} replications (seed ${v.seed})`,
		`verdict: the model ${v.verdict === 'agrees' ? 'AGREES with' : v.verdict === 'differs' ? 'DIFFERS from' : 'cannot be judged against'} the log (${rule}; the whole hall)`,
		...(v.verdict === 'too-few' ? ['  too few observed waits to judge to that accuracy'] : []),
		...(v.unmatched.length > 0 ? [`  ${v.unmatched.reduce((n, u) => n + u.rows, 0)} rows of services the scenario lacks were left out`] : []),
		'',
		'  mean wait (min) and verdicts',
		...waits,
		'',
		...others,
		'',
		`  tickets waiting by clock hour, observed/replay/model: ${hourly.join('  ')}`
	].join('\n') + '\n';
}
