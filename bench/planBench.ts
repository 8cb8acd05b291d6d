/**
 * The province plan's speed (issue 25): the built `mpp plan` on the shipped province file, 10 regions × 3 demand
 * levels, 20 replications per layout, on the machine's cores. Target: under 60 s on a 2-core machine. Prints the
 * province totals per level too, so a change that speeds the plan up by sizing differently shows at once.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { rupiah } from '../src/lib/planning/staffing';
import { prepareCli } from './builtCli';
import { target } from './report';

const root = new URL('..', import.meta.url).pathname;
/** The target, seconds, for the full plan on two cores. */
const PLAN_TARGET_SECONDS = 60;

/** Runs the full plan once and reports its wall time against the target; false when it failed. */
export async function runPlanBench(): Promise<boolean> {
	const cli = await prepareCli();
	console.log(`\nProvince plan (mpp plan data/bengkulu-province.json, 10 regions × 3 levels, 20 replications; ${availableParallelism()} cores)`);
	console.log(`  ${cli.about}`);
	const started = performance.now();
	const r = spawnSync(process.execPath, [cli.entry, 'plan', join(root, 'data/bengkulu-province.json'), '--replications', '20', '--json'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024
	});
	const seconds = (performance.now() - started) / 1000;
	if (r.status !== 0) {
		console.log(`  FAILED (exit ${r.status}): ${r.stderr.trim().split('\n').pop()}`);
		target(`full plan under ${PLAN_TARGET_SECONDS} s`, undefined, 'the plan failed');
		return false;
	}
	const totals = JSON.parse(r.stdout).totals as Record<string, { totalCounters: number; staff: number; seats: number | null; costPerMonth: number; regionsMet: number }>;
	for (const [level, t] of Object.entries(totals)) {
		console.log(`  ${level.padEnd(8)} ${t.totalCounters} counters, ${t.staff} staff, ${t.seats ?? '—'} seats, ${rupiah(t.costPerMonth)} a month, ${t.regionsMet}/10 regions meet every target`);
	}
	target(`full plan under ${PLAN_TARGET_SECONDS} s on 2 cores`, seconds < PLAN_TARGET_SECONDS, `${seconds.toFixed(1)} s`);
	return true;
}
