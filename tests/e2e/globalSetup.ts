/**
 * Global setup of the real-browser suite: checks for Chromium, builds the site if build/ is missing or stale,
 * serves build/ with a plain static server (as any web server would host it) on a free port, and shares the
 * URL and the Chromium path with the tests. The server is stopped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD_MARK = join(ROOT, 'build', 'index.html');
const SOURCES = ['src', 'static', 'scenarios', 'samples', 'data', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
	}
}

/** The newest modification time under a path (files and folders, recursively). */
function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
	return max;
}

/** Builds the site (vite build) when build/ is missing or older than a source. Used by `npm run bench` too. */
export function buildIfStale(): void {
	const built = existsSync(BUILD_MARK) ? statSync(BUILD_MARK).mtimeMs : 0;
	const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
	if (process.env.E2E_REBUILD !== '1' && built > sources) return;
	process.stderr.write('e2e: building the site (vite build)…\n');
	const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`e2e: vite build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Serves build/ on a free port; resolves with its URL and the server's process. */
export function startServer(): Promise<{ url: string; child: ChildProcess }> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(process.execPath, [join(ROOT, 'tests/e2e/staticServer.mjs'), join(ROOT, 'build'), '0'], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		const timer = setTimeout(() => reject(new Error('e2e: the static server did not start within 10 s')), 10_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const m = /listening (http:\/\/\S+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolvePromise({ url: m[1], child });
			}
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`e2e: the static server exited (code ${code})`));
		});
	});
}

export default async function setup(project: TestProject) {
	const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromiumPath)) {
		throw new Error(
			`e2e: Chromium was not found at ${chromiumPath}. Install it with \`apt-get install -y chromium\` ` +
				'(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.'
		);
	}
	buildIfStale();
	const { url, child } = await startServer();
	project.provide('baseUrl', url);
	project.provide('chromiumPath', chromiumPath);
	return () => {
		child.removeAllListeners('exit');
		child.kill('SIGTERM');
	};
}
