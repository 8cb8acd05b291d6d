/**
 * The province plan: every region of a province file sized at each demand level, with staff, cost, waiting-room
 * seats and the achieved KPIs, and the province's totals (the sum of the regions).
 *
 * How it runs: the jobs (region × level) of one tier — regions hosting the same agencies — form a chain in order of
 * visitors a day; each search starts from and never prunes below the previous job's layout (size.ts `floor`). So
 * more demand, from more residents or a higher level, never gets fewer counters at any agency, by construction (the
 * searches are noisy: run independently, a region 10% larger could get one counter fewer somewhere), and each search
 * starts next to its answer. Chains run side by side on `lanes` (one Evaluate each, e.g. one worker thread each).
 * A job's result depends only on the province, the settings and the seed, never on the lane that ran it, so the plan
 * is the same, byte for byte, on any number of lanes.
 */
import type { Scenario } from '../model/scenario';
import type { MetricJSON } from '../stats/runSummary';
import { checkAborted, type Evaluate } from './evaluate';
import { DEMAND_LEVELS, LEVEL_WORDS_ID, planPopulation, planPopulationFigure, type DemandLevel, type MppStatus, type Province, type ProvinceRegion } from './provinceData';
import { regionScenario } from './provinceDemand';
import { DEFAULT_COMPANIONS_FACTOR, waitingRoomSeats } from './seats';
import { DEFAULT_SIZING_REPLICATIONS, sizeScenario, type AgencyAchieved, type SizingProgress, type SizingResult } from './size';
import { staffing, staffingNote, type Staffing, type StaffingAssumptions } from './staffing';
import { checkTargets, withDefaults, type SizingTargets } from './targets';

/** Settings of a plan. */
export interface PlanSettings {
	targets: SizingTargets;
	replications: number;
	seed: number;
	levels: DemandLevel[];
	staffing: StaffingAssumptions;
	/** People per waiting visitor (waiting-room seats). */
	companions: number;
}

/** Overall KPIs of a sized layout, with 95% intervals. */
export interface PlanKpis {
	waitMean: MetricJSON;
	waitP90: MetricJSON;
	abandonRate: MetricJSON;
	serviceLevel: MetricJSON;
	utilization: MetricJSON;
}

/** The agency closest to missing its targets in the sized layout, and which target binds it. */
export interface BindingAgency {
	agency: string;
	target: 'waitP90' | 'abandonRate' | 'serviceLevel';
	/** Its worst relative gap (≤ 0 when met; closest to 0 of every agency). */
	gap: number;
}

/** One region at one demand level. */
export interface LevelPlan {
	level: DemandLevel;
	visitsPerResident: number;
	visitorsPerDay: number;
	counters: Record<string, number>;
	totalCounters: number;
	counterHoursPerWeek: number;
	staff: number;
	costPerMonth: number;
	/** Per agency: counters, counter-hours, officers. */
	staffing: Staffing['agencies'];
	/** Waiting-room seats (null when the run gave no day's peak). */
	seats: number | null;
	kpis: PlanKpis;
	agencies: Record<string, AgencyAchieved>;
	binding: BindingAgency | null;
	met: boolean;
	stoppedEarly: SizingResult['stoppedEarly'];
	evaluations: number;
	/** The sized scenario, with the plan's and the staff's notes: ready to open, run or export. */
	scenario: Scenario;
}

/** One region's plan. */
export interface RegionPlan {
	id: string;
	name: string;
	kind: ProvinceRegion['kind'];
	tier: string;
	population: number;
	populationSource: string;
	status: MppStatus;
	statusDate: string | null;
	levels: LevelPlan[];
}

/** Province totals at one level: the sum of the regions. */
export interface PlanTotals {
	visitorsPerDay: number;
	totalCounters: number;
	counterHoursPerWeek: number;
	staff: number;
	costPerMonth: number;
	/** Null when some region has no seats figure. */
	seats: number | null;
	/** Regions whose targets were all met. */
	regionsMet: number;
}

/** The whole plan (JSON-ready). */
export interface ProvincePlan {
	province: { id: string; name: string };
	settings: PlanSettings;
	regions: RegionPlan[];
	totals: Partial<Record<DemandLevel, PlanTotals>>;
}

/** Progress of a plan: jobs (region × level) done, and the running search. */
export interface PlanProgress {
	done: number;
	total: number;
	region: string;
	level: DemandLevel;
	/** The finished job (null while it runs). */
	finished: LevelPlan | null;
	sizing: SizingProgress | null;
}

/** Options of a plan. */
export interface PlanOptions {
	targets?: Partial<SizingTargets>;
	replications?: number;
	/** Default: the base scenario's run.seed. */
	seed?: number;
	levels?: readonly DemandLevel[];
	staffing?: Partial<StaffingAssumptions>;
	companions?: number;
	/** Only these regions (ids; default all), e.g. one shard's. */
	regions?: readonly string[];
	maxEvaluations?: number;
	onProgress?: (p: PlanProgress) => void;
	signal?: AbortSignal;
}

/** The plan's settings with defaults filled in. */
export function planSettings(base: Scenario, o: PlanOptions): PlanSettings {
	const levels = DEMAND_LEVELS.filter((l) => (o.levels ?? DEMAND_LEVELS).includes(l));
	if (levels.length === 0) throw new RangeError('choose at least one demand level');
	const s = staffing(base, o.staffing).assumptions;
	return {
		targets: withDefaults(o.targets),
		replications: o.replications ?? DEFAULT_SIZING_REPLICATIONS,
		seed: o.seed ?? base.run.seed,
		levels,
		staffing: { workWeekHours: s.workWeekHours, monthlySalary: s.monthlySalary },
		companions: o.companions ?? DEFAULT_COMPANIONS_FACTOR
	};
}

/** Plans every region of `province` on `lanes` (one Evaluate per parallel lane; at least one). */
export async function planProvince(province: Province, base: Scenario, lanes: readonly Evaluate[], options: PlanOptions = {}): Promise<ProvincePlan> {
	if (lanes.length === 0) throw new RangeError('a plan needs at least one lane to evaluate on');
	const settings = planSettings(base, options);
	const chosen = province.regions.filter((r) => !options.regions || options.regions.includes(r.id));
	const levels: LevelPlan[][] = chosen.map(() => []);
	const queue = tierChains(province, base, chosen, settings.levels);
	const total = chosen.length * settings.levels.length;
	let done = 0;
	// One failed lane stops the others.
	const controller = new AbortController();
	const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
	const lane = async (evaluate: Evaluate) => {
		for (let chain = queue.shift(); chain; chain = queue.shift()) {
			let floor: Record<string, number> | undefined;
			for (const job of chain) {
				checkAborted(signal);
				const region = chosen[job.region];
				const progress = (finished: LevelPlan | null, sizing: SizingProgress | null) =>
					options.onProgress?.({ done, total, region: region.id, level: job.level, finished, sizing });
				const r = await sizeScenario(job.scenario, evaluate, {
					targets: settings.targets,
					seed: settings.seed,
					replications: settings.replications,
					floor,
					maxEvaluations: options.maxEvaluations,
					signal,
					onProgress: (sz) => progress(null, sz)
				});
				const plan = levelPlan(province, region, job.level, r, settings);
				levels[job.region][settings.levels.indexOf(job.level)] = plan;
				floor = r.counters;
				done++;
				progress(plan, null);
			}
		}
	};
	try {
		await Promise.all(lanes.map(lane));
	} catch (e) {
		controller.abort();
		throw e;
	}
	const regions = chosen.map((r, i) => regionPlan(province, r, levels[i]));
	return { province: { id: province.id, name: province.name }, settings, regions, totals: planTotals(regions, settings.levels) };
}

/** How many chains a plan of these regions runs (one per tier): more lanes than this would stand idle. */
export function planChains(province: Province, regions?: readonly string[]): number {
	return new Set(province.regions.filter((r) => !regions || regions.includes(r.id)).map((r) => r.tier)).size;
}

/** Lanes for `workers` threads: one per chain at most, the threads shared out among them (at least one each). */
export function laneShape(workers: number, chains: number): { lanes: number; workersPerLane: number } {
	const lanes = Math.max(1, Math.min(workers, chains));
	return { lanes, workersPerLane: Math.max(1, Math.floor(workers / lanes)) };
}

/** One sizing of a plan: a region (index into the chosen regions) at a level. */
interface PlanJob {
	region: number;
	level: DemandLevel;
	scenario: Scenario;
	visitorsPerDay: number;
}

/**
 * The plan's jobs as chains, one per tier (the same agencies), each in order of visitors a day (ties: region, then
 * level order), the chain with the most visitors first so the longest work starts early.
 */
function tierChains(p: Province, base: Scenario, regions: readonly ProvinceRegion[], levels: readonly DemandLevel[]): PlanJob[][] {
	const byTier = new Map<string, PlanJob[]>();
	regions.forEach((r, i) => {
		for (const level of levels) {
			const scenario = regionScenario(p, base, r, level);
			const chain = byTier.get(r.tier) ?? [];
			// regionScenario has set its visitors a day (regionVisitorsPerDay): not worked out a second time.
			chain.push({ region: i, level, scenario, visitorsPerDay: scenario.demand.visitorsPerDay! });
			byTier.set(r.tier, chain);
		}
	});
	const chains = [...byTier.values()].map((c) => c.sort((a, b) => a.visitorsPerDay - b.visitorsPerDay || a.region - b.region || levels.indexOf(a.level) - levels.indexOf(b.level)));
	const work = (c: PlanJob[]) => c.reduce((s, j) => s + j.visitorsPerDay, 0);
	return chains.sort((a, b) => work(b) - work(a));
}

/** A region's row of the plan. */
function regionPlan(p: Province, region: ProvinceRegion, levels: LevelPlan[]): RegionPlan {
	const source = planPopulationFigure(p, region);
	return {
		id: region.id,
		name: region.name,
		kind: region.kind,
		tier: region.tier,
		population: planPopulation(p, region),
		// English, as the CLI and its JSON speak; the page and report read the province file in the reader's language.
		populationSource: `${source.source.en}, ${source.date}`,
		status: region.mpp.status,
		statusDate: region.mpp.date,
		levels
	};
}


/** A sized result as the plan reports it. */
function levelPlan(p: Province, region: ProvinceRegion, level: DemandLevel, r: SizingResult, settings: PlanSettings): LevelPlan {
	const staff = staffing(r.scenario, settings.staffing);
	const seats = waitingRoomSeats(r.summary, settings.companions);
	const o = r.summary.overall;
	const where = `${region.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${region.name}`;
	const scenario: Scenario = {
		...r.scenario,
		id: `${region.id}-${level}`,
		// Bahasa Indonesia, as the shipped scenarios' names are.
		name: `MPP ${where} (rencana, permintaan ${LEVEL_WORDS_ID[level]})`,
		notes: [r.scenario.notes, staffingNote(staff)].filter(Boolean).join('\n\n')
	};
	return {
		level,
		visitsPerResident: p.demand.levels[level].value,
		visitorsPerDay: r.scenario.demand.visitorsPerDay ?? 0,
		counters: r.counters,
		totalCounters: r.totalCounters,
		counterHoursPerWeek: staff.counterHoursPerWeek,
		staff: staff.staff,
		costPerMonth: staff.costPerMonth,
		staffing: staff.agencies,
		seats: seats ? seats.seats : null,
		kpis: { waitMean: o.waitMean, waitP90: o.waitP90, abandonRate: o.abandonRate, serviceLevel: o.serviceLevel, utilization: o.utilization },
		agencies: r.achieved,
		binding: bindingAgency(r),
		met: r.met,
		stoppedEarly: r.stoppedEarly,
		evaluations: r.evaluations,
		scenario
	};
}

/** The agency whose worst gap is closest to missing (the largest), and the target that gap belongs to. */
export function bindingAgency(r: Pick<SizingResult, 'summary' | 'targets'>): BindingAgency | null {
	let best: BindingAgency | null = null;
	for (const c of checkTargets(r.summary, r.targets)) {
		if (best !== null && c.worstGap <= best.gap) continue;
		const gaps: Array<[BindingAgency['target'], number]> = [['waitP90', c.gaps.waitP90], ['abandonRate', c.gaps.abandonRate]];
		if (c.gaps.serviceLevel !== null) gaps.push(['serviceLevel', c.gaps.serviceLevel]);
		best = { agency: c.id, target: gaps.reduce((x, y) => (y[1] > x[1] ? y : x))[0], gap: c.worstGap };
	}
	return best;
}

/** Province totals per level: the sum of the regions' figures. */
export function planTotals(regions: readonly RegionPlan[], levels: readonly DemandLevel[]): Partial<Record<DemandLevel, PlanTotals>> {
	const out: Partial<Record<DemandLevel, PlanTotals>> = {};
	for (const level of levels) {
		const rows = regions.map((r) => r.levels.find((l) => l.level === level)).filter((l): l is LevelPlan => l !== undefined);
		const sum = (f: (l: LevelPlan) => number) => rows.reduce((s, l) => s + f(l), 0);
		out[level] = {
			visitorsPerDay: Math.round(sum((l) => l.visitorsPerDay) * 100) / 100,
			totalCounters: sum((l) => l.totalCounters),
			counterHoursPerWeek: sum((l) => l.counterHoursPerWeek),
			staff: sum((l) => l.staff),
			costPerMonth: sum((l) => l.costPerMonth),
			seats: rows.every((l) => l.seats !== null) ? sum((l) => l.seats!) : null,
			regionsMet: rows.filter((l) => l.met).length
		};
	}
	return out;
}
