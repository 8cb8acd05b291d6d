/** The calibration's shapes: what the scenario is built from (one log's estimates, a base) and what calibrating gives. */
import type { PatienceBasis } from './behaviourEstimate';
import type { Distribution } from '../model/distribution';
import type { DayId, Scenario } from '../model/scenario';
import type { BehaviourEstimate } from './behaviourEstimate';
import type { CounterEstimate } from './counterEstimate';
import type { DemandEstimate } from './demandEstimate';
import type { WeekdayHours } from './hoursEstimate';
import type { QualityReport } from './logRecord';
import type { LogSummary } from './logSummary';
import type { Pooling } from './serviceEstimate';
import type { ServiceTimeFit } from './serviceTimeFit';

/** A log service with its demand share and its fitted service time (null when the log has no duration at all). */
export interface FittedService {
	agency: string;
	service: string;
	legs: number;
	share: number;
	fit: ServiceTimeFit | null;
	pooled: Pooling;
	/** Its own durations (before pooling). */
	own: number;
}

/** Everything the scenario is built from. */
export interface ScenarioParts {
	file: string;
	report: QualityReport;
	summary: LogSummary;
	demand: DemandEstimate;
	hours: WeekdayHours[];
	behaviour: BehaviourEstimate;
	counters: CounterEstimate[];
	services: FittedService[];
	minObservations: number;
	base?: Scenario;
}

/** One service's fit, by scenario ids. */
export interface ServiceFitReport {
	agency: string;
	service: string;
	name: string;
	n: number;
	pooled: Pooling;
	fit: ServiceTimeFit;
	/** At most 2,000 of the durations the fit was made on (pooled ones when pooled), evenly spread, for charts. */
	sample: Float64Array;
}

/** What calibrating a log gives. */
export interface CalibrationResult {
	scenario: Scenario;
	report: QualityReport;
	fits: ServiceFitReport[];
	demand: {
		visitorsPerDay: number;
		days: number;
		byWeekday: Array<{ weekday: DayId; days: number; meanVisitors: number; factor: number }>;
		profile: { from: string; step: number; weights: number[] };
	};
	behaviour: {
		abandonShare: number;
		patience: Distribution | null;
		patienceMethod: string;
		patienceBasis: PatienceBasis;
		noShowShare: number | null;
		extraServiceProbability: number | null;
		onlineShare: number | null;
		priorityShare: number | null;
	};
	counters: Array<{ id: string; agencies: string[]; shifts: Partial<Record<DayId, [string, string]>> }>;
	ids: Array<{ agencyKey: string; serviceKey: string; agency: string; service: string }>;
}
