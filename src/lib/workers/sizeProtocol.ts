/** Messages between the page and the sizing worker (sizeWorker.ts). */
import type { Scenario } from '../model/scenario';
import type { GrowthPoint, GrowthProgress } from '../planning/growth';
import type { SizingProgress, SizingResult } from '../planning/size';
import type { SizingTargets } from '../planning/targets';

/** Settings of a search, as the page sends them. */
export interface SizeSettings {
	targets: Partial<SizingTargets>;
	seed: number;
	replications: number;
	shared: boolean;
}

/** Main → worker: size a scenario, or size it at several visitors-per-day levels (one job per worker; the page cancels by terminating it). */
export type SizeRequest =
	| { type: 'size'; scenario: Scenario; settings: SizeSettings }
	| { type: 'growth'; scenario: Scenario; settings: SizeSettings; visitorsPerDay: number[] };

/** Worker → main. */
export type SizeReply =
	| { type: 'progress'; progress: SizingProgress }
	| { type: 'growth-progress'; progress: GrowthProgress }
	| { type: 'point'; point: GrowthPoint }
	| { type: 'result'; result: SizingResult }
	| { type: 'growth-result'; points: GrowthPoint[] }
	| { type: 'error'; message: string };
