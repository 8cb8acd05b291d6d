/** Statistics over simulator output: quantiles, intervals, time-weighted means, per-replication and run summaries. */
export { quantile, sortFloat64, sortedWithoutNaN } from './quantile';
export { tCdf, tPdf, tQuantile, tCritical } from './studentT';
export { normalQuantile } from './specialFunctions';
export { meanCI, nanMean, pairedDiffCI, type Metric } from './interval';
export { TimeWeighted } from './timeWeighted';
export {
	summarizeReplication,
	HOURS_PER_DAY,
	WAIT_HISTOGRAM_BINS,
	type ReplicationSummary,
	type WaitStats,
	type OverallReplication,
	type AgencyReplication,
	type ServiceReplication,
	type CounterReplication,
	type HourlyReplication,
	type TraceReplication
} from './replicationSummary';
export { aggregate, RunAccumulator } from './runAccumulator';
export {
	finiteOrNull,
	metricToJSON,
	type RunSummary,
	type Num,
	type MetricJSON,
	type Band,
	type OverallRun,
	type AgencyRun,
	type ServiceRun,
	type CounterRun,
	type HourRun,
	type TraceBin
} from './runSummary';
