/** `mpp report --pdf`: the report's HTML printed to an A4 PDF by Chromium (playwright-core), as a browser prints it. */
import { CliError } from './cliError';

/** Where Chromium is looked for: $CHROMIUM_PATH, else Debian's /usr/bin/chromium (as the browser tests do). */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Prints the HTML with print media to an A4 PDF, backgrounds included; no network is used (the HTML needs none). */
export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
	let chromium: typeof import('playwright-core').chromium;
	try {
		({ chromium } = await import('playwright-core'));
	} catch {
		throw new CliError('mpp report: --pdf needs the playwright-core package (npm install playwright-core)');
	}
	let browser: Awaited<ReturnType<typeof chromium.launch>>;
	try {
		browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
	} catch (e) {
		const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
		throw new CliError(`mpp report: cannot start Chromium at ${executablePath}: ${first}`);
	}
	try {
		const page = await browser.newPage();
		// Nothing may be fetched: the report is self-contained, and a stray request must not hang the print.
		await page.route('**/*', (route) => (route.request().url() === 'about:blank' ? route.continue() : route.abort()));
		await page.setContent(html, { waitUntil: 'load' });
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	} finally {
		await browser.close();
	}
}
