/** `mpp replay`: a ticket log's real days — arrivals, services, durations — run through a scenario's layout. */
import { hourlyCsv, summaryCsv, visitsCsv, visitsRow } from '../lib/export/csv';
import { summaryJson } from '../lib/export/json';
import { replayLog, type ReplayResult } from '../lib/replay/replay';
import { hasLeftTimes, observedTally, type WaitStats } from '../lib/replay/waitTally';
import type { Scenario } from '../lib/model/scenario';
import { CliError } from './cliError';
import { fmt, table } from './format';
import { columnMapOption, logRecords } from './logOptions';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { loadScenario } from './scenarioFile';
import { printable } from './terminalText';

/** Options of `mpp replay`. */
export interface ReplayCommandOptions {
	scenario: string;
	map?: string;
	out?: string;
	json?: boolean;
}

/** The figures compared, as [column, name in replay.csv, scale to print, digits]. */
const FIGURES = [
	['served/day', 'served_per_day', 1, 1],
	['wait mean', 'wait_mean', 1, 1],
	['wait P50', 'wait_p50', 1, 1],
	['wait P90', 'wait_p90', 1, 1],
	['within target %', 'within_target', 100, 1],
	['abandon %', 'abandon_share', 100, 1]
] as const;
const KEYS = ['servedPerDay', 'waitMean', 'waitP50', 'waitP90', 'withinTarget', 'abandonShare'] as const;

/** Runs `mpp replay` on a log file: observed beside replayed, per agency and overall. */
export async function replayCommand(file: string, opts: ReplayCommandOptions): Promise<void> {
	const map = columnMapOption(opts.map);
	const { scenario, warnings } = loadScenario(opts.scenario);
	for (const w of warnings) process.stderr.write(w + '\n');
	if (opts.out !== undefined) prepareOut(opts.out);
	const { records } = await logRecords(file, map);
	const out = opts.out !== undefined ? new OutFiles(opts.out) : null;
	try {
		const visits = out?.stream('visits.csv');
		visits?.write(visitsCsv([]));
		let block: string[] = [];
		const replayed = replayLog(records, scenario, {
			onLeg: visits
				? (leg) => {
						if (block.push(visitsRow(leg)) === 10_000) (visits.write(block.join('\n') + '\n'), (block = []));
					}
				: undefined
		});
		if (!replayed.ok) throw new CliError(`${file}: ${replayed.message}`);
		if (visits) {
			if (block.length > 0) visits.write(block.join('\n') + '\n');
			visits.close();
		}
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

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** replay.csv: one row per agency and figure, observed, replayed and their difference. */
function replayCsv(rows: Row[]): string {
	const lines = ['agency,figure,observed,replay,difference'];
	for (const row of rows) {
		FIGURES.forEach(([, name], k) => {
			const o = row.observed[KEYS[k]];
			const p = row.replay[KEYS[k]];
			const cell = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '');
			lines.push(`${row.id === '(all)' ? '' : row.id},${name},${cell(o)},${cell(p)},${cell(p - o)}`);
		});
	}
	return lines.join('\n') + '\n';
}

/** The --json output: days, what the trace counted and dropped, observed and replayed figures, the run summary. */
function replayJson(r: ReplayResult, rows: Row[]): string {
	const figures = (s: WaitStats): Record<string, number | null> => {
		const f: Record<string, number | null> = { visitors: s.visitors };
		for (const k of KEYS) f[k] = num(s[k]);
		return f;
	};
	const body = {
		days: r.days,
		counts: r.counts,
		unmatched: r.unmatched,
		rows: rows.map((x) => ({ agency: x.id === '(all)' ? null : x.id, observed: figures(x.observed), replay: figures(x.replay) })),
		daily: r.daily.map((d) => ({ date: d.date, meanWait: num(d.meanWait) })),
		summary: JSON.parse(summaryJson(r.summary))
	};
	return `${JSON.stringify(body, null, 2)}\n`;
}

/** The readable replay: what was replayed, then observed beside replayed per agency. */
export function formatReplay(file: string, scenario: Scenario, r: ReplayResult, rows: Row[]): string {
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
	const header = ['agency', ...FIGURES.map(([label]) => label)];
	const body = rows.map((row) => [row.id, ...FIGURES.map(([, , scale, digits], k) => `${fmt(num(row.observed[KEYS[k]]), digits, scale)} / ${fmt(num(row.replay[KEYS[k]]), digits, scale)}`)]);
	return [...head, ...table([header, ...body])].join('\n') + '\n';
}
