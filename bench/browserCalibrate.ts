/**
 * (g) The Kalibrasi page on the 1,000,000-row log, in Debian's Chromium: the log chosen with the file picker is read
 * and fitted in the page's Web Worker; measured are the time from choosing to the results shown, the longest task on
 * the page's main thread meanwhile (a long task is what makes a page stop answering), and the peak memory of the
 * browser's processes (sampled), against the "no main-thread task over 200 ms, memory bounded by streaming".
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildIfStale, startServer } from '../tests/e2e/globalSetup';
import { target } from './report';
import { mb, secs } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The resident memory of every Chromium process, summed (kB). */
function chromiumRssKb(): number {
	try {
		const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
		return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
	} catch {
		return NaN;
	}
}

/** Calibrates `log` on the built site's Kalibrasi page and prints (g); false if the run failed. */
export async function runBrowserCalibrate(log: string, rows: number): Promise<boolean> {
	console.log(`(g) the Kalibrasi page on the same ${rows.toLocaleString('en')}-row log, in Chromium (read and fitted in a Web Worker)`);
	if (!existsSync(CHROMIUM)) {
		console.log(`  skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
		return true;
	}
	buildIfStale();
	const server = await startServer();
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
	let peak = 0;
	const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssKb())), 250);
	try {
		const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
		await page.goto(`${server.url}/calibrate`);
		await page.waitForSelector('[data-testid="calibrate-sample"]');
		const idle = chromiumRssKb();
		await page.evaluate(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longTasks.push(e.duration);
			}).observe({ type: 'longtask' });
		});
		const started = performance.now();
		await page.setInputFiles('[data-testid="calibrate-file"]', log);
		await page.waitForSelector('[data-testid="calibrate-done"]', { timeout: 300_000 });
		await page.waitForSelector('[data-testid="calibrate-demand"]', { timeout: 60_000 });
		const seconds = (performance.now() - started) / 1000;
		const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
		console.log(`  chosen to results shown: ${secs(seconds)}; longest main-thread task ${longest.toFixed(0)} ms`);
		// RSS summed over processes counts shared pages once per process: the rise above the page at rest is the
		// calibration's own memory.
		console.log(`  Chromium's processes: ${mb(idle)} with the page open, peak ${mb(peak)} while calibrating: ${mb(peak - idle)} more (RSS of all, sampled every 250 ms)`);
		target('no main-thread task over 200 ms while a 1,000,000-row log is read and fitted', longest <= 200, `${longest.toFixed(0)} ms`);
		return true;
	} catch (e) {
		console.log(`  FAILED (${(e as Error).message.split('\n')[0]})`);
		return false;
	} finally {
		clearInterval(sampler);
		await browser.close();
		server.child.removeAllListeners('exit');
		server.child.kill('SIGTERM');
	}
}
