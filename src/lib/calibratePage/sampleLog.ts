/**
 * The synthetic sample log (samples/contoh-log-sintetis-mpp.csv), bundled with the site as a static asset (Vite's
 * `?url`), so *Coba dengan contoh log* works offline and sends nothing anywhere. Browser only.
 */
import sampleUrl from '../../../samples/contoh-log-sintetis-mpp.csv?url';
import type { LogFile } from './calibrateController.svelte';

/** The sample's file name, as the quality report and the scenario's notes name it. */
export const SAMPLE_NAME = 'contoh-log-sintetis-mpp.csv';

/** Fetches the sample log from the site (a Blob: the worker reads it, not the page). */
export async function fetchSampleLog(): Promise<LogFile> {
	const res = await fetch(sampleUrl);
	if (!res.ok) throw new Error(`${SAMPLE_NAME}: HTTP ${res.status}`);
	return { name: SAMPLE_NAME, input: await res.blob() };
}
