import type { Scenario } from '../model/scenario';

/** Main → visits.csv worker: simulate these replications again, keeping legs, and send their CSV rows. */
export interface VisitsCsvRequest {
	scenario: Scenario;
	seed: number;
	replications: number[];
	/** Put the CSV header before the first replication's rows. */
	header: boolean;
}

/** Worker → main: one replication's rows (in order of `replications`), or a failure. */
export type VisitsCsvReply = { type: 'part'; replication: number; text: string } | { type: 'error'; message: string };
