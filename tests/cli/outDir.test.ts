/** --out folders: made before anything runs, or refused at once with a one-line message; symlinks in them replaced, not followed. */
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpp } from './mppProcess';

describe('--out', () => {
	it('an empty folder name is an error before anything runs', () => {
		for (const cmd of [['run', 'scenarios/lebong.json'], ['compare', 'scenarios/lebong.json', 'scenarios/lebong.json']]) {
			const r = mpp(...cmd, '--out', '');
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/--out: expected a folder name/);
		}
	});
});

describe('--out folders that cannot be made', () => {
	it('fail at once with a one-line message, before any run: under /proc, under a file, or a file itself', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'mpp-outdir-')), 'a-file');
		writeFileSync(file, 'x');
		for (const [out, why] of [
			['/proc/self/x', /cannot create the output folder: cannot be made there/],
			[join(file, 'sub'), /cannot create the output folder: exists and is not a folder/],
			[file, /cannot create the output folder: exists and is not a folder/]
		] as const) {
			const r = mpp('run', 'scenarios/lebong.json', '--replications', '2', '--out', out);
			expect(r.code).toBe(1);
			expect(r.stderr).toMatch(why);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
	});

	it('makes missing parents, and replaces a symlink in the folder rather than writing through it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'mpp-outdir-'));
		const elsewhere = join(dir, 'elsewhere.csv');
		writeFileSync(elsewhere, 'theirs\n');
		const out = join(dir, 'a', 'b');
		expect(mpp('run', 'scenarios/lebong.json', '--replications', '2', '--out', out).code).toBe(0);
		symlinkSync(elsewhere, join(out, 'link.csv'));
		rmSync(join(out, 'summary.csv'));
		symlinkSync(elsewhere, join(out, 'summary.csv'));
		expect(mpp('run', 'scenarios/lebong.json', '--replications', '2', '--out', out).code).toBe(0);
		expect(readFileSync(elsewhere, 'utf8')).toBe('theirs\n');
		expect(lstatSync(join(out, 'summary.csv')).isSymbolicLink()).toBe(false);
	});
});
