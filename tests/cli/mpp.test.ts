/** The `mpp` command end to end: exit codes, messages without stack traces, JSON on stdout, CSVs, determinism. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mpp, mppEntry, noTrace, root } from './mppProcess';



const tmp = () => mkdtempSync(join(tmpdir(), 'mpp-cli-'));

describe('mpp validate', () => {
	it.each(['kota-bengkulu', 'lebong', 'seluma'])('accepts scenarios/%s.json', (id) => {
		const r = mpp('validate', `scenarios/${id}.json`);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('valid');
	});

	it('reports every error, one a line, with the file and JSON path, and exits 1', () => {
		const dir = tmp();
		const s = JSON.parse(readFileSync(join(root, 'scenarios/lebong.json'), 'utf8'));
		s.counters[0].serves[0] = 'dukcapl';
		s.calendar.hours.default.lastTicket = '16:00';
		const f = join(dir, 'broken.json');
		writeFileSync(f, JSON.stringify(s));
		const r = mpp('validate', f);
		expect(r.code).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines.length).toBeGreaterThanOrEqual(2);
		expect(r.stderr).toContain(`${f}: counters[0].serves[0]: no agency or service "dukcapl"`);
		expect(r.stderr).toMatch(/calendar\.hours\.default\.lastTicket/);
		noTrace(r.stderr);
	});

	it('names the line and column of bad JSON', () => {
		const f = join(tmp(), 'bad.json');
		writeFileSync(f, '{\n  "version": 1,\n  "id": oops\n}');
		const r = mpp('validate', f);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/line 3/);
		noTrace(r.stderr);
	});

	it('says when the file is missing', () => {
		const r = mpp('validate', 'no/such/file.json');
		expect(r.code).toBe(1);
		expect(r.stderr.trim()).toBe('no/such/file.json: no such file');
	});
});

describe('mpp run', () => {
	it('prints only the summary JSON on stdout with --json', () => {
		const r = mpp('run', 'scenarios/lebong.json', '--replications', '4', '--seed', '7', '--json', '--workers', '0');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.stdout);
		expect(j).toMatchObject({ scenario: 'lebong', seed: 7, replications: 4, days: 5 });
		for (const k of ['arrived', 'served', 'abandoned', 'noShow', 'notServedAtClose', 'waitMean', 'waitP50', 'waitP90', 'waitP95', 'serviceLevel', 'utilization']) {
			expect(typeof j.overall[k].mean).toBe('number');
			expect(j.overall[k].ci95).toHaveLength(2);
		}
		expect(j.agencies.length).toBeGreaterThan(0);
		expect(j.counters.length).toBeGreaterThan(0);
		expect(j.overall.utilization.mean).toBeGreaterThan(0);
		expect(j.overall.utilization.mean).toBeLessThanOrEqual(1);
	});

	it('gives one replication no interval: null in JSON, said in words in the report', () => {
		const j = JSON.parse(mpp('run', 'scenarios/lebong.json', '--replications', '1', '--json').stdout);
		expect(j.overall.waitMean.ci95).toEqual([null, null]);
		const r = mpp('run', 'scenarios/lebong.json', '--replications', '1');
		expect(r.stdout).toContain('one replication gives no confidence interval');
		expect(r.stdout).toMatch(/wait mean \(min\)\s+\d+\.\d \[no interval\]/);
	});

	it('gives byte-identical CSVs for the same seed whatever --workers, and different ones for another seed', () => {
		const outs = ['0', '1', '2'].map((w) => {
			const dir = tmp();
			const r = mpp('run', 'scenarios/lebong.json', '--replications', '6', '--seed', '11', '--workers', w, '--out', dir, '--json');
			expect(r.code).toBe(0);
			return dir;
		});
		for (const f of ['visits.csv', 'summary.csv', 'hourly.csv']) {
			const first = readFileSync(join(outs[0], f), 'utf8');
			for (const d of outs.slice(1)) expect(readFileSync(join(d, f), 'utf8')).toBe(first);
		}
		const other = tmp();
		expect(mpp('run', 'scenarios/lebong.json', '--replications', '6', '--seed', '12', '--workers', '0', '--out', other).code).toBe(0);
		expect(readFileSync(join(other, 'visits.csv'), 'utf8')).not.toBe(readFileSync(join(outs[0], 'visits.csv'), 'utf8'));
		// visits.csv holds one row per leg with the documented columns.
		const parsed = Papa.parse<Record<string, string>>(readFileSync(join(outs[0], 'visits.csv'), 'utf8'), { header: true, skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data.length).toBeGreaterThan(100);
		expect(Object.keys(parsed.data[0])).toEqual(expect.arrayContaining(['replication', 'day', 'visitor', 'ticket', 'agency', 'service', 'wait_min', 'outcome']));
		expect(new Set(parsed.data.map((r) => r.replication))).toEqual(new Set(['1', '2', '3', '4', '5', '6']));
	});

	it('stays quiet when the reader closes the pipe early (| head)', () => {
		const r = spawnSync('bash', ['-c', `"${process.execPath}" "${mppEntry}" run scenarios/lebong.json --replications 2 --workers 0 --json | head -c 20 > /dev/null`], {
			cwd: root,
			encoding: 'utf8',
			timeout: 120_000
		});
		expect(r.status).toBe(0);
		expect(r.stderr).not.toMatch(/EPIPE|Error/);
		noTrace(r.stderr);
	});

	it.each([
		[['run', 'scenarios/lebong.json', '--replications', 'lots'], /--replications.*whole number/],
		[['run', 'scenarios/lebong.json', '--seed', '-3'], /--seed/],
		[['run', 'scenarios/lebong.json', '--frobnicate'], /unknown option/],
		[['explode'], /unknown command/]
	])('rejects bad flags with a one-line message: %j', (args, message) => {
		const r = mpp(...args);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		noTrace(r.stderr);
	});

	it('refuses an invalid scenario with its errors and exit 1', () => {
		const f = join(tmp(), 'x.json');
		writeFileSync(f, JSON.stringify({ version: 1 }));
		const r = mpp('run', f);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/x\.json: id: required/);
		noTrace(r.stderr);
	});
});
