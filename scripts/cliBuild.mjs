// Builds the `mpp` command into plain JavaScript (dist/cli/) with esbuild, from the TypeScript sources, which
// stay the single truth. Used by `npm run build`, by `prepare` (so `npm ci` leaves a ready command) and by the
// launcher bin/mpp.mjs, which rebuilds when a source is newer than the build.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'dist/cli');
/** Written last, so a half-done build counts as stale: its time is the build's, its lines the build's inputs. */
export const stamp = join(outDir, '.built');
/**
 * True when dist/cli is missing or older than a file it was built from: the stamp lists every input esbuild
 * read (its metafile), so the check stats those few files and nothing else.
 */
export function isStale() {
	const built = statSync(stamp, { throwIfNoEntry: false });
	if (!built) return true;
	const inputs = readFileSync(stamp, 'utf8').split('\n').filter(Boolean);
	return inputs.some((file) => (statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > built.mtimeMs);
}

/** Bundles the CLI and its worker entry; shared code goes into common chunks, each command's code loads on use. */
export async function buildCli() {
	const { build } = await import('esbuild');
	const result = await build({
		absWorkingDir: root,
		entryPoints: { mpp: 'src/cli/mpp.ts', nodeWorker: 'src/lib/workers/nodeWorker.ts' },
		outdir: outDir,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outExtension: { '.js': '.mjs' },
		chunkNames: '[name]-[hash]',
		// Bundled CommonJS packages (commander, seedrandom) may call require() for Node's own modules.
		banner: { js: "import { createRequire as __mppRequire } from 'node:module'; const require = __mppRequire(import.meta.url);" },
		// Not minified: the parse time it saves is a few ms, and profiles and messages keep their names.
		legalComments: 'linked',
		metafile: true,
		logLevel: 'warning'
	});
	const inputs = [...Object.keys(result.metafile.inputs), 'package-lock.json', 'scripts/cliBuild.mjs'];
	writeFileSync(stamp, inputs.join('\n') + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await buildCli();
}
