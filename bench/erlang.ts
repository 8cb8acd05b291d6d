/**
 * The M/M/10 model's answer from queueing theory, so the bench also shows that the two simulators it times
 * compute the same thing: a fast wrong answer is no benchmark.
 */
import { mmcMeanWait } from '../src/lib/analytic/erlangC';
import { target } from './report';
import type { Samples } from './rounds';

/** bench/mm10.json and the SimPy run's flags: arrivals 0.9 a minute (54 an hour), service mean 10 min, 10 counters. */
export const MM10 = { lam: 0.9, mu: 0.1, c: 10 };
/** Erlang C's mean wait in queue for the model, minutes (about 6.7). */
export const erlangWait = mmcMeanWait(MM10.lam, MM10.mu, MM10.c);
// One replication of a million minutes at load 0.9: its mean wait is within a few percent of the exact one.
const TOLERANCE = 0.05;

/** Checks a mean wait against Erlang C, within 5%. */
export function checkAgainstErlang(who: string, wait: number | undefined): void {
	const ok = wait === undefined || !Number.isFinite(wait) ? undefined : Math.abs(wait / erlangWait - 1) <= TOLERANCE;
	const detail = wait === undefined ? '' : `${wait.toFixed(3)} min vs ${erlangWait.toFixed(3)}`;
	target(`${who}'s mean wait within 5% of Erlang C's`, ok, detail, 'check');
}

/** mpp's overall.waitMean.mean from a run's summary JSON, if it printed one. */
export function mppWait(s: Samples | undefined): number | undefined {
	const out = s?.runs[0]?.stdout;
	if (!out) return undefined;
	try {
		return JSON.parse(out).overall?.waitMean?.mean ?? undefined;
	} catch {
		return undefined;
	}
}
