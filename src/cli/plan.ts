/** `mpp plan`: size an MPP for every region of a province file at each demand level, with staff, cost and seats. */
import { dirname, resolve } from 'node:path';
import { formatScenarioError } from '../lib/model/errors';
import { inProcessEvaluate, poolEvaluate, type Evaluate } from '../lib/planning/evaluate';
import { laneShape, planChains, planProvince, type PlanProgress, type ProvincePlan } from '../lib/planning/province';
import { planAgenciesCsv, planCsv } from '../lib/planning/provinceCsv';
import { DEMAND_LEVELS, parseProvinceText, type DemandLevel, type Province } from '../lib/planning/provinceData';
import type { SizingTargets } from '../lib/planning/targets';
import { createNodePool } from '../lib/workers/nodePool';
import type { WorkerPool } from '../lib/workers/pool';
import { CliError } from './cliError';
import { readTextFile } from './inputFile';
import { OutFiles } from './outFiles';
import { prepareOut } from './outDir';
import { formatPlan } from './planText';
import { loadScenario } from './scenarioFile';
import { workerCount } from './workerCount';

/** Options of `mpp plan`. */
export interface PlanCommandOptions {
	targets?: Partial<SizingTargets>;
	replications?: number;
	seed?: number;
	level?: DemandLevel | 'all';
	salary?: number;
	workWeek?: number;
	companions?: number;
	json?: boolean;
	out?: string;
	workers?: number;
}

/** Reads and validates a province file and its base scenario; every problem names the file and JSON path. */
export function loadProvince(file: string): { province: Province; base: ReturnType<typeof loadScenario>['scenario'] } {
	const text = readTextFile(file);
	const first = parseProvinceText(text);
	if (!first.ok) throw new CliError(first.errors.map((e) => formatScenarioError(e, file)).join('\n'));
	const baseFile = resolve(dirname(file), first.province.baseScenario);
	let base;
	try {
		base = loadScenario(baseFile).scenario;
	} catch (e) {
		const why = e instanceof Error ? e.message : String(e);
		throw new CliError(`${file}: baseScenario: cannot use ${first.province.baseScenario}: ${why}`);
	}
	// Again with the base: the tiers' agencies must exist in it.
	const checked = parseProvinceText(text, base);
	if (!checked.ok) throw new CliError(checked.errors.map((e) => formatScenarioError(e, file)).join('\n'));
	return { province: checked.province, base };
}

/** The plan as JSON: everything but the sized scenarios (those go to --out). */
export function planJson(plan: ProvincePlan): object {
	return { ...plan, regions: plan.regions.map((r) => ({ ...r, levels: r.levels.map(({ scenario: _scenario, ...l }) => l) })) };
}

/** Runs `mpp plan`; progress on stderr, the plan on stdout. */
export async function planCommand(file: string, opts: PlanCommandOptions): Promise<void> {
	const { province, base } = loadProvince(file);
	if (opts.out !== undefined) prepareOut(opts.out);
	const levels = opts.level === undefined || opts.level === 'all' ? DEMAND_LEVELS : [opts.level];
	const n = workerCount(opts.workers);
	// A pool per lane (a tier's chain of searches), the threads shared out among the lanes: chains run side by side,
	// and within a chain an evaluation's replications run on the lane's threads.
	const shape = laneShape(n, planChains(province));
	const pools: WorkerPool[] = n === 0 ? [] : Array.from({ length: shape.lanes }, () => createNodePool(shape.workersPerLane));
	const lanes: Evaluate[] = pools.length ? pools.map(poolEvaluate) : [inProcessEvaluate];
	const started = Date.now();
	let plan: ProvincePlan;
	try {
		plan = await planProvince(province, base, lanes, {
			targets: opts.targets,
			replications: opts.replications,
			seed: opts.seed,
			levels,
			staffing: { workWeekHours: opts.workWeek, monthlySalary: opts.salary },
			companions: opts.companions,
			onProgress: (p) => p.finished && process.stderr.write(progressLine(p))
		});
	} finally {
		for (const p of pools) p.terminate();
	}
	process.stderr.write(`plan: ${plan.regions.length} regions × ${levels.length} levels in ${((Date.now() - started) / 1000).toFixed(1)} s on ${n === 0 ? 'this thread' : `${shape.lanes} lane(s) of ${shape.workersPerLane} thread(s)`}\n`);
	const unmet = plan.regions.flatMap((r) => r.levels.filter((l) => !l.met).map((l) => `${r.id} ${l.level}`));
	if (unmet.length) process.stderr.write(`plan: warning: targets not met in ${unmet.join(', ')} (see "met" per agency)\n`);
	// plan.json and --json are the same text: made once.
	const json = opts.json || opts.out !== undefined ? `${JSON.stringify(planJson(plan), null, 2)}\n` : '';
	if (opts.out !== undefined) writePlan(opts.out, plan, json);
	process.stdout.write(opts.json ? json : formatPlan(plan));
}

function progressLine(p: PlanProgress): string {
	const l = p.finished!;
	return `plan: [${p.done}/${p.total}] ${p.region} ${p.level}: ${l.visitorsPerDay} visitors/day → ${l.totalCounters} counters, ${l.staff} staff${l.met ? '' : ' (targets NOT met)'}\n`;
}

/** plan.json (its text given), plan.csv, plan-agencies.csv and each sized scenario, all or nothing. */
function writePlan(dir: string, plan: ProvincePlan, json: string): void {
	OutFiles.all(dir, (out) => {
		out.write('plan.json', json);
		out.write('plan.csv', planCsv(plan));
		out.write('plan-agencies.csv', planAgenciesCsv(plan));
		for (const r of plan.regions) {
			for (const l of r.levels) {
				// The base file's "$schema" is relative to where it lives; a sized file may live anywhere.
				const { $schema: _schema, ...scenario } = l.scenario as typeof l.scenario & { $schema?: string };
				out.write(`scenario-${l.scenario.id}.json`, `${JSON.stringify(scenario, null, 2)}\n`);
			}
		}
	});
	process.stderr.write(`plan: wrote plan.json, plan.csv, plan-agencies.csv and ${plan.regions.length * plan.settings.levels.length} scenarios to ${dir}\n`);
}
