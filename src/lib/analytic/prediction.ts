/**
 * Steady-state predictions of one queue, in the terms the simulator reports: waits of the visitors who are
 * served (mean, P90, share within the service-level target) and the share who abandon.
 */
import { erlangA, erlangAServedWaitCdf, erlangAServedWaitQuantile, erlangCWaitQuantile } from './erlangA';
import { erlangC, mmcMeanWait, mmcWaitCdf } from './erlangC';

/** A prediction; null where the model has no finite answer (an unstable Erlang C queue). */
export interface QueuePrediction {
	pWait: number | null;
	/** Mean wait of served visitors (minutes). */
	waitMean: number | null;
	/** 90th percentile of the wait of served visitors (minutes). */
	waitP90: number | null;
	/** Share of served visitors called within the service-level target. */
	serviceLevel: number | null;
	/** Share of arrivals who leave the queue (0 for Erlang C). */
	abandonRate: number | null;
	/** Erlang C with a load at or above the servers: the queue grows without bound. */
	unstable: boolean;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** Erlang C (nobody leaves) for c servers, arrival rate λ and service rate μ per minute. */
export function predictErlangC(c: number, lambda: number, mu: number, serviceLevelMinutes: number): QueuePrediction {
	if (c < 1 || lambda >= c * mu) return { pWait: c < 1 ? null : 1, waitMean: null, waitP90: null, serviceLevel: c < 1 ? null : 0, abandonRate: 0, unstable: true };
	return {
		pWait: finite(erlangC(c, lambda / mu)),
		waitMean: finite(mmcMeanWait(lambda, mu, c)),
		waitP90: finite(erlangCWaitQuantile(0.9, c, lambda, mu)),
		serviceLevel: finite(mmcWaitCdf(serviceLevelMinutes, lambda, mu, c)),
		abandonRate: 0,
		unstable: false
	};
}

/** Erlang A (exponential patience with rate θ = 1 / mean patience) for c servers. */
export function predictErlangA(c: number, lambda: number, mu: number, theta: number, serviceLevelMinutes: number): QueuePrediction {
	if (c < 1) return { pWait: null, waitMean: null, waitP90: null, serviceLevel: null, abandonRate: null, unstable: true };
	const r = erlangA(c, lambda, mu, theta);
	return {
		pWait: finite(r.pWait),
		waitMean: finite(r.meanWaitServed),
		waitP90: finite(erlangAServedWaitQuantile(0.9, c, lambda, mu, theta)),
		serviceLevel: finite(erlangAServedWaitCdf(serviceLevelMinutes, c, lambda, mu, theta)),
		abandonRate: finite(r.pAbandon),
		unstable: false
	};
}
