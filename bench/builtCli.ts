/**
 * The build of `mpp` the whole-process measures run: dist/cli, built first when a source is newer, then copied to a
 * temporary folder. Others edit and rebuild this working tree while the bench runs (`npx mpp` and the CLI tests
 * rebuild a stale dist/cli); the copy keeps every measure of one bench on one build.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, isStale, outDir, root, stamp } from '../scripts/cliBuild.mjs';

/** The copied CLI's entry (run it as `node <entry> …`) and a line saying which build it is. */
export interface MeasuredCli {
	entry: string;
	about: string;
}

/** Builds dist/cli if stale and copies it; the copy is removed when the bench exits. */
export async function prepareCli(): Promise<MeasuredCli> {
	let note = 'up to date';
	if (isStale()) {
		process.stderr.write('bench: building the CLI (a source is newer than dist/cli)…\n');
		await buildCli();
		note = 'rebuilt by the bench: a source was newer';
	}
	const built = statSync(stamp).mtime.toISOString().slice(0, 16);
	const copy = mkdtempSync(join(tmpdir(), 'mpp-bench-cli-'));
	process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
	// The bundle imports nothing outside its folder (only Node's own modules), so a copy runs as the original.
	cpSync(outDir, join(copy, 'cli'), { recursive: true });
	const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
	const dirty = git('status', '--porcelain', '--untracked-files=no') !== '' ? ' + uncommitted changes' : '';
	return { entry: join(copy, 'cli', 'mpp.mjs'), about: `dist/cli built ${built}Z (${note}) from ${git('rev-parse', '--short', 'HEAD')}${dirty}, run from a copy` };
}
