/** --workers: the machine's cores by default, and never more threads than cores. */
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/workerCount';
import { mpp } from './mppProcess';

describe('workerCount', () => {
	it('defaults to the cores, keeps a smaller number and cuts a larger one to the cores', () => {
		expect(workerCount(undefined, 4)).toBe(4);
		expect(workerCount(0, 4)).toBe(0);
		expect(workerCount(3, 4)).toBe(3);
		expect(workerCount(256, 4)).toBe(4);
	});

	it('mpp run --workers 256 warns once and runs on the cores', () => {
		const r = mpp('run', 'scenarios/lebong.json', '--replications', '40', '--workers', '256', '--json');
		expect(r.code).toBe(0);
		expect(r.stderr.match(/--workers 256 is more than this machine's \d+ cores/g)).toHaveLength(1);
		expect(JSON.parse(r.stdout).replications).toBe(40);
	});
});

describe('--out', () => {
	it('an empty folder name is an error before anything runs', () => {
		for (const cmd of [['run', 'scenarios/lebong.json'], ['compare', 'scenarios/lebong.json', 'scenarios/lebong.json']]) {
			const r = mpp(...cmd, '--out', '');
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/--out: expected a folder name/);
		}
	});
});
