/**
 * Calibration, end to end: read the log (streaming, into a LogSummary), estimate demand, hours, services,
 * behaviour and counters, fit the service times, and build the scenario. Used alike by `mpp calibrate` and the
 * app's worker. Never throws: any failure comes back as { ok: false, message }.
 */
import type { Scenario } from '../model/scenario';
import { stream } from '../sim/random';
import { estimateBehaviour } from './behaviourEstimate';
import { buildScenario } from './calibratedScenario';
import type { CalibrationResult, FittedService, ServiceFitReport } from './calibrationParts';
import { estimateCounters } from './counterEstimate';
import { estimateDemand } from './demandEstimate';
import { estimateHours } from './hoursEstimate';
import type { QualityReport } from './logRecord';
import { readLog, type LogInput, type ReadLogOptions } from './logReader';
import { LogSummary } from './logSummary';
import { MIN_FIT_OBSERVATIONS, planServices, thin } from './serviceEstimate';
import { fitServiceTimes, type ServiceTimeFit } from './serviceTimeFit';

export { calibrationJson, fitsCsv } from './calibrationReport';
export type { CalibrationResult, ServiceFitReport } from './calibrationParts';

/** How to calibrate: the reader's options, a base scenario, the fits' seed and bootstrap replicates, progress. */
export interface CalibrateOptions extends ReadLogOptions {
	base?: Scenario;
	/** Seed of the fits' random stream (bootstrap and subsamples); default 1. */
	seed?: number;
	/** Bootstrap replicates per fit (default: the fitter's, 199). */
	bootstrap?: number;
	/** A service with fewer durations is pooled (default MIN_FIT_OBSERVATIONS, 30). */
	minObservations?: number;
	/** 'read': characters (text) or bytes (Blob) read of total (total 0 when unknown); 'fit': fits done of total, from 0 as fitting starts. */
	onPhase?: (p: { phase: 'read' | 'fit'; done: number; total: number }) => void;
}

export type CalibrateResult = { ok: true; result: CalibrationResult } | { ok: false; message: string };

const CANCELLED: CalibrateResult = { ok: false, message: 'calibration cancelled' };

/** Calibrates a scenario from a ticket log. */
export async function calibrateLog(input: LogInput, options: CalibrateOptions): Promise<CalibrateResult> {
	try {
		const summary = new LogSummary();
		const total = inputSize(input);
		const read = await readLog(
			input,
			{ ...options, onProgress: (bytes) => (options.onProgress?.(bytes), options.onPhase?.({ phase: 'read', done: bytes, total })) },
			(r) => summary.add(r)
		);
		if (!read.ok) return read;
		if (options.signal?.aborted) return CANCELLED;
		summary.finish();
		if (summary.rows === 0) return { ok: false, message: noRowsMessage(read.report) };
		return await fromSummary(summary, read.report, options);
	} catch (e) {
		return { ok: false, message: `calibration failed: ${e instanceof Error ? e.message : String(e)}` };
	}
}

/** The estimates, the fits and the scenario from a finished summary (the pipeline after reading). */
export async function fromSummary(summary: LogSummary, report: QualityReport, options: CalibrateOptions): Promise<CalibrateResult> {
	const base = options.base;
	const profileBins = base?.demand.profile ? { from: base.demand.profile.from, step: base.demand.profile.step } : undefined;
	const demand = estimateDemand(summary, profileBins);
	const behaviour = estimateBehaviour(summary, report.columns);
	const counters = estimateCounters(summary);
	const plan = planServices(summary, options.minObservations ?? MIN_FIT_OBSERVATIONS);
	const groupFits: Array<ServiceTimeFit | null> = [];
	options.onPhase?.({ phase: 'fit', done: 0, total: plan.groups.length });
	for (const g of plan.groups) {
		// Yield between fits so a cancel (a worker message) is heard, and honour it.
		await new Promise((resolve) => setTimeout(resolve, 0));
		if (options.signal?.aborted) return CANCELLED;
		// A stream per group: a group's fit and p-value never depend on the groups fitted before it.
		const rng = stream(options.seed ?? 1, 0, `calibrate|${g.pooled}|${g.key}`);
		groupFits.push(g.values.length > 0 ? fitServiceTimes(g.values, rng, { bootstrap: options.bootstrap }) : null);
		options.onPhase?.({ phase: 'fit', done: groupFits.length, total: plan.groups.length });
	}
	if (options.signal?.aborted) return CANCELLED;
	const services: FittedService[] = plan.services.map((s) => ({
		agency: s.agency,
		service: s.service,
		legs: s.legs,
		share: s.share,
		fit: groupFits[s.group],
		pooled: plan.groups[s.group].pooled,
		own: s.own.length
	}));
	const hours = estimateHours(summary);
	const built = buildScenario({ file: options.file, report, summary, demand, hours, behaviour, counters, services, minObservations: plan.minObservations, base });
	if (!built.ok) return built;
	const { scenario, ids, order } = built.built;
	const fits: ServiceFitReport[] = [];
	order.forEach((i) => {
		const s = plan.services[i];
		const fit = groupFits[s.group];
		if (fit && fit.n > 0) fits.push({ agency: ids[i].agency, service: ids[i].service, name: ids[i].name, n: fit.n, pooled: plan.groups[s.group].pooled, fit, sample: thin(plan.groups[s.group].values) });
	});
	const { extraServiceMethod: _m, ...b } = behaviour;
	return {
		ok: true,
		result: {
			scenario,
			report,
			fits,
			demand: { visitorsPerDay: demand.visitorsPerDay, days: demand.days, byWeekday: demand.byWeekday, profile: { from: demand.profile.from, step: demand.profile.step, weights: demand.profile.weights } },
			behaviour: b,
			counters: counters.map((c, i) => ({ id: built.built.counters[i].id, agencies: built.built.counters[i].agencies, shifts: c.shifts })),
			ids: ids.map(({ agencyKey, serviceKey, agency, service }) => ({ agencyKey, serviceKey, agency, service }))
		}
	};
}

/** The size readLog's progress counts to: characters of a text, bytes of a Blob; 0 when a stream's size is unknown. */
function inputSize(input: LogInput): number {
	if (typeof input === 'string') return input.length;
	return typeof Blob !== 'undefined' && input instanceof Blob ? input.size : 0;
}

/** Why nothing could be calibrated: no row survived reading. */
function noRowsMessage(report: QualityReport): string {
	const reasons = report.rejected.map((r) => `${r.count} ${r.reason} (first at line ${r.lines[0] ?? '?'})`).join(', ');
	return `no usable row in the log (${report.rowsRead} read${reasons ? `; rejected: ${reasons}` : ''})`;
}
