/** How the in-process section prints its event rates and model ÷ bare-calendar ratios (see inProcess.ts). */
import { rate, type Measure } from './measure';
import type { ModelSetup } from './modelBench';
import { fmt, median, pct } from './stats';

/** Every round's measures: the models (k: Kota Bengkulu, m: M/M/10) and the bare-calendar baselines. */
export interface Runs {
	k: Measure[];
	m: Measure[];
	bare: Measure[];
	bareKota: Measure[];
	bareMm10: Measure[];
	reuseKota: Measure[];
	reuseMm10: Measure[];
	entity: number[];
}

/** What the report says about how the runs were made. */
export interface RunSetup {
	kota: ModelSetup;
	mm10: ModelSetup;
	kotaPending: number;
	mm10Pending: number;
	rounds: number;
	forks: number;
}

/** The fastest of several runs: other load on the machine only ever slows a run down. */
function fastest(runs: Measure[]): Measure {
	return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

const ev = (ms: Measure[]) => ms.map((x) => rate(x, 'events'));

/**
 * A model's event rate ÷ a baseline's, per round: best ÷ best, and the median over rounds of each round's own ratio.
 * A spell of load slows both alike, so the median holds still where best ÷ best may pair a model's quiet round with
 * a baseline's loaded one.
 */
function ratios(model: Measure[], base: number[]): string {
	const rates = ev(model);
	return `${pct(Math.max(...rates) / Math.max(...base)).padStart(9)} ${pct(median(rates.map((x, r) => x / base[r]))).padStart(8)}`;
}

/** Prints the models' times and rates, the baselines' rates, and the ratios between them. */
export function printInProcess(runs: Runs, setup: RunSetup): void {
	const { kota, mm10, kotaPending, mm10Pending } = setup;
	const k = fastest(runs.k);
	const m = fastest(runs.m);
	console.log(`\nIn-process (Node ${process.version}, one core, best of ${setup.rounds} interleaved rounds in ${setup.forks} forks, each measure in a thread of its own)`);
	console.log(`for comparing a change before/after: the old "≥ 40% of the bare calendar" target is retired (a user waits for a whole process)`);
	console.log(`Kota Bengkulu, ${kota.replications} replications × ${kota.days} days = ${kota.replications * kota.days} days (${kotaPending} events pending on average)`);
	console.log(`  ${k.seconds.toFixed(2)} s   ${fmt(rate(k, 'visits'))} visit legs/s   ${fmt(rate(k, 'events'))} events/s`);
	console.log(`M/M/10 at load 0.9, ${mm10.replications} replications × 20,000 minutes (${mm10Pending} events pending on average)`);
	console.log(`  ${m.seconds.toFixed(2)} s   ${fmt(rate(m, 'visits'))} visit legs/s   ${fmt(rate(m, 'events'))} events/s`);
	/** One baseline's line: its label, then its best rate. */
	const line = (label: string, rates: number[]) => console.log(`  ${label.padEnd(78)}${fmt(Math.max(...rates)).padStart(11)}`);
	console.log(`bare simjs calendar, a hold model with trivial handlers (events/s):`);
	line(`(b)  simjs's own API: an Entity's setTimer().done(), 40 pending`, runs.entity);
	line(`(a)  raw event queue, a new event object per event, 40 pending`, ev(runs.bare));
	line(`(a′) the same, ${kotaPending} pending (as Kota Bengkulu)`, ev(runs.bareKota));
	line(`(a′) the same, ${mm10Pending} pending (as M/M/10)`, ev(runs.bareMm10));
	line(`(a″) raw event queue, its event objects reused as the models do, ${kotaPending} pending`, ev(runs.reuseKota));
	line(`(a″) the same, ${mm10Pending} pending`, ev(runs.reuseMm10));
	printRatios(runs);
}

/** The model ÷ baseline table, both models side by side. */
function printRatios(runs: Runs): void {
	/** One baseline's row of ratios, for both models. */
	const row = (label: string, kotaBase: number[], mm10Base: number[]) =>
		console.log(`  ${label.padEnd(40)}${ratios(runs.k, kotaBase)}   ${ratios(runs.m, mm10Base)}`);
	console.log(`\nmodel ÷ bare calendar                      Kota Bengkulu               M/M/10`);
	console.log(`${''.padEnd(42)}best÷best   median   best÷best   median   (median: of each round's own ratio)`);
	row(`(b)  simjs's own API`, runs.entity, runs.entity);
	row(`(a)  raw, new objects, 40 pending`, ev(runs.bare), ev(runs.bare));
	row(`(a′) raw, new objects, same pending`, ev(runs.bareKota), ev(runs.bareMm10));
	row(`(a″) raw, reused objects, same pending`, ev(runs.reuseKota), ev(runs.reuseMm10));
}
