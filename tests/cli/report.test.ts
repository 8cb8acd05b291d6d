/**
 * `mpp report`: one self-contained HTML file (no script, no external URL) made of the app's report components,
 * whose figures are `mpp run --json`'s / `mpp size --json`'s for the same seed; bad flags exit 2 in one line;
 * a PDF asked for without Chromium says so in one line (exit 1) before anything runs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { morningHall } from '../planning/fixtures';
import { mpp, mppIn, noTrace } from './mppProcess';

const dir = mkdtempSync(join(tmpdir(), 'mpp-report-'));
const KOTA = 'scenarios/kota-bengkulu.json';
const L20 = 'scenarios/variants/kota-bengkulu-l20-dukcapil.json';
const SMALL = ['--replications', '3', '--seed', '7', '--workers', '0'];

/** Asserts the HTML needs nothing from outside (no script, no URL in src, href or CSS url()) and is paper: no controls. */
function selfContained(html: string): void {
	expect(html).not.toMatch(/<(button|input|select|textarea|form|nav)\b/i);
	expect(html).toMatch(/^<!doctype html>/);
	expect(html).not.toMatch(/<script/i);
	expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
	expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
	expect(html).not.toMatch(/<link\b/i);
}

/** The `data-mean` of the KPI row `kpi` in the report's KPI table. */
function kpiMean(html: string, kpi: string): number {
	const m = new RegExp(`data-kpi="${kpi}" data-mean="([^"]*)"`).exec(html);
	if (!m) throw new Error(`no KPI row ${kpi}`);
	return Number(m[1]);
}

describe('mpp report', () => {
	it('writes a self-contained run report whose figures are mpp run --json\'s for the same seed', () => {
		const out = join(dir, 'run.html');
		const r = mpp('report', KOTA, ...SMALL, '--out', out);
		expect(r.code, r.stderr).toBe(0);
		const html = readFileSync(out, 'utf8');
		selfContained(html);
		expect(html).toContain('<html lang="id">');
		for (const heading of ['Laporan simulasi: MPP Kota Bengkulu', 'Asumsi', 'Indikator utama terhadap target', 'Per instansi', 'Grafik']) expect(html).toContain(heading);
		expect(html.match(/<svg /g)?.length).toBe(3);
		const run = JSON.parse(mpp('run', KOTA, ...SMALL, '--json').stdout);
		expect(kpiMean(html, 'waitP90')).toBe(run.overall.waitP90.mean);
		expect(kpiMean(html, 'arrived')).toBeCloseTo(run.overall.arrived.mean / run.days, 9);
		expect(kpiMean(html, 'serviceLevel')).toBe(run.overall.serviceLevel.mean);
		// The figure as printed, in Indonesian numbers: "44,4 mnt".
		const p90 = new Intl.NumberFormat('id-ID', { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 }).format(run.overall.waitP90.mean);
		expect(html).toContain(p90);
		expect(html).toMatch(/data-testid="report-seed"[^>]*>7</);
	});

	it('--lang en writes the same report in English', () => {
		const out = join(dir, 'run-en.html');
		expect(mpp('report', 'scenarios/lebong.json', ...SMALL, '--lang', 'en', '--out', out).code).toBe(0);
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('<html lang="en">');
		for (const heading of ['Simulation report: MPP Kabupaten Lebong', 'Assumptions', 'Key figures against targets', 'By agency']) expect(html).toContain(heading);
	});

	it('--compare reports the verdict first, naming Bank Bengkulu as a loss when L20 moves to Dukcapil', () => {
		const out = join(dir, 'compare.html');
		const r = mpp('report', KOTA, '--compare', L20, '--replications', '4', '--seed', '7', '--workers', '0', '--out', out);
		expect(r.code, r.stderr).toBe(0);
		const html = readFileSync(out, 'utf8');
		selfContained(html);
		for (const heading of ['Laporan perbandingan', 'Kesimpulan', 'Indikator utama per skenario', 'Untung dan rugi per instansi']) expect(html).toContain(heading);
		expect(html).toMatch(/data-testid="verdict-loss" data-agency="bank-bengkulu" data-code="nobodyServed"/);
		expect(html).toMatch(/data-agency="bank-bengkulu" data-status="loss"/);
	});

	it('--size reports counters, staff and waiting-room seats as mpp size finds them', () => {
		const hall = join(dir, 'pagi.json');
		writeFileSync(hall, JSON.stringify(morningHall({ patienceMean: 240, visitorsPerDay: 120 })));
		const flags = ['--replications', '12', '--seed', '11', '--workers', '0', '--companions', '2'];
		const out = join(dir, 'size.html');
		const r = mpp('report', hall, '--size', ...flags, '--out', out);
		expect(r.code, r.stderr).toBe(0);
		const html = readFileSync(out, 'utf8');
		selfContained(html);
		for (const heading of ['Laporan kebutuhan loket', 'Loket per instansi', 'Petugas per instansi', 'Mengapa jumlah loket ini', 'Ruang tunggu untuk rencana gedung']) expect(html).toContain(heading);
		const sized = JSON.parse(mpp('size', hall, ...flags, '--json').stdout);
		expect(html).toContain(`data-total="${sized.totalCounters}"`);
		expect(html).toContain(`data-staff="${sized.staffing.staff}" data-cost="${sized.staffing.costPerMonth}"`);
		for (const [id, n] of Object.entries(sized.counters)) expect(html).toContain(`data-agency="${id}" data-counters="${n}"`);
		// The seats, the P95 day's peak they come from and the factor: mpp size's own figures, printed.
		expect(sized.seats.seats).toBeGreaterThan(0);
		expect(html).toContain(`data-seats="${sized.seats.seats}" data-peak-p95="${sized.seats.peakP95}" data-companions="2"`);
		expect(html).toMatch(new RegExp(`data-testid="report-seats-value"[^>]*>${sized.seats.seats}<`));
		expect(html).toContain('Faktor pendamping 2 ditetapkan oleh pengguna');
	});

	it('--size without --companions names the assumed default factor', () => {
		const hall = join(dir, 'pagi.json');
		writeFileSync(hall, JSON.stringify(morningHall({ patienceMean: 240, visitorsPerDay: 120 })));
		const out = join(dir, 'size-en.html');
		const r = mpp('report', hall, '--size', '--replications', '4', '--seed', '11', '--workers', '0', '--lang', 'en', '--out', out);
		expect(r.code, r.stderr).toBe(0);
		const html = readFileSync(out, 'utf8');
		expect(html).toContain('Waiting room for the building plan');
		expect(html).toContain('data-companions="1.5"');
		expect(html).toContain('The companions factor 1.5 is an assumed default');
	});

	it.each([
		[['--compare', L20, '--size'], /--compare and --size/],
		[['--companions', '2'], /--companions is for .* give --size too/],
		[['--size', '--companions', '0.5'], /--companions/],
		[['--lang', 'fr'], /--lang.*expected "id" or "en"/],
		[['--replications', '0'], /--replications/],
		[['--out', ''], /--out: expected a file name/],
		[['--bogus'], /unknown option/],
		[[], /required option '-o, --out <file>'/]
	])('bad flags %j exit 2 with a one-line message', (flags, message) => {
		const hasOut = flags.includes('--out') || flags.length === 0;
		const r = mpp('report', KOTA, ...flags, ...(hasOut ? [] : ['--out', join(dir, 'bad.html')]));
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('(run "mpp --help"'))).toHaveLength(1);
		noTrace(r.stderr);
		expect(existsSync(join(dir, 'bad.html'))).toBe(false);
	});

	it('--pdf without Chromium says so in one line and exits 1 before running anything', () => {
		const out = join(dir, 'nochrome.html');
		const r = mppIn({ env: { CHROMIUM_PATH: join(dir, 'no-such-chromium') } }, 'report', KOTA, ...SMALL, '--out', out, '--pdf', join(dir, 'x.pdf'));
		expect(r.code).toBe(1);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/--pdf needs Chromium, and there is none at .*no-such-chromium/);
		noTrace(r.stderr);
		expect(existsSync(out)).toBe(false);
	});

	it.runIf(existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium'))('--pdf prints the report to an A4 PDF', () => {
		const pdf = join(dir, 'run.pdf');
		const r = mpp('report', 'scenarios/lebong.json', ...SMALL, '--out', join(dir, 'lebong.html'), '--pdf', pdf);
		expect(r.code, r.stderr).toBe(0);
		const text = readFileSync(pdf).toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
		expect(Number(box?.[1])).toBeCloseTo(595, -1);
		expect(Number(box?.[2])).toBeCloseTo(842, -1);
	});
});
