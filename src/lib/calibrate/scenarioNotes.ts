/**
 * The calibrated scenario's `notes`: its provenance in plain language — the file, its dates, the rows used and
 * rejected, every fitted distribution with n, parameters, KS distance and p-value, and every method that is an
 * assumption — so whoever opens the scenario later can tell data from guesses.
 */
import type { Distribution } from '../model/distribution';
import { DAY_IDS } from '../model/scenario';
import type { ScenarioParts } from './calibrationParts';
import { SHIFT_END_SLACK, SHIFT_START_SLACK } from './counterEstimate';
import { HOURS_HIGH_QUANTILE, HOURS_LOW_QUANTILE } from './hoursEstimate';

/** A number for reading: four significant digits, no trailing zeros. */
export function num(x: number): string {
	return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

/** A distribution's family and parameters in words ("lognormal mean 9.12, cv 0.51"). */
export function describeDistribution(d: Distribution): string {
	if (d.dist === 'empirical') return `empirical (${d.values.length} values)`;
	const params = Object.entries(d)
		.filter(([k]) => k !== 'dist')
		.map(([k, v]) => `${k} ${num(v as number)}`);
	return `${d.dist} ${params.join(', ')}`;
}

/** The notes, one paragraph per topic. */
export function scenarioNotes(
	parts: ScenarioParts,
	ids: Array<{ agencyKey: string; serviceKey: string; agency: string; service: string }>,
	order: number[],
	counterNotes: string[]
): string {
	return [
		sourceNote(parts),
		demandNote(parts),
		serviceNote(parts, ids, order),
		behaviourNote(parts),
		counterNote(parts, counterNotes),
		baseNote(parts)
	]
		.filter((x) => x !== '')
		.join('\n\n');
}

function sourceNote({ file, report: r, summary }: ScenarioParts): string {
	const rejected = r.rowsRead - r.rowsUsed;
	const reasons = r.rejected.map((x) => `${x.reason} ${x.count}`).join(', ');
	const empty = r.emptyDays.length > 0 ? ` Working days with no ticket (left out of the means): ${r.emptyDays.join(', ')}.` : '';
	return (
		`Calibrated from the ticket log "${file}": ${r.firstDate ?? '?'} to ${r.lastDate ?? '?'}, ${r.days} days with tickets.${empty} ` +
		`Rows: ${r.rowsRead} read, ${r.rowsUsed} used, ${rejected} rejected${reasons ? ` (${reasons})` : ''}; ` +
		`${summary.visits} visits; outcomes: served ${summary.outcomes.served}, abandoned ${summary.outcomes.abandoned}, no-show ${summary.outcomes['no-show']}, ` +
		`not served ${summary.outcomes['not-served']}, still waiting ${summary.outcomes.waiting}.` +
		(r.notes.length > 0 ? ` Reader: ${r.notes.join('; ')}.` : '')
	);
}

function demandNote({ demand: d, summary, base }: ScenarioParts): string {
	const factors = d.byWeekday.map((w) => `${w.weekday} ${num(w.factor)} (${w.days} days, ${num(w.meanVisitors)} a day)`).join(', ');
	const p = d.profile;
	const hours = base
		? `Opening hours are the base scenario's.`
		: `Opening hours per weekday: open = the ${HOURS_LOW_QUANTILE * 100}% quantile of ticket times rounded down to 15 minutes, last ticket = the ` +
			`${HOURS_HIGH_QUANTILE * 100}% quantile of ticket times and close = the ${HOURS_HIGH_QUANTILE * 100}% quantile of end times, rounded up to 15 minutes; ` +
			`no breaks (a log cannot tell a break from a quiet spell).`;
	return (
		`Demand: visitorsPerDay ${num(d.visitorsPerDay)} = ${summary.visits} visits / ${d.days} days (a visit is the rows one visit key links, counted on the ` +
		`day of its first ticket). Day factors = a weekday's mean visitors / the overall mean: ${factors}. Arrival profile: the share of visits' first ` +
		`tickets in each ${p.step}-minute bin from ${p.from}, pooled over all days (${p.arrivals} arrivals` +
		(p.dropped > 0 ? `, ${p.dropped} after 24:00 left out` : '') +
		`). ${hours} Day-to-day variation is the simulator's Poisson around factor × visitorsPerDay (an assumption).`
	);
}

function serviceNote(parts: ScenarioParts, ids: Array<{ agency: string; service: string }>, order: number[]): string {
	const lines = order.map((i) => {
		const s = parts.services[i];
		const who = `${ids[i].agency}/${ids[i].service}`;
		if (!s.fit || s.fit.n === 0) return `${who}: no durations in the log, the base scenario's distribution kept`;
		const f = s.fit;
		const pooled = s.pooled === 'service' ? '' : ` — pooled to ${s.pooled === 'agency' ? 'its agency' : 'all services'} (own n ${s.own} < ${parts.minObservations})`;
		const p = f.pValue === null ? 'p-value not tested' : `p ${num(f.pValue)} (${f.bootstrapReplicates} bootstrap replicates on ${f.bootstrapSample} values)`;
		return `${who}: n ${f.n}${pooled}, ${describeDistribution(f.chosen.distribution)}, AIC ${num(f.chosen.aic)}, KS ${num(f.ks)}, ${p}; weight ${num(s.share)} (${s.legs} legs)`;
	});
	return (
		`Service weights: each service's share of all legs (rows), first and further services alike — the simulator draws every leg's service by weight. ` +
		`Service times (minutes, end − start; no start column: the call is the start): maximum likelihood over exponential, lognormal, gamma and empirical, ` +
		`the lowest AIC chosen; KS distance and a parametric-bootstrap p-value that accounts for the estimated parameters. A service with fewer than ` +
		`${parts.minObservations} durations is fitted on its agency's, an agency with fewer on all the log's. ` +
		lines.join('; ') +
		'.'
	);
}

function behaviourNote({ behaviour: b, base }: ScenarioParts): string {
	const from = (what: string) => (base ? `${what} taken from the base scenario` : `${what} set to 0`);
	const online =
		b.onlineShare === null
			? `No channel column: online booking ${base?.demand.online ? 'taken from the base scenario' : 'left out'}.`
			: `Online share ${num(b.onlineShare)} of visits; no-show share ${b.noShowShare === null ? 'unknown (no online visit)' : num(b.noShowShare)} of online visits; ` +
				`slot length ${base?.demand.online ? "the base scenario's" : '30 minutes (an assumption)'}.`;
	return (
		`Behaviour: abandonment ${num(b.abandonShare)} of legs that came; patience: ${b.patienceMethod}. ` +
		`Further services: ${b.extraServiceProbability === null ? `${b.extraServiceMethod}; ${from('extraServiceProbability')}` : b.extraServiceMethod}. ` +
		`${online} ` +
		(b.priorityShare === null ? `No priority column: ${from('priorityShare')}.` : `Priority share ${num(b.priorityShare)} of visits.`)
	);
}

function counterNote({ counters }: ScenarioParts, extra: string[]): string {
	if (counters.length === 0) return extra.join(' ');
	const varying = counters
		.filter((c) => Object.values(c.shifts).some((s) => !c.shift || s[0] !== c.shift[0] || s[1] !== c.shift[1]))
		.map((c) => `${c.name}: ${DAY_IDS.filter((d) => c.shifts[d]).map((d) => `${d} ${c.shifts[d]![0]}–${c.shifts[d]![1]}`).join(', ')}`);
	return (
		`Counters: ${counters.length} seen. A counter serves the agency it served at least 95% of its legs for, else every agency it served; its shift is ` +
		`the median of its first calls to the median of its last ends over the days it served, rounded to 15 minutes; a log shows when a counter ` +
		`worked, not when it was staffed, so a start within ${SHIFT_START_SLACK} minutes of opening is taken as the opening, an end within ` +
		`${SHIFT_END_SLACK} minutes of the last ticket (or later) as the closing, and a shift spanning the hall's hours is left out (on duty whenever ` +
		`open). A scenario counter has one shift for every day` +
		(varying.length > 0 ? `; per weekday the log shows ${varying.join('; ')}.` : '.') +
		(extra.length > 0 ? ` ${extra.join(' ')}` : '')
	);
}

function baseNote({ base }: ScenarioParts): string {
	if (!base) return 'Policy and run settings are the format defaults (priority-first, 15-minute service level, 30 replications, seed 1).';
	return (
		`Base scenario "${base.id}": its policy, run settings, closing rule and opening hours are kept, and the services it names keep its ids and names; ` +
		`its services and agencies absent from the log are left out.`
	);
}
