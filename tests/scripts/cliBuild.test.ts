/** The built command's folder holds this build's files and nothing an earlier build left (an install ships it). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDir } from '../../scripts/cliBuild.mjs';

describe('the CLI build', () => {
	it('leaves in dist/cli only the entries, the chunks they import and their licence notes', () => {
		// (The suite's global setup has built it when a source changed.)
		const names = readdirSync(outDir).filter((n) => n !== '.built');
		const imported = new Set(['mpp.mjs', 'nodeWorker.mjs']);
		for (const n of names.filter((x) => x.endsWith('.mjs'))) {
			for (const m of readFileSync(join(outDir, n), 'utf8').matchAll(/from\s*"\.\/([^"]+\.mjs)"|import\(\s*"\.\/([^"]+\.mjs)"\s*\)/g)) imported.add(m[1] ?? m[2]);
		}
		const orphans = names.filter((n) => !imported.has(n.replace(/\.LEGAL\.txt$/, '')));
		expect(orphans).toEqual([]);
		expect(names.length).toBeGreaterThan(5);
	});
});
