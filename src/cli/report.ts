import type { RunSummary } from '../lib/stats/runSummary';
import { fmt, metricText as metric } from './format';

/** The human-readable summary `mpp run` prints without --json. */
export function formatRunReport(run: RunSummary): string {
	const o = run.overall;
	const lines = [
		`${run.name} (${run.scenario}) — seed ${run.seed}, ${run.replications} replication${run.replications === 1 ? '' : 's'} of ${run.days} day(s); ${run.replications === 1 ? 'one replication gives no confidence interval (run at least 2)' : 'means per replication with 95% intervals'}`,
		'',
		`  visitors arrived        ${metric(o.arrived, 1)}`,
		`  fully served            ${metric(o.served, 1)}`,
		`  abandoned               ${metric(o.abandoned, 1)}`,
		`  not served at close     ${metric(o.notServedAtClose, 1)}`,
		`  online no-shows         ${metric(o.noShow, 1)}`,
		`  wait mean (min)         ${metric(o.waitMean, 1)}`,
		`  wait P90 (min)          ${metric(o.waitP90, 1)}`,
		`  served within ${run.serviceLevelMinutes} min    ${metric(o.serviceLevel, 1, 100)} %`,
		`  counter utilisation     ${metric(o.utilization, 1, 100)} %`,
		'',
		'  agency                          tickets   wait mean   wait P90   abandon %',
		...run.agencies.map(
			(a) =>
				`  ${a.id.padEnd(30)} ${fmt(a.arrived.mean, 1).padStart(8)} ${fmt(a.waitMean.mean, 1).padStart(11)} ${fmt(a.waitP90.mean, 1).padStart(10)} ${fmt(a.abandonRate.mean === null ? null : a.abandonRate.mean * 100, 1).padStart(11)}`
		)
	];
	return lines.join('\n') + '\n';
}
