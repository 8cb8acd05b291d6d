/**
 * `npm run bench`: what a user waits for first — whole processes of the built `mpp` (wholeProcess.ts), SimPy beside
 * them with --peers (peers.ts) — then the in-process event rates against the bare simjs calendar (inProcess.ts),
 * kept to show a change leaves the simulator no slower in-process. `npm run bench -- --help` for the flags.
 * Exits 1 when a measure failed or an argument is wrong; a target missed is reported, not an error.
 */
import { parseArgs, usage, type BenchArgs } from './args';
import { runInProcess } from './inProcess';
import { runPlanBench } from './planBench';
import { targetsMissed } from './report';
import { runWholeProcess } from './wholeProcess';

/** The parsed arguments, or the usage and an exit when they are wrong or --help was asked. */
function args(): BenchArgs {
	const argv = process.argv.slice(2);
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(usage);
		process.exit(0);
	}
	try {
		return parseArgs(argv);
	} catch (e) {
		console.error(`bench: ${(e as Error).message}\n${usage}`);
		process.exit(1);
	}
}

const a = args();
const started = performance.now();
let ok = true;
if (a.parts.has('whole') || a.parts.has('peers')) ok = await runWholeProcess(a);
// The province plan (issue 25): a whole process of the built CLI, so it runs with the whole-process part.
if (a.parts.has('whole')) ok = (await runPlanBench()) && ok;
if (a.parts.has('inprocess')) {
	try {
		await runInProcess();
	} catch (e) {
		// The in-process measures run the sources as they are in the working tree, mid-edit or not.
		console.log(`\nIn-process: FAILED (${(e as Error).message.split('\n')[0]})`);
		ok = false;
	}
}
const missed = targetsMissed();
console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s (${new Date().toISOString().slice(0, 10)})${missed ? `; ${missed} target(s) or check(s) not met` : ''}`);
process.exitCode = ok ? 0 : 1;
