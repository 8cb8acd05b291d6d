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

/** Main → worker: size a scenario, or size it at several visitors-per-day levels; or cancel the running job. */
export type SizeRequest =
	| { type: 'size'; job: number; scenario: Scenario; settings: SizeSettings }
	| { type: 'growth'; job: number; scenario: Scenario; settings: SizeSettings; visitorsPerDay: number[] }
	| { type: 'cancel'; job: number };

/** Worker → main. */
export type SizeReply =
	| { type: 'progress'; job: number; progress: SizingProgress }
	| { type: 'growth-progress'; job: number; progress: GrowthProgress }
	| { type: 'point'; job: number; point: GrowthPoint }
	| { type: 'result'; job: number; result: SizingResult }
	| { type: 'growth-result'; job: number; points: GrowthPoint[] }
	| { type: 'cancelled'; job: number }
	| { type: 'error'; job: number; message: string };
