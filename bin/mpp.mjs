#!/usr/bin/env node
// The `mpp` command: runs the prebuilt CLI (dist/cli), building it first when a source is newer than the build
// (a checkout being worked on) or it was never built (an install that skipped `prepare`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, isStale, outDir, root } from '../scripts/cliBuild.mjs';

if (existsSync(join(root, 'src/cli')) && isStale()) {
	process.stderr.write('mpp: building the command from its sources…\n');
	await buildCli();
}
await import(pathToFileURL(join(outDir, 'mpp.mjs')).href);
