/**
 * Service-time distributions from observed durations (minutes): maximum-likelihood fits of the exponential,
 * lognormal, gamma and empirical families, the one with the lowest AIC chosen, each with its KS distance, and a
 * parametric-bootstrap p-value for the chosen one (goodnessOfFit.ts).
 *
 * Cleaning rule: non-finite and negative values, and values over a week (MAX_DURATION_MINUTES), are dropped
 * (they are not service durations; the reader rejects such rows, this only guards). Durations on a log's grid
 * (all whole seconds, or all whole minutes when times lack seconds: durationResolution) that read zero are
 * raised to half a step, the middle of the [0, step) a zero reading stands for; durations off any grid are
 * floored at one second (DURATION_FLOOR). Every family then has a finite likelihood. `n` counts the values kept.
 *
 * Every fit is a valid scenario distribution: the lognormal and gamma MLEs are taken within the scenario's cv
 * limits (MIN_CV..MAX_CV; the profile likelihoods are unimodal, so the constrained MLE is the clamped one), and a
 * lognormal whose mean would pass a week is left out.
 */
import type { Distribution } from '../model/distribution';
import { MAX_CV, MAX_DURATION_MINUTES, MIN_CV } from '../model/limits';
import type { Rng } from '../sim/random';
import { exp, log } from '../stats/portableMath';
import { logGamma, logMinusDigamma, trigamma } from '../stats/specialFunctions';
import { quantile, sortRange } from '../stats/quantile';
import { compile, histogram, histogramBins } from './densities';
import { ksDistance, ksDistanceStep, parametricBootstrap, type Refit } from './goodnessOfFit';

export type FitFamily = 'exponential' | 'lognormal' | 'gamma' | 'empirical';

export interface FamilyFit {
	family: FitFamily;
	/** The fit in the scenario's form (model/distribution.ts), as the simulator will draw it. */
	distribution: Distribution;
	logLikelihood: number;
	/** Free parameters, k in AIC = 2k − 2 logL. */
	parameters: number;
	aic: number;
	/** KS distance of the whole sample against this fit. */
	ks: number;
}

export interface ServiceTimeFit {
	n: number;
	mean: number;
	chosen: FamilyFit;
	candidates: FamilyFit[];
	/** KS distance of the test sample (see bootstrapSample) against the chosen family refitted to it. */
	ks: number;
	/** Parametric-bootstrap p-value; null for the empirical family, n < 2, constant samples and bootstrap: 0. */
	pValue: number | null;
	bootstrapReplicates: number;
	/** The size of the sample the test ran on: n, or a random subsample of maxBootstrapSample. */
	bootstrapSample: number;
}

/** One second, in minutes: the floor of durations that are not on a log's grid. */
export const DURATION_FLOOR = 1 / 60;
/** At most this many values in an empirical fit: evenly spaced quantiles of larger samples. */
const EMPIRICAL_VALUES = 200;
/** The families fitted, in the order candidates are reported (a tie in AIC goes to the earlier, simpler one). */
export const FAMILIES: readonly FitFamily[] = ['exponential', 'lognormal', 'gamma', 'empirical'];

/**
 * Fits the four families to the durations `values` and tests the AIC winner. Deterministic for a given rng;
 * never throws. Fewer than 2 values, or all equal: the exponential with their mean, untested (pValue null) —
 * one value says nothing about spread, and the family list has no 'fixed' on purpose: a constant service halves
 * queue waits against an exponential one (Pollaczek–Khinchine), so claiming it from thin evidence would
 * understate queues; the exponential errs the other way. No values at all: mean NaN; callers pool first.
 */
export function fitServiceTimes(
	values: Float64Array,
	rng: Rng,
	options: { bootstrap?: number; maxBootstrapSample?: number } = {}
): ServiceTimeFit {
	const resolution = durationResolution(values);
	const sample = cleanDurations(values, resolution);
	const n = sample.length;
	const stats = sampleStats(sample, true, resolution);
	if (n < 2 || sample[0] === sample[n - 1]) {
		const fit = finish(exponentialFit(stats), sample);
		return { n, mean: stats.mean, chosen: fit, candidates: [fit], ks: fit.ks, pValue: null, bootstrapReplicates: 0, bootstrapSample: 0 };
	}
	const candidates: FamilyFit[] = [];
	for (const family of FAMILIES) {
		const fit = fitFamily(family, sample, stats);
		if (fit) candidates.push(finish(fit, sample));
	}
	let chosen = candidates[0];
	for (const c of candidates) if (c.aic < chosen.aic) chosen = c;
	const untested = { n, mean: stats.mean, chosen, candidates, ks: chosen.ks, pValue: null, bootstrapReplicates: 0, bootstrapSample: 0 };
	// The empirical fit is the data: a bootstrap from it tests nothing, so its p-value is not meaningful.
	if (chosen.family === 'empirical') return untested;
	const test = parametricBootstrap(sample, refitFor(chosen.family, resolution), rng, {
		replicates: wholeOption(options.bootstrap, 199, 0),
		maxSample: wholeOption(options.maxBootstrapSample, 2000, 2)
	});
	if (!test) return untested;
	return { ...untested, ks: test.ks, pValue: test.pValue, bootstrapReplicates: test.replicates, bootstrapSample: test.sample };
}

/**
 * The bootstrap's refit of one family: the cleaning rule, with draws first rounded to the log's `resolution`
 * (when positive) like the durations they stand in for — or the test would reject every fit for the rounding
 * alone — then the family's MLE; null for a sample it cannot fit (fewer than 2 values, or all equal).
 */
export function refitFor(family: FitFamily, resolution: number): Refit {
	return (raw, draw) => {
		const s = cleanInPlace(raw, resolution, draw);
		if (s.length < 2 || s[0] === s[s.length - 1]) return null;
		const fit = fitFamily(family, s, sampleStats(s, family !== 'exponential', resolution));
		return fit ? { sample: s, distribution: fit.distribution } : null;
	};
}

/** A count option: a whole number ≥ min, or the default when absent or unusable (NaN, negative, absurd). */
function wholeOption(v: number | undefined, fallback: number, min: number): number {
	return v !== undefined && v >= min && v < 1e9 ? Math.floor(v) : fallback;
}

/** The durations kept by the cleaning rule (see the file comment), ascending, in a new array. */
export function cleanDurations(values: ArrayLike<number>, resolution = durationResolution(values)): Float64Array {
	return cleanInPlace(Float64Array.from(values), resolution, false);
}

/** The least duration kept: half a step of the log's grid, or one second off any grid. */
function durationFloor(resolution: number): number {
	return resolution > 0 ? resolution / 2 : DURATION_FLOOR;
}

/**
 * The grid a log's durations lie on: 1 when all are whole minutes (times written without seconds), 1/60 when
 * all are whole seconds, 0 otherwise (values the cleaning rule drops are not looked at).
 */
export function durationResolution(values: ArrayLike<number>): number {
	let minutes = true;
	let any = false;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (!(v >= 0 && v <= MAX_DURATION_MINUTES)) continue;
		any = true;
		if (minutes && !onGrid(v, 1)) minutes = false;
		if (!minutes && !onGrid(v, 60)) return 0;
	}
	return !any ? 0 : minutes ? 1 : 1 / 60;
}

/** Whether v minutes is a whole number of 1/perMinute steps, within float noise. */
function onGrid(v: number, perMinute: number): boolean {
	const s = v * perMinute;
	return Math.abs(s - Math.round(s)) <= 1e-6 * Math.max(1, s);
}

/** Applies the cleaning rule to `values` in place (rounding first to `resolution` if `round`); the kept prefix, sorted. */
function cleanInPlace(values: Float64Array, resolution: number, round: boolean): Float64Array {
	const floor = durationFloor(resolution);
	let kept = 0;
	for (let i = 0; i < values.length; i++) {
		let v = values[i];
		if (round && resolution > 0) v = Math.round(v / resolution) * resolution;
		if (!(v >= 0 && v <= MAX_DURATION_MINUTES)) continue;
		values[kept++] = v < floor ? floor : v;
	}
	// The bucket sort: several times faster than the native sort on smooth samples, and it runs B times per test.
	sortRange(values, 0, kept);
	return values.subarray(0, kept);
}

/** The sufficient statistics of the parametric families. */
interface SampleStats {
	n: number;
	mean: number;
	/** Mean and (divisor n) variance of the logs. */
	meanLog: number;
	varLog: number;
}

/**
 * The statistics of an ascending positive sample; without `logs` only n and mean (the exponential's refit).
 * `step`: the log's grid, whose points' logs are cached (gridLog).
 */
function sampleStats(sorted: Float64Array, logs = true, step = 0): SampleStats {
	const n = sorted.length;
	if (n === 0) return { n, mean: NaN, meanLog: NaN, varLog: NaN };
	if (!logs) return { n, mean: sampleMean(sorted), meanLog: NaN, varLog: NaN };
	let sum = 0;
	let sumLog = 0;
	let sumLog2 = 0;
	// Logs shifted by the first one: the variance then loses no digits to a large common offset.
	const shift = log(sorted[0]);
	// Logged durations tie a lot (whole seconds): a log is taken once per run of equal values.
	let last = NaN;
	let l = 0;
	for (let i = 0; i < n; i++) {
		const x = sorted[i];
		sum += x;
		if (x !== last) {
			l = gridLog(x, step) - shift;
			last = x;
		}
		sumLog += l;
		sumLog2 += l * l;
	}
	const m = sumLog / n;
	return { n, mean: sum < Infinity ? sum / n : sampleMean(sorted), meanLog: shift + m, varLog: Math.max(0, sumLog2 / n - m * m) };
}

// Logs of grid points k·step for k below GRID_CACHE (nine hours of seconds), kept across calls: bootstrap draws
// rounded to a log's grid revisit the same few thousand values in every replicate of every service, and the log
// was a fifth of the test's time. A value that is not exactly the double k·step is logged directly, so the
// cache never changes a result's bits, whatever was computed before.
const GRID_CACHE = 32_768;
const gridLogs = new Map<number, Float64Array>();

/** log(x), from the cache when x is a grid point k·step. */
function gridLog(x: number, step: number): number {
	if (!(step > 0)) return log(x);
	const k = Math.round(x / step);
	if (k >= GRID_CACHE || k * step !== x) return log(x);
	let table = gridLogs.get(step);
	if (!table) gridLogs.set(step, (table = new Float64Array(GRID_CACHE).fill(NaN)));
	const cached = table[k];
	return cached === cached ? cached : (table[k] = log(x));
}

/** The mean, without overflow. */
function sampleMean(sorted: Float64Array): number {
	const n = sorted.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += sorted[i];
	if (sum < Infinity) return sum / n;
	// Durations near the largest double overflow the sum: scale by the maximum then (it cannot overflow n·1).
	const max = sorted[n - 1];
	let scaled = 0;
	for (let i = 0; i < n; i++) scaled += sorted[i] / max;
	return (scaled / n) * max;
}

type RawFit = Omit<FamilyFit, 'aic' | 'ks'>;

/** The MLE of one family (no KS yet); null when it has none (a constant sample) or it cannot be written finitely. */
function fitFamily(family: FitFamily, sorted: Float64Array, stats: SampleStats): RawFit | null {
	switch (family) {
		case 'exponential':
			return exponentialFit(stats);
		case 'lognormal':
			return lognormalFit(stats);
		case 'gamma':
			return gammaFit(stats);
		case 'empirical':
			return empiricalFit(sorted);
	}
}

/** A fit with its AIC and its KS distance against the whole sample. */
function finish(fit: RawFit, sorted: Float64Array): FamilyFit {
	const d = fit.distribution;
	const ks = d.dist === 'empirical' ? ksDistanceStep(sorted, Float64Array.from(d.values).sort()) : ksDistance(sorted, compile(d).cdf);
	return { ...fit, aic: 2 * fit.parameters - 2 * fit.logLikelihood, ks };
}

/** Exponential: mean = the sample mean; logL = −n(ln mean + 1). */
function exponentialFit(s: SampleStats): RawFit {
	const logL = s.n === 0 ? 0 : -s.n * (log(s.mean) + 1);
	return { family: 'exponential', distribution: { dist: 'exponential', mean: s.mean }, logLikelihood: logL, parameters: 1 };
}

// σ² of a lognormal with cv at the scenario's limits (cv² = e^σ² − 1).
const MIN_LOG_VAR = log(1 + MIN_CV * MIN_CV);
const MAX_LOG_VAR = log(1 + MAX_CV * MAX_CV);

/** Lognormal: μ, σ² = mean and variance of the logs, written as the scenario's mean = e^(μ+σ²/2), cv = √(e^σ² − 1). */
function lognormalFit(s: SampleStats): RawFit | null {
	if (!(s.varLog > 0)) return null;
	const v = Math.min(MAX_LOG_VAR, Math.max(MIN_LOG_VAR, s.varLog));
	const mean = exp(s.meanLog + v / 2);
	const cv = Math.min(MAX_CV, Math.max(MIN_CV, Math.sqrt(exp(v) - 1)));
	if (!(mean <= MAX_DURATION_MINUTES)) return null;
	// Σ log f = −n(mean log + ln σ + ½ ln 2π + s²/(2σ²)), s² the logs' variance (= σ² at the unconstrained MLE).
	const logL = -s.n * (s.meanLog + 0.5 * log(v) + 0.5 * log(2 * Math.PI) + s.varLog / (2 * v));
	return { family: 'lognormal', distribution: { dist: 'lognormal', mean, cv }, logLikelihood: logL, parameters: 2 };
}

/** Gamma: scale = mean/shape, the shape solving ln k − ψ(k) = ln(mean) − mean(ln x) (within the cv limits); cv = 1/√k. */
function gammaFit(s: SampleStats): RawFit | null {
	const gap = log(s.mean) - s.meanLog;
	const shape = gammaShape(gap);
	if (!(shape > 0)) return null;
	const k = Math.min(1 / (MIN_CV * MIN_CV), Math.max(1 / (MAX_CV * MAX_CV), shape));
	const theta = s.mean / k;
	const logL = s.n * ((k - 1) * s.meanLog - k - k * log(theta) - logGamma(k));
	if (!Number.isFinite(logL)) return null;
	const cv = Math.min(MAX_CV, Math.max(MIN_CV, 1 / Math.sqrt(k)));
	return { family: 'gamma', distribution: { dist: 'gamma', mean: s.mean, cv }, logLikelihood: logL, parameters: 2 };
}

/**
 * The gamma shape k with ln k − ψ(k) = gap (> 0 by Jensen's inequality unless the sample is constant): Minka's
 * (2002) closed-form start, within 1.5% everywhere, then Newton–Raphson, which converges in two or three steps.
 */
export function gammaShape(gap: number): number {
	if (!(gap > 0 && gap < Infinity)) return NaN;
	let k = (3 - gap + Math.sqrt((gap - 3) * (gap - 3) + 24 * gap)) / (12 * gap);
	for (let i = 0; i < 50; i++) {
		const f = logMinusDigamma(k) - gap;
		const slope = 1 / k - trigamma(k);
		let next = k - f / slope;
		if (!(next > 0)) next = k / 2;
		if (Math.abs(next - k) <= 1e-12 * k) return next;
		k = next;
	}
	return k;
}

/**
 * Empirical: the distribution is the sample itself (evenly spaced quantiles when it has more than
 * EMPIRICAL_VALUES values: the simulator resamples them uniformly, so equal-probability points keep the shape),
 * rounded to 4 decimals of a minute (6 ms, far below the second a log records). A step CDF has no density, so
 * the likelihood is that of the equal-probability histogram of the sample with k = ⌈2·n^(2/5)⌉ bins, counted as
 * k − 1 free parameters: AIC then weighs the empirical's flexibility honestly, and it wins only when the
 * parametric families miss shape that a sample this large can show.
 */
function empiricalFit(sorted: Float64Array): RawFit | null {
	const h = histogram(sorted, histogramBins(sorted.length));
	const bins = h.counts.length;
	if (bins === 0) return null;
	let logL = 0;
	const logN = log(h.n);
	for (let j = 0; j < bins; j++) {
		const c = h.counts[j];
		if (c > 0) logL += c * (log(c) - logN - log(h.edges[j + 1] - h.edges[j]));
	}
	return { family: 'empirical', distribution: { dist: 'empirical', values: empiricalValues(sorted) }, logLikelihood: logL, parameters: bins - 1 };
}

/** The sample, or EMPIRICAL_VALUES of its quantiles at the midpoints (i + ½)/m, rounded. */
function empiricalValues(sorted: Float64Array): number[] {
	const n = sorted.length;
	const m = Math.min(n, EMPIRICAL_VALUES);
	const out: number[] = new Array(m);
	for (let i = 0; i < m; i++) out[i] = roundMinutes(n <= m ? sorted[i] : quantile(sorted, (i + 0.5) / m));
	return out;
}

function roundMinutes(v: number): number {
	return Math.round(v * 1e4) / 1e4;
}
