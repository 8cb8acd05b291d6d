/**
 * Parameter recovery: logs made by the independent FIFO generator (fifoLog.ts, not this project's simulator) from
 * known truths go through the whole pipeline (`calibrateLog`), in all three dialects, and the truth comes back.
 *
 * Each estimate is checked twice:
 * - against what the log realised (the generator's own rows: counts, shares, mean durations), to rounding only —
 *   the estimators count what they say they count;
 * - against the truth, within 4 standard errors computed here from n (binomial/Poisson/mean SEs). Four SEs leave
 *   a chance below 1 in 10,000 per check of failing on a correct estimator; the seeds are fixed, so the tests are
 *   deterministic, and a biased estimator (a shift larger than a few SEs) fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateLog, type CalibrationResult } from '../../src/lib/calibrate/calibration';
import { distributionMean } from '../../src/lib/sim/distributions';
import { generateFifoLog, weekdayOf, workingDays, type FifoLog, type FifoRow, type Truth, type Weekday } from './fifoLog';
import { fifoCsv, type CsvOptions, type Dialect } from './fifoLogCsv';

const SE_TOLERANCE = 4;
const ONE_SECOND = 1 / 60;

async function calibrate(log: FifoLog, dialect: Dialect, options: CsvOptions): Promise<CalibrationResult> {
	const out = await calibrateLog(fifoCsv(log.rows, dialect, options), { file: `recovery.${dialect}.csv`, seed: 1, bootstrap: 19 });
	if (!out.ok) throw new Error(out.message);
	return out.result;
}

/** The calibrated scenario's service for a truth's (agency name, service name), through the result's id map. */
function scenarioService(result: CalibrationResult, agency: string, service: string) {
	const id = result.ids.find((i) => i.agencyKey === agency && i.serviceKey === service);
	const a = result.scenario.agencies.find((x) => x.id === id?.agency);
	const s = a?.services.find((x) => x.id === id?.service);
	if (!id || !s) throw new Error(`no calibrated service for ${agency} / ${service}`);
	return { ...id, service: s };
}

const flat = (t: Truth) => t.agencies.flatMap((a) => a.services.map((s) => ({ agency: a.name, ...s })));
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
/** A duration as a log of whole seconds gives it. */
// Counter time, call to end, in the log's whole seconds: what the simulator's service time is (it starts at the
// call; a walk to the counter holds the counter too).
const rounded = (r: FifoRow) => (Math.round(r.end * 60) - Math.round(r.called * 60)) / 60;

/** Weights: the calibrated shares equal the realised leg shares, and lie within 4 binomial SEs of the truth's. */
function checkWeights(result: CalibrationResult, truth: Truth, log: FifoLog): void {
	const services = flat(truth);
	const total = services.reduce((a, s) => a + s.weight, 0);
	const found = services.map((s) => scenarioService(result, s.agency, s.name).service.weight);
	const foundTotal = found.reduce((a, b) => a + b, 0);
	const legs = log.rows.length;
	services.forEach((s, i) => {
		const p = s.weight / total;
		const share = found[i] / foundTotal;
		const realised = log.rows.filter((r) => r.serviceIndex === i).length / legs;
		expect(share, `${s.name}: share of legs`).toBeCloseTo(realised, 4);
		expect(Math.abs(share - p), `${s.name}: weight`).toBeLessThan(SE_TOLERANCE * Math.sqrt((p * (1 - p)) / legs));
	});
}

/**
 * Service-time means: the fit's mean is the realised mean counter time (to a second), within 4 SEs of the truth's:
 * the service's mean plus the mean walk-up (uniform on [0, walkUp]), its SE from their variances added, over √n.
 */
function checkServiceMeans(result: CalibrationResult, truth: Truth, log: FifoLog): void {
	const walk = truth.walkUp ?? 0;
	flat(truth).forEach((s, i) => {
		const { agency, service } = scenarioService(result, s.agency, s.name);
		const report = result.fits.find((f) => f.agency === agency && f.service === service.id);
		const served = log.rows.filter((r) => r.serviceIndex === i && r.status === 'served').map(rounded);
		const cv = s.time.dist === 'exponential' ? 1 : (s.time.cv ?? 1);
		const truthMean = s.time.mean + walk / 2;
		const sd = Math.sqrt((cv * s.time.mean) ** 2 + walk ** 2 / 12);
		const tolerance = (SE_TOLERANCE * sd) / Math.sqrt(served.length);
		expect(report?.pooled, `${s.name}: fitted on its own`).toBe('service');
		expect(report?.n).toBe(served.length);
		expect(Math.abs(report!.fit.mean - mean(served)), `${s.name}: realised mean`).toBeLessThan(ONE_SECOND);
		expect(Math.abs(report!.fit.mean - truthMean), `${s.name}: mean`).toBeLessThan(tolerance);
		expect(Math.abs(distributionMean(service.serviceTime) - truthMean), `${s.name}: scenario mean`).toBeLessThan(tolerance);
	});
}

// --- (a) SIPPPADEK-like: ";", DD/MM/YYYY dates, times of day, selesai/batal; demand and weights -----------------

const HALL: Truth = {
	visitorsPerDay: 150,
	dayFactors: { mon: 1.3, tue: 1.1, wed: 1, thu: 0.9, fri: 0.7 },
	profile: { from: '08:00', step: 30, weights: [6, 10, 12, 12, 11, 10, 8, 8, 7, 6, 5, 5, 3] },
	agencies: [
		{ name: 'Dinas Kependudukan dan Pencatatan Sipil', prefix: 'A', counters: 3, services: [
			{ name: 'KTP-el', weight: 5, time: { dist: 'lognormal', mean: 8, cv: 0.5 } },
			{ name: 'Kartu Keluarga', weight: 3, time: { dist: 'gamma', mean: 10, cv: 0.6 } },
			{ name: 'Akta Kelahiran', weight: 2, time: { dist: 'lognormal', mean: 12, cv: 0.5 } }
		] },
		{ name: 'UPTD Samsat', prefix: 'D', counters: 2, services: [
			{ name: 'Pajak Kendaraan Tahunan', weight: 6, time: { dist: 'gamma', mean: 7, cv: 0.5 } },
			{ name: 'Balik Nama Kendaraan', weight: 1, time: { dist: 'lognormal', mean: 20, cv: 0.5 } }
		] },
		{ name: 'Polresta (SKCK)', prefix: 'H', counters: 1, services: [{ name: 'SKCK', weight: 3, time: { dist: 'exponential', mean: 9 } }] }
	],
	patienceMean: 60
};

describe('recovery (a) SIPPPADEK-like log: visitors per day, day factors, profile, weights, service means', () => {
	// 40 working days = 8 of each weekday; about 6,000 visitors.
	const dates = workingDays('2026-01-05', 40);
	const log = generateFifoLog(HALL, dates, 'a');
	let result: CalibrationResult;
	beforeAll(async () => {
		result = await calibrate(log, 'sipppadek', { dayFirst: true });
	});
	const lambda = (w: Weekday) => HALL.visitorsPerDay * (HALL.dayFactors?.[w] ?? 1);
	const visitors = log.visitorsPerDate.reduce((a, b) => a + b, 0);

	it('reads every row', () => {
		expect(result.report.rowsUsed).toBe(log.rows.length);
		expect(result.report.days).toBe(40);
	});

	it('visitors per day: the realised daily mean, within 4 Poisson SEs (√(Σλ_d)/D ≈ 1.9) of the truth', () => {
		const expected = mean(dates.map((d) => lambda(weekdayOf(d))));
		expect(result.demand.visitorsPerDay).toBeCloseTo(visitors / dates.length, 9);
		expect(Math.abs(result.demand.visitorsPerDay - expected)).toBeLessThan((SE_TOLERANCE * Math.sqrt(expected * dates.length)) / dates.length);
		expect(result.scenario.demand.visitorsPerDay).toBeCloseTo(result.demand.visitorsPerDay, 1);
	});

	it('each weekday\'s mean (factor × visitors per day) within 4 Poisson SEs (√(λ_w/8)) of the truth, and its factor within 4 delta-method SEs', () => {
		for (const w of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) {
			const row = result.demand.byWeekday.find((b) => b.weekday === w)!;
			expect(row.days).toBe(8);
			expect(Math.abs(row.meanVisitors - lambda(w)), w).toBeLessThan(SE_TOLERANCE * Math.sqrt(lambda(w) / 8));
			// factor = mean_w / mean: relative SE at most √(1/(8λ_w) + 1/N) (the covariance only shrinks it).
			const f = HALL.dayFactors![w]!;
			const se = f * Math.sqrt(1 / (8 * lambda(w)) + 1 / visitors);
			expect(Math.abs(row.factor - f), w).toBeLessThan(SE_TOLERANCE * se);
			expect(row.factor * result.demand.visitorsPerDay).toBeCloseTo(row.meanVisitors, 6);
		}
	});

	it('profile shares: each half hour\'s share within 4 binomial SEs (√(p(1−p)/N), N ≈ 6,000) of the truth', () => {
		const { from, step, weights } = result.demand.profile;
		expect(from).toBe('08:00');
		expect(step).toBe(30);
		const total = HALL.profile.weights.reduce((a, b) => a + b, 0);
		expect(weights.length).toBe(HALL.profile.weights.length);
		const sum = weights.reduce((a, b) => a + b, 0);
		HALL.profile.weights.forEach((w, b) => {
			const p = w / total;
			expect(Math.abs(weights[b] / sum - p), `bin ${b}`).toBeLessThan(SE_TOLERANCE * Math.sqrt((p * (1 - p)) / visitors));
		});
	});

	it('weights: realised leg shares, within 4 binomial SEs of the truth', () => checkWeights(result, HALL, log));

	it('service-time means: realised means, within 4 SEs (cv·μ/√n) of the truth', () => checkServiceMeans(result, HALL, log));

	it('abandonment share: the realised share of legs that left', () => {
		const left = log.rows.filter((r) => r.status === 'abandoned').length;
		expect(left).toBeGreaterThan(0);
		expect(result.behaviour.abandonShare).toBeCloseTo(left / log.rows.length, 6);
	});
});

// --- (b) English ISO: ",", ISO date-times, a start column, visit ids linking further services, channel, priority ---

const LINKED: Truth = {
	visitorsPerDay: 100,
	profile: { from: '08:00', step: 30, weights: [5, 8, 10, 10, 9, 8, 7, 6, 5, 4] },
	agencies: [
		{ name: 'BPJS Kesehatan', prefix: 'L', counters: 2, services: [
			{ name: 'Pendaftaran Peserta', weight: 3, time: { dist: 'lognormal', mean: 12, cv: 0.5 } },
			{ name: 'Perubahan Data', weight: 2, time: { dist: 'gamma', mean: 9, cv: 0.5 } }
		] },
		{ name: 'Bank Bengkulu', prefix: 'G', counters: 1, services: [{ name: 'Setor Tunai', weight: 4, time: { dist: 'gamma', mean: 5, cv: 0.4 } }] },
		{ name: 'Kantor Imigrasi', prefix: 'I', counters: 2, services: [{ name: 'Paspor', weight: 3, time: { dist: 'lognormal', mean: 14, cv: 0.5 } }] }
	],
	extraServiceProbability: 0.2,
	onlineShare: 0.3,
	priorityShare: 0.1,
	// The call is not the start: a walk to the counter holds it, so service times run from the call (counter time).
	walkUp: 0.5
};

describe('recovery (b) ISO log with linked visits: weights, service means, further services, online and priority shares', () => {
	const log = generateFifoLog(LINKED, workingDays('2026-02-02', 25), 'b');
	const visits = log.visitorsPerDate.reduce((a, b) => a + b, 0);
	let result: CalibrationResult;
	beforeAll(async () => {
		result = await calibrate(log, 'iso', { visit: true, channel: true, priority: true });
	});

	it('weights: realised leg shares, within 4 binomial SEs of the truth', () => checkWeights(result, LINKED, log));

	it('service-time means from call to end (counter time, walk-up included): realised means, within 4 SEs of the truth', () => checkServiceMeans(result, LINKED, log));

	it('visitors per day counts visits, not rows', () => {
		expect(log.rows.length).toBeGreaterThan(visits);
		expect(result.demand.visitorsPerDay).toBeCloseTo(visits / 25, 9);
	});

	it('further-service probability: (legs − visits)/legs as realised, within 4 SEs (√(p(1−p)²/V), geometric legs) of the truth', () => {
		const p = LINKED.extraServiceProbability!;
		const found = result.behaviour.extraServiceProbability!;
		expect(found).toBeCloseTo((log.rows.length - visits) / log.rows.length, 6);
		expect(Math.abs(found - p)).toBeLessThan(SE_TOLERANCE * Math.sqrt((p * (1 - p) ** 2) / visits));
	});

	it('online and priority shares of visits, within 4 binomial SEs (√(p(1−p)/V)) of the truth', () => {
		const firstLegs = new Map(log.rows.map((r) => [r.visit, r]));
		for (const [key, p] of [['onlineShare', LINKED.onlineShare!], ['priorityShare', LINKED.priorityShare!]] as const) {
			const flag = key === 'onlineShare' ? 'online' : 'priority';
			const realised = [...firstLegs.values()].filter((r) => r[flag]).length / visits;
			const found = result.behaviour[key]!;
			expect(found, key).toBeCloseTo(realised, 6);
			expect(Math.abs(found - p), key).toBeLessThan(SE_TOLERANCE * Math.sqrt((p * (1 - p)) / visits));
		}
	});
});

// --- (c) Qmatic-like: tab-separated, Qmatic's column names; the family of large samples, and patience -----------

const FAMILIES: Truth = {
	visitorsPerDay: 330,
	profile: { from: '08:00', step: 30, weights: [8, 10, 10, 10, 10, 10, 9, 8, 7, 6, 5, 4] },
	agencies: [
		{ name: 'Samsat', prefix: 'D', counters: 3, services: [{ name: 'exp-service', weight: 1, time: { dist: 'exponential', mean: 6 } }] },
		{ name: 'Dukcapil', prefix: 'A', counters: 3, services: [{ name: 'lognormal-service', weight: 1, time: { dist: 'lognormal', mean: 10, cv: 0.5 } }] },
		{ name: 'Bapenda', prefix: 'C', counters: 3, services: [{ name: 'gamma-service', weight: 1, time: { dist: 'gamma', mean: 8, cv: 0.6 } }] }
	],
	patienceMean: 30,
	// No walk-up: each service's counter time is its family's draw alone, so the family can be recovered.
	walkUp: 0
};

describe('recovery (c) Qmatic-like log: the right family for large samples, service means, patience from leave times', () => {
	const log = generateFifoLog(FAMILIES, workingDays('2026-03-02', 30), 'c');
	let result: CalibrationResult;
	beforeAll(async () => {
		result = await calibrate(log, 'qmatic', { visit: true, left: true });
	});

	// About 3,000 durations a service. The expected log-likelihood margin of the true family over the best other
	// (n × KL divergence, computed numerically) is ≈ 54 nats for lognormal cv 0.5 over gamma, ≈ 95 for gamma cv 0.6
	// over lognormal, ≈ 270 for the exponential over lognormal — several standard deviations of the margin's
	// sampling spread (≈ 0.2·√n ≈ 11), so AIC (equal parameter counts) picks the true family.
	it('lognormal and gamma samples are fitted as lognormal and gamma', () => {
		for (const [name, family] of [['lognormal-service', 'lognormal'], ['gamma-service', 'gamma']] as const) {
			const f = result.fits.find((x) => x.name === name || result.ids.some((i) => i.serviceKey === name && i.service === x.service));
			expect(f?.n, name).toBeGreaterThan(2500);
			expect(f?.fit.chosen.family, name).toBe(family);
		}
	});

	it('an exponential sample is fitted as exponential, or as the gamma of shape 1 within 4 SEs (1/√(0.645 n)), which is the same law', () => {
		// The exponential is the gamma of shape 1: nested, so AIC picks the gamma with probability P(χ²₁ > 2) ≈ 0.16
		// however large n is. Either answer is right when the gamma's shape is 1 within its SE (Fisher information
		// of the shape at 1: n(π²/6 − 1)).
		const f = result.fits.find((x) => result.ids.some((i) => i.serviceKey === 'exp-service' && i.service === x.service))!;
		const chosen = f.fit.chosen.distribution;
		expect(['exponential', 'gamma']).toContain(chosen.dist);
		if (chosen.dist === 'gamma') expect(Math.abs(1 / chosen.cv ** 2 - 1)).toBeLessThan(SE_TOLERANCE / Math.sqrt((Math.PI ** 2 / 6 - 1) * f.n));
	});

	it('service-time means: realised means, within 4 SEs (cv·μ/√n) of the truth', () => checkServiceMeans(result, FAMILIES, log));

	it('patience: the censored exponential MLE (waits summed over abandonments) as realised, within 4 SEs (mean/√abandonments) of the truth', () => {
		const left = log.rows.filter((r) => r.status === 'abandoned');
		const exposure = log.rows.reduce((a, r) => a + (Math.round((r.status === 'served' ? r.called : r.left) * 60) - Math.round(r.issued * 60)) / 60, 0);
		const patience = result.behaviour.patience;
		expect(patience?.dist).toBe('exponential');
		const found = patience?.dist === 'exponential' ? patience.mean : NaN;
		expect(Math.abs(found - exposure / left.length)).toBeLessThan(0.01);
		expect(Math.abs(found - FAMILIES.patienceMean!)).toBeLessThan((SE_TOLERANCE * FAMILIES.patienceMean!) / Math.sqrt(left.length));
		expect(result.behaviour.abandonShare).toBeCloseTo(left.length / log.rows.length, 6);
	});
});
