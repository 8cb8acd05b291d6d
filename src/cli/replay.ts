/** `mpp replay`: a ticket log's real days — arrivals, services, durations — run through a scenario's layout. */
import { hourlyCsv, summaryCsv } from '../lib/export/csv';
import { summaryJson } from '../lib/export/json';
import { replayLog, type ReplayResult } from '../lib/replay/replay';
import { hasLeftTimes, observedTally, type WaitStats } from '../lib/replay/waitTally';
import type { Scenario } from '../lib/model/scenario';
import { finiteOrNull } from '../lib/stats/runSummary';
import { CliError } from './cliError';
import { fmt, table } from './format';
import { columnMapOption, logRecords } from './logOptions';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { loadScenario } from './scenarioFile';
import { printable } from './terminalText';
import { visitsWriter } from './visitsFile';

/** Options of `mpp replay`. */
export interface ReplayCommandOptions {
	scenario: string;
	map?: string;
	out?: string;
	json?: boolean;
}

/** The figures compared: column, name in replay.csv, WaitStats key, scale to print, digits. */
const FIGURES = [
	{ label: 'served/day', name: 'served_per_day', key: 'servedPerDay', scale: 1, digits: 1 },
	{ label: 'wait mean', name: 'wait_mean', key: 'waitMean', scale: 1, digits: 1 },
	{ label: 'wait P50', name: 'wait_p50', key: 'waitP50', scale: 1, digits: 1 },
	{ label: 'wait P90', name: 'wait_p90', key: 'waitP90', scale: 1, digits: 1 },
	{ label: 'within target %', name: 'within_target', key: 'withinTarget', scale: 100, digits: 1 },
	{ label: 'abandon %', name: 'abandon_share', key: 'abandonShare', scale: 100, digits: 1 }
] as const;

/** Runs `mpp replay` on a log file: observed beside replayed, per agency and overall. */
export async function replayCommand(file: string, opts: ReplayCommandOptions): Promise<void> {
	const map = columnMapOption(opts.map);
	const { scenario, warnings } = loadScenario(opts.scenario);
	for (const w of warnings) process.stderr.write(w + '\n');
	if (opts.out !== undefined) prepareOut(opts.out);
	const records = await logRecords(file, map);
	const out = opts.out !== undefined ? new OutFiles(opts.out) : null;
	try {
		const visits = out ? visitsWriter(out) : null;
		const replayed = replayLog(records, scenario, { onLeg: visits?.add });
		if (!replayed.ok) throw new CliError(`${file}: ${replayed.message}`);
		visits?.close();
		const r = replayed.result;
		const observed = observedTally(records, scenario, r.days, { abandonedWaits: hasLeftTimes(records) }).summary();
		const rows = comparisonRows(scenario, observed, r);
		if (out) {
			out.write('summary.csv', summaryCsv(r.summary));
			out.write('hourly.csv', hourlyCsv(r.summary));
			out.write('replay.csv', replayCsv(rows));
			process.stderr.write(`wrote ${out.commit().join(', ')} to ${out.dir}\n`);
		}
		process.stdout.write(opts.json ? replayJson(r, rows) : printable(formatReplay(file, scenario, r, rows)));
	} catch (e) {
		out?.discard();
		throw e;
	}
}

interface Row {
	id: string;
	observed: WaitStats;
	replay: WaitStats;
}

/** The whole hall, then each agency, observed beside replayed. */
function comparisonRows(scenario: Scenario, observed: { overall: WaitStats; agencies: Array<{ id: string; stats: WaitStats }> }, r: ReplayResult): Row[] {
	return [
		{ id: '(all)', observed: observed.overall, replay: r.overall },
		...scenario.agencies.map((a, i) => ({ id: a.id, observed: observed.agencies[i].stats, replay: r.agencies[i].stats }))
	];
}

const cell = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '');

/** replay.csv: one row per agency and figure, observed, replayed and their difference. */
function replayCsv(rows: Row[]): string {
	const lines = ['agency,figure,observed,replay,difference'];
	for (const row of rows) {
		for (const { name, key } of FIGURES) {
			const o = row.observed[key];
			const p = row.replay[key];
			lines.push(`${row.id === '(all)' ? '' : row.id},${name},${cell(o)},${cell(p)},${cell(p - o)}`);
		}
	}
	return lines.join('\n') + '\n';
}

/** The --json output: days, what the trace counted and dropped, observed and replayed figures, the run summary. */
function replayJson(r: ReplayResult, rows: Row[]): string {
	const figures = (s: WaitStats): Record<string, number | null> => {
		const f: Record<string, number | null> = { visitors: s.visitors };
		for (const { key } of FIGURES) f[key] = finiteOrNull(s[key]);
		return f;
	};
	const body = {
		days: r.days,
		counts: r.counts,
		unmatched: r.unmatched,
		rows: rows.map((x) => ({ agency: x.id === '(all)' ? null : x.id, observed: figures(x.observed), replay: figures(x.replay) })),
		daily: r.daily.map((d) => ({ date: d.date, meanWait: finiteOrNull(d.meanWait) })),
		summary: JSON.parse(summaryJson(r.summary))
	};
	return `${JSON.stringify(body, null, 2)}\n`;
}

/** The readable replay: what was replayed, then observed beside replayed per agency. */
function formatReplay(file: string, scenario: Scenario, r: ReplayResult, rows: Row[]): string {
	const c = r.counts;
	const head = [
		`Replay of ${file} through ${scenario.name} (${scenario.id}): ${r.days.length} day(s), ${r.days[0] ?? '—'} – ${r.days[r.days.length - 1] ?? '—'}`,
		`  ${c.legs} tickets replayed (${c.served} served, ${c.abandoned} abandoned in the log, ${c.noShow} no-shows)${c.unmatched + c.badTime > 0 ? `; ${c.unmatched + c.badTime} rows dropped` : ''}`,
		...r.unmatched.slice(0, 10).map((u) => `  not in the scenario: ${u.agencyKey} / ${u.serviceKey} (${u.rows} rows)`),
		...(c.abandonedWithoutLeft > 0 ? [`  ${c.abandonedWithoutLeft} abandoned rows have no leaving time: each leaves just before its turn would have come`] : []),
		'  Visitors who were served in the log never leave in the replay (their patience is unknown: it outlasted their wait), so a layout worse',
		'  than the log\'s shows abandonment too low and waits a little too long.',
		'',
		'  per agency: observed / replayed (minutes; shares in %)'
	];
	const header = ['agency', ...FIGURES.map((f) => f.label)];
	const body = rows.map((row) => [row.id, ...FIGURES.map(({ key, scale, digits }) => `${fmt(finiteOrNull(row.observed[key]), digits, scale)} / ${fmt(finiteOrNull(row.replay[key]), digits, scale)}`)]);
	return [...head, ...table([header, ...body])].join('\n') + '\n';
}
