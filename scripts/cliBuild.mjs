// Builds the `mpp` command into plain JavaScript (dist/cli/) with esbuild, from the TypeScript sources, which
// stay the single truth. Used by `npm run build`, by `prepare` (so `npm ci` leaves a ready command) and by the
// launcher bin/mpp.mjs, which rebuilds when a source is newer than the build.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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
		logLevel: 'warning',
		// Chromium's driver stays a package of its own (mpp report --pdf loads it only when asked to print).
		external: ['playwright-core'],
		// The compiler settings that change emitted code, stated here rather than read from tsconfig.json, which
		// extends .svelte-kit/tsconfig.json: on a fresh clone `npm ci` builds the CLI before SvelteKit has written
		// that file, and esbuild warned once per import (38 times) and built with different settings than later.
		tsconfigRaw: { compilerOptions: { target: 'es2022', useDefineForClassFields: true, verbatimModuleSyntax: true } },
		plugins: [sveltePlugin(), zodEnglishOnly()]
	});
	removeStale(result.metafile.outputs);
	// The folders a glob read count as inputs too: a dictionary added to one changes the folder's time.
	const inputs = [...Object.keys(result.metafile.inputs), ...globbedDirs, 'package-lock.json', 'scripts/cliBuild.mjs'];
	writeFileSync(stamp, inputs.join('\n') + '\n');
}

/**
 * Zod's entry re-exports all of its 64 locales (`z.locales`, 370 KB of the 790 KB chunk every command that reads a
 * scenario loads). The CLI's messages are its own and zod's English is its default, so the locales' index is
 * replaced by English alone: `mpp validate` starts that much sooner. (Were the path to change, nothing is replaced.)
 * @returns {import('esbuild').Plugin}
 */
function zodEnglishOnly() {
	return {
		name: 'mpp-zod-english-only',
		setup(build) {
			build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
				contents: 'export { default as en } from "./en.js";\n',
				resolveDir: dirname(args.path),
				loader: 'js'
			}));
		}
	};
}

/**
 * Deletes what earlier builds left in dist/cli: chunk names carry a hash of their content, so every change adds
 * files, and the folder (which an installed package ships) grew by hundreds of unused chunks. Only the files this
 * build wrote, and the stamp, stay. (A rebuild happens when a source changed, before the command runs.)
 * @param {Record<string, unknown>} outputs
 */
function removeStale(outputs) {
	const keep = new Set(Object.keys(outputs).map((file) => join(root, file)));
	for (const name of readdirSync(outDir)) {
		const file = join(outDir, name);
		if (file !== stamp && !keep.has(file)) rmSync(file, { force: true });
	}
}

/**
 * What `mpp report` needs to render the app's own Svelte components on the server: `$lib` imports, `.svelte`
 * files and `.svelte.ts` modules compiled for the server (styles injected into the render's head), and Vite's
 * `import.meta.glob` (the i18n dictionaries) expanded into plain imports. Only the report command's chunk
 * loads any of it, so other commands start as fast as before.
 */
/** @returns {import('esbuild').Plugin} */
function sveltePlugin() {
	return {
		name: 'mpp-svelte',
		setup(build) {
			build.onResolve({ filter: /^\$lib(\/|$)/ }, (args) =>
				build.resolve('./' + join('src/lib', args.path.slice('$lib'.length)), { resolveDir: root, kind: args.kind })
			);
			build.onLoad({ filter: /\.svelte$/ }, async (args) => {
				const { compile } = await import('svelte/compiler');
				const source = readFileSync(args.path, 'utf8');
				const { js } = compile(source, { filename: relative(root, args.path), generate: 'server', css: 'injected', dev: false });
				return { contents: js.code, loader: 'js', resolveDir: dirname(args.path) };
			});
			build.onLoad({ filter: /\.svelte\.(ts|js)$/ }, async (args) => {
				const [{ compileModule }, { transform }] = await Promise.all([import('svelte/compiler'), import('esbuild')]);
				const ts = await transform(readFileSync(args.path, 'utf8'), { loader: 'ts', target: 'es2022' });
				const { js } = compileModule(ts.code, { filename: relative(root, args.path), generate: 'server', dev: false });
				return { contents: js.code, loader: 'js', resolveDir: dirname(args.path) };
			});
			build.onLoad({ filter: /[\\/]i18n[\\/]index\.ts$/ }, (args) => ({
				contents: expandGlobs(readFileSync(args.path, 'utf8'), dirname(args.path)),
				loader: 'ts',
				resolveDir: dirname(args.path)
			}));
		}
	};
}

/**
 * Replaces `import.meta.glob<T>('./dir/*\/*.json', { eager: true, import: 'default' })` by an object of imports.
 * @param {string} code
 * @param {string} dir
 * @returns {string}
 */
function expandGlobs(code, dir) {
	/** @type {string[]} */
	const imports = [];
	const out = code.replace(/import\.meta\.glob(?:<[^>]*>)?\(\s*'([^']+)'\s*,\s*\{\s*eager:\s*true,\s*import:\s*'default'\s*\}\s*\)/g, (_m, /** @type {string} */ pattern) => {
		const entries = globFiles(dir, pattern.replace(/^\.\//, '').split('/')).map((file) => {
			const name = `__glob${imports.length}`;
			imports.push(`import ${name} from ${JSON.stringify('./' + file)};`);
			return `${JSON.stringify('./' + file)}: ${name}`;
		});
		return `{ ${entries.join(', ')} }`;
	});
	return imports.join('\n') + '\n' + out;
}

/** Folders read by expandGlobs, relative to the root (for the staleness stamp). @type {Set<string>} */
const globbedDirs = new Set();

/**
 * The files under `dir` matching path segments where `*` stands for any name (sorted, so builds are stable).
 * @param {string} dir
 * @param {string[]} segments
 * @returns {string[]}
 */
function globFiles(dir, segments) {
	const [head, ...rest] = segments;
	globbedDirs.add(relative(root, dir));
	const re = new RegExp('^' + head.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
	const names = readdirSync(dir, { withFileTypes: true }).filter((e) => re.test(e.name)).sort((a, b) => a.name.localeCompare(b.name));
	if (rest.length === 0) return names.filter((e) => e.isFile()).map((e) => e.name);
	return names.filter((e) => e.isDirectory()).flatMap((e) => globFiles(join(dir, e.name), rest).map((/** @type {string} */ f) => `${e.name}/${f}`));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await buildCli();
}
