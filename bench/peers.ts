/**
 * `npm run bench -- --peers`: SimPy 3, the Python DES kernel a user would otherwise pick, on the same M/M/10 model
 * as (b), in the same rounds as mpp's runs (alternating), so the ratio of their medians compares like with like on a
 * shared machine whose absolute times move. The model is bench/peers/mmc_simpy.py (see bench/peers/README.md).
 */
import { spawnSync } from 'node:child_process';
import { checkAgainstErlang, MM10, mppWait } from './erlang';
import { figures, heads, row, target } from './report';
import type { Job, Samples } from './rounds';

const PYTHON = '/usr/bin/python3';
// The flags bench/peers/README.md gives: the same model as bench/mm10.json, SimPy's fastest idiom (store).
const flags = ['--lam', MM10.lam, '--mu', MM10.mu, '--c', MM10.c, '--horizon', 1_000_000, '--warmup', 1000, '--reps', 1, '--seed', 7, '--style', 'store'];

/** SimPy's M/M/10 run, a measure of the whole-process rounds. */
export const simpyJob: Job = { key: 'simpy', cmd: PYTHON, args: ['bench/peers/mmc_simpy.py', ...flags.map(String)] };

/** Why SimPy cannot run here (with how to install it), or undefined when it can. */
export function simpyMissing(): string | undefined {
	const r = spawnSync(PYTHON, ['-c', 'import simpy'], { stdio: 'ignore' });
	if (r.status === 0) return undefined;
	return `SimPy 3 is not installed for ${PYTHON}: install it with \`apt-get install -y python3-simpy3\` (Debian/Ubuntu)`;
}

/** Prints SimPy beside mpp on M/M/10: their times, the ratio of medians against the 10× target, and their answers. */
export function printPeers(s: Map<string, Samples>, missing: string | undefined): void {
	console.log(`\nPeers: SimPy 3 (store style) on the same M/M/10 model, alternating with mpp's runs of (b)`);
	if (missing) {
		console.log(`  skipped: ${missing}`);
		return;
	}
	heads();
	row(`mpp run bench/mm10.json --workers 0 --json`, s.get('mm10w0'));
	row(`mpp run bench/mm10.json --json (default workers)`, s.get('mm10'));
	row(`${PYTHON} bench/peers/mmc_simpy.py … --style store`, s.get('simpy'));
	const simpy = figures(s.get('simpy'));
	for (const [key, label] of [['mm10w0', '--workers 0'], ['mm10', 'default workers']]) {
		const mpp = figures(s.get(key));
		const ratio = simpy && mpp ? simpy.median / mpp.median : undefined;
		target(`mpp (${label}) at least 10× faster than SimPy`, ratio === undefined ? undefined : ratio >= 10, ratio === undefined ? '' : `${ratio.toFixed(1)}×, median ÷ median`);
	}
	checkAgainstErlang('SimPy', simpyWait(s.get('simpy')));
	checkAgainstErlang('mpp', mppWait(s.get('mm10')));
}

/** SimPy's mean wait from its JSON output, if it printed one. */
function simpyWait(s: Samples | undefined): number | undefined {
	const out = s?.runs[0]?.stdout;
	if (!out) return undefined;
	try {
		return JSON.parse(out).mean_wait ?? undefined;
	} catch {
		return undefined;
	}
}
