/**
 * The analytic view of a scenario: per agency, the peak-hour offered load, the counters that serve it, and what
 * Erlang C and Erlang A predict at that load — beside the simulated values when a run is given. Where steady-state
 * theory and the simulation disagree, the day's shape (a peak that passes, closing time, shifts, shared counters)
 * matters. Plain data for a table.
 */
import type { Scenario } from '../model/scenario';
import { splitEntry } from '../model/serves';
import { distributionMean } from '../sim/distributions';
import type { MetricJSON, RunSummary } from '../stats/runSummary';
import { peakLoads } from './peakLoad';
import { predictErlangA, predictErlangC, type QueuePrediction } from './prediction';

/** Why a prediction is only an approximation for this agency (codes, so the UI can translate them). */
export type ViewNote =
	/** Patience is not exponential: Erlang A uses an exponential patience with the same mean. */
	| 'patience-not-exponential'
	/** Nobody leaves the queue: Erlang A does not apply (it would equal Erlang C). */
	| 'no-patience'
	/** Some counters also serve other agencies: they are counted as whole servers of this one. */
	| 'shared-counters'
	/** Some counters work shifts: they are counted as if on duty all day. */
	| 'shifts'
	/** Some counters serve only some of the agency's services: counted as whole servers. */
	| 'partial-counters'
	/** No counter serves the agency. */
	| 'no-counter';

/** The simulated values a row shows beside the predictions. */
export interface SimulatedView {
	waitMean: MetricJSON;
	waitP90: MetricJSON;
	serviceLevel: MetricJSON;
	abandonRate: MetricJSON;
}

/** One agency's row. */
export interface AgencyView {
	agency: string;
	name: string;
	ticketsPerHour: number;
	meanServiceMinutes: number;
	offeredLoad: number;
	/** Counters serving only this agency, and those serving it and others. */
	counters: { dedicated: number; shared: number };
	/** Servers the formulas use (dedicated + shared). */
	servers: number;
	/** Busy share per server at the offered load (a / servers). */
	occupancy: number | null;
	erlangC: QueuePrediction;
	/** Null when nobody leaves the queue (patience null). */
	erlangA: QueuePrediction | null;
	simulated: SimulatedView | null;
	notes: ViewNote[];
}

/** The analytic view of a scenario at its peak hour; waits in minutes. */
export interface ScenarioView {
	scenario: string;
	serviceLevelMinutes: number;
	/** Mean patience used by Erlang A (minutes), null when nobody leaves. */
	patienceMean: number | null;
	/** True when Erlang A had to approximate a non-exponential patience by its mean. */
	patienceApproximated: boolean;
	peakStart: number;
	hallVisitorsPerHour: number;
	agencies: AgencyView[];
}

/** Per agency: load, counters, Erlang C and Erlang A predictions, and simulated values when `run` is given. */
export function agencyView(scenario: Scenario, run?: RunSummary): ScenarioView {
	const loads = peakLoads(scenario);
	const patience = scenario.demand.patience;
	const patienceMean = patience ? distributionMean(patience) : null;
	const approximated = patience !== null && patience.dist !== 'exponential';
	const sl = scenario.policy.serviceLevelMinutes;
	const agencies = loads.map((load): AgencyView => {
		const notes: ViewNote[] = [];
		let dedicated = 0;
		let shared = 0;
		let shifts = false;
		let partial = false;
		for (const c of scenario.counters) {
			const entries = c.serves.map(splitEntry);
			const mine = entries.filter((e) => e.agency === load.agency);
			if (mine.length === 0) continue;
			if (mine.length === entries.length) dedicated++;
			else shared++;
			if (c.shifts) shifts = true;
			if (mine.every((e) => e.service !== undefined)) partial = true;
		}
		const servers = dedicated + shared;
		if (servers === 0) notes.push('no-counter');
		if (shared > 0) notes.push('shared-counters');
		if (shifts) notes.push('shifts');
		if (partial) notes.push('partial-counters');
		if (patienceMean === null) notes.push('no-patience');
		else if (approximated) notes.push('patience-not-exponential');
		// Speed shortens service: the formulas see a service rate of speed / mean work content.
		const mu = load.speed / load.meanServiceMinutes;
		const lambda = load.arrivalRate;
		const erlangC = predictErlangC(servers, lambda, mu, sl);
		const erlangA = patienceMean !== null && patienceMean > 0 ? predictErlangA(servers, lambda, mu, 1 / patienceMean, sl) : null;
		const sim = run?.agencies.find((a) => a.id === load.agency);
		return {
			agency: load.agency,
			name: load.name,
			ticketsPerHour: load.ticketsPerHour,
			meanServiceMinutes: load.meanServiceMinutes,
			offeredLoad: load.offeredLoad,
			counters: { dedicated, shared },
			servers,
			occupancy: servers > 0 ? load.offeredLoad / servers : null,
			erlangC,
			erlangA,
			simulated: sim ? { waitMean: sim.waitMean, waitP90: sim.waitP90, serviceLevel: sim.serviceLevel, abandonRate: sim.abandonRate } : null,
			notes
		};
	});
	return {
		scenario: scenario.id,
		serviceLevelMinutes: sl,
		patienceMean,
		patienceApproximated: approximated,
		peakStart: loads[0]?.peakStart ?? 0,
		hallVisitorsPerHour: loads[0]?.hallVisitorsPerHour ?? 0,
		agencies
	};
}
