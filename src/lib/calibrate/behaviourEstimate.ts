/** Visitor behaviour from a log: abandonment and patience, no-shows, further services, online and priority shares. */
import type { Distribution } from '../model/distribution';
import type { ColumnMap } from './logRecord';
import type { LogSummary } from './logSummary';

/** What the log says about how visitors behave; null where it cannot tell. */
export interface BehaviourEstimate {
	/** Abandoned legs over legs that came (all but no-shows and tickets still waiting). */
	abandonShare: number;
	patience: Distribution | null;
	/** How patience was estimated, in a sentence for the notes. */
	patienceMethod: string;
	/** The same, as a kind with its figures, for a reader in another language. */
	patienceBasis: PatienceBasis;
	noShowShare: number | null;
	extraServiceProbability: number | null;
	/** Why extraServiceProbability is what it is, in a sentence. */
	extraServiceMethod: string;
	onlineShare: number | null;
	priorityShare: number | null;
}

/**
 * How patience was estimated: by censored maximum likelihood from leave times (abandoned waits, and served waits as
 * lower bounds), from the abandonment share and the mean served wait, or not at all (nobody left, or nothing to go
 * on). Figures in minutes.
 */
export type PatienceBasis =
	| { kind: 'censored'; mean: number; exposure: number; abandoned: number; withLeft: number; served: number }
	| { kind: 'share'; mean: number; servedMean: number; share: number }
	| { kind: 'none-left' }
	| { kind: 'unknown' };

/** The simulator's cap on extraServiceProbability (scenario schema). */
export const MAX_EXTRA_SERVICE = 0.95;

/**
 * Patience as an exponential distribution.
 * - With leave times: censored maximum likelihood. An abandoned leg's wait (left − issued) is its patience; a
 *   served leg's wait (call − issued) is a lower bound on its patience (right-censored). For the exponential the
 *   MLE of the mean is the total exposure (all those waits summed) over the number of abandonments.
 * - Without leave times: the same estimator with each abandoner's unknown wait taken as the mean served wait W,
 *   which gives mean = W / P(abandon) (for exponential patience P(abandon) = E[time waited] / mean).
 * - No abandonment: null (nobody leaves the queue).
 */
export function estimatePatience(s: LogSummary): { patience: Distribution | null; method: string; basis: PatienceBasis } {
	const abandoned = s.outcomes.abandoned;
	const unknown = { kind: 'unknown' } as const;
	if (abandoned === 0) return { patience: null, method: 'no abandoned ticket in the log: patience null (nobody leaves the queue)', basis: { kind: 'none-left' } };
	const servedMean = s.servedWithCall > 0 ? s.servedWaitSum / s.servedWithCall : 0;
	if (s.abandonedWithLeft > 0) {
		let exposure = s.servedWaitSum;
		const waits = s.abandonWaits.view();
		for (let i = 0; i < waits.length; i++) exposure += waits[i];
		// Abandoners without a leave time (a mixed log) are taken at the mean served wait, as below.
		exposure += (abandoned - s.abandonedWithLeft) * servedMean;
		if (!(exposure > 0)) return { patience: null, method: 'abandonments all at zero wait: patience cannot be estimated (null)', basis: unknown };
		const mean = exposure / abandoned;
		return {
			patience: { dist: 'exponential', mean: round3(mean) },
			basis: { kind: 'censored', mean: round3(mean), exposure: round3(exposure), abandoned, withLeft: s.abandonedWithLeft, served: s.servedWithCall },
			method:
				`exponential, censored maximum likelihood: mean = total waiting exposure (${round3(exposure)} min: ${s.abandonedWithLeft} abandoned waits to the leave time ` +
				`plus ${s.servedWithCall} served waits to the call, right-censored) / ${abandoned} abandonments = ${round3(mean)} min`
		};
	}
	const share = abandoned / (abandoned + s.servedWithCall);
	if (!(servedMean > 0)) return { patience: null, method: 'no leave times and no served wait: patience cannot be estimated (null)', basis: unknown };
	const mean = servedMean / share;
	return {
		patience: { dist: 'exponential', mean: round3(mean) },
		basis: { kind: 'share', mean: round3(mean), servedMean: round3(servedMean), share: round3(share) },
		method:
			`exponential, mean = mean served wait / abandonment share = ${round3(servedMean)} / ${round3(share)} = ${round3(mean)} min ` +
			`(the log has no leave times: each abandoner's wait is taken as the mean served wait; for exponential patience P(abandon) = E[wait] / mean)`
	};
}

/**
 * Extra-service probability. Method: the simulator gives a visit a further service with probability p after each
 * served leg (a visitor who leaves the queue wants nothing more), so each served leg is a trial whose success is a
 * further leg, and the MLE is p = (legs − visits) / served legs, capped at 0.95. (Over all legs, abandoned ones
 * included, it read p low by about p × the abandonment share.) Only a
 * log that links rows can tell: one with a visit column, or one whose tickets repeat (a ticket's rows on a day are
 * one visit — which assumes a ticket number is not reused within a day). Otherwise null ("cannot tell").
 */
export function estimateExtraService(s: LogSummary, columns: ColumnMap): { p: number | null; method: string } {
	const links = columns.visit !== undefined || (columns.ticket !== undefined && s.linkedVisits > 0);
	if (!links || s.visitLegs === 0) {
		return { p: null, method: 'the log does not link rows into visits (no visit column, no repeated ticket): the share of visits wanting a further service cannot be told' };
	}
	const p = s.servedLegs > 0 ? Math.min(MAX_EXTRA_SERVICE, (s.visitLegs - s.visits) / s.servedLegs) : 0;
	const by = columns.visit !== undefined ? `the visit column (${columns.visit})` : 'repeated tickets (a ticket number taken as one visit a day)';
	return {
		p: round6(p),
		method: `geometric legs per visit, linked by ${by}: p = (legs − visits) / served legs = (${s.visitLegs} − ${s.visits}) / ${s.servedLegs}` + (p === MAX_EXTRA_SERVICE ? ', capped at 0.95' : '')
	};
}

/**
 * Behaviour estimates. Abandonment share over legs that came; no-show share = no-show online visits / online
 * visits (null without online visits: a log without a channel column cannot tell a no-show's booking); online and
 * priority shares = such visits / visits, only when the log has that column.
 */
export function estimateBehaviour(s: LogSummary, columns: ColumnMap): BehaviourEstimate {
	const o = s.outcomes;
	const came = o.served + o.abandoned + o['not-served'];
	const { patience, method, basis } = estimatePatience(s);
	const extra = estimateExtraService(s, columns);
	const visits = s.visits;
	return {
		abandonShare: came > 0 ? round6(o.abandoned / came) : 0,
		patience,
		patienceMethod: method,
		patienceBasis: basis,
		noShowShare: s.onlineVisits > 0 ? round6(s.noShowOnlineVisits / s.onlineVisits) : null,
		extraServiceProbability: extra.p,
		extraServiceMethod: extra.method,
		onlineShare: columns.channel !== undefined && visits > 0 ? round6(s.onlineVisits / visits) : null,
		priorityShare: columns.priority !== undefined && visits > 0 ? round6(s.priorityVisits / visits) : null
	};
}

/** Three decimals for reading, but never rounded to zero (a positive mean must stay positive). */
function round3(x: number): number {
	const r = Math.round(x * 1000) / 1000;
	return r === 0 && x > 0 ? Number(x.toPrecision(3)) : r;
}

function round6(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
