/** The house rules on imports: data flows one way (no cycles), the layers below the simulator never reach into it, one simjs importer. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = resolve(new URL('../../src/lib', import.meta.url).pathname);

function tsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []
	);
}

/** Every module a file imports (type-only imports too: a cycle of types is still a tangle), as paths under src/lib. */
function importsOf(file: string, known: Set<string>): { local: string[]; packages: string[] } {
	const text = readFileSync(file, 'utf8');
	const local: string[] = [];
	const packages: string[] = [];
	for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
		const spec = m[1] ?? m[2];
		if (!spec.startsWith('.') && !spec.startsWith('$lib')) {
			packages.push(spec);
			continue;
		}
		const base = spec.startsWith('$lib') ? join(lib, spec.slice(4)) : resolve(dirname(file), spec);
		const target = [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')].find((c) => known.has(c));
		if (target) local.push(target);
	}
	return { local, packages };
}

const files = tsFiles(lib);
const known = new Set(files);
const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
const name = (f: string) => relative(lib, f);

describe('imports in src/lib', () => {
	it('form no cycle', () => {
		const state = new Map<string, 'open' | 'done'>();
		const cycles: string[] = [];
		const visit = (f: string, path: string[]): void => {
			if (state.get(f) === 'done') return;
			if (state.get(f) === 'open') {
				cycles.push([...path.slice(path.indexOf(f)), f].map(name).join(' → '));
				return;
			}
			state.set(f, 'open');
			for (const g of graph.get(f)!.local) visit(g, [...path, f]);
			state.set(f, 'done');
		};
		for (const f of files) visit(f, []);
		expect(cycles).toEqual([]);
	});

	it('never reach from engine, records or stats into the simulator', () => {
		const wrong = files
			.filter((f) => /^(engine|records|stats)\//.test(name(f)))
			.flatMap((f) => graph.get(f)!.local.filter((g) => name(g).startsWith('sim/')).map((g) => `${name(f)} → ${name(g)}`));
		expect(wrong).toEqual([]);
	});

	it('keep ticket logs above the simulator: calibrate reads only the model, stats, the samplers and the CSV cell rules; the simulator knows no log', () => {
		// export/cells.ts is a leaf (how a cell is made safe and a number written), shared rather than copied.
		const calibrateMay = /^(calibrate\/|model\/|stats\/|sim\/(random|distributions)\.ts$|export\/cells\.ts$)/;
		const wrong = files
			.filter((f) => name(f).startsWith('calibrate/'))
			.flatMap((f) => graph.get(f)!.local.filter((g) => !calibrateMay.test(name(g))).map((g) => `${name(f)} → ${name(g)}`));
		const simReaches = files
			.filter((f) => /^(sim|engine|stats|records|model)\//.test(name(f)))
			.flatMap((f) => graph.get(f)!.local.filter((g) => /^(calibrate|replay)\//.test(name(g))).map((g) => `${name(f)} → ${name(g)}`));
		expect([...wrong, ...simReaches]).toEqual([]);
	});

	it('have one simjs importer, sim/calendar.ts', () => {
		// calendar.ts loads simjs with a dynamic import (it attaches itself to window); a static one counts too.
		const importers = files.filter((f) => graph.get(f)!.packages.includes('simjs') || /import\(\s*['"]simjs['"]/.test(readFileSync(f, 'utf8')));
		expect(importers.map(name)).toEqual(['sim/calendar.ts']);
	});

	it('never import a page: src/lib (components included) is below src/routes', () => {
		// Components too: a report that reached into a page's folder for its tables made the library depend on the app.
		const sources = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []));
		const wrong = sources(lib).filter((f) => /from\s+['"][^'"]*routes\//.test(readFileSync(f, 'utf8')));
		expect(wrong.map(name)).toEqual([]);
	});
});
