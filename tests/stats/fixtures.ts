/** Hand-built simulator output for the stats and export tests (independent of the simulator itself). */
import { ScenarioSchema, type Scenario } from '../../src/lib/model/scenario';
import type { LegRecord } from '../../src/lib/records/legRecord';
import type { CounterUsage, ReplicationOutput } from '../../src/lib/records/replicationOutput';

/** Two agencies (dukcapil: kk, ktp; bapenda: pbb), two counters, a 15-minute service level. */
export function smallScenario(): Scenario {
	return ScenarioSchema.parse({
		version: 1,
		id: 'uji-kecil',
		name: 'Uji kecil',
		calendar: {
			days: ['mon', 'tue'],
			hours: { default: { open: '08:00', lastTicket: '14:30', close: '15:00' } }
		},
		agencies: [
			{
				id: 'dukcapil',
				name: 'Dukcapil',
				ticketPrefix: 'A',
				services: [
					{ id: 'kk', name: 'Kartu Keluarga', weight: 2, serviceTime: { dist: 'fixed', value: 10 } },
					{ id: 'ktp', name: 'KTP-el', weight: 1, serviceTime: { dist: 'fixed', value: 7 } }
				]
			},
			{
				id: 'bapenda',
				name: 'Bapenda',
				ticketPrefix: 'B',
				services: [{ id: 'pbb', name: 'PBB', weight: 1, serviceTime: { dist: 'fixed', value: 5 } }]
			}
		],
		demand: { visitorsPerDay: 10, profile: { from: '08:00', step: 60, weights: [1] } },
		counters: [
			{ id: 'L01', name: 'Loket 1', serves: ['dukcapil'] },
			{ id: 'L02', name: 'Loket 2', serves: ['bapenda'] }
		],
		policy: { serviceLevelMinutes: 15 }
	});
}

/** A leg with sensible defaults: a served walk-in. */
export function leg(p: Partial<LegRecord> & Pick<LegRecord, 'day' | 'visitor' | 'agency' | 'service'>): LegRecord {
	const ticketTime = p.ticketTime ?? p.arrival ?? 480;
	const outcome = p.outcome ?? 'served';
	const wait = p.wait ?? 0;
	const served = outcome === 'served';
	return {
		replication: 0,
		dayId: p.day === 0 ? 'mon' : 'tue',
		leg: 0,
		ticket: 'A-001',
		channel: 'walk-in',
		priority: false,
		arrival: ticketTime,
		ticketTime,
		call: served ? ticketTime + wait : NaN,
		start: served ? ticketTime + wait : NaN,
		end: NaN,
		counter: '',
		wait,
		outcome,
		measured: true,
		...p
	};
}

const hours = (entries: Record<number, number>): number[] =>
	Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);

/**
 * Two days. Visitors: d0v1 served twice (waits 5 and 20, in the hall 08:00–08:40), d0v2 served (wait exactly 15,
 * 08:10–08:32), d0v3 abandoned, d0v4 online no-show, d0v5 not served at close, d1v1 served then abandoned,
 * d1v2 served but not measured (wait 100: must not show anywhere).
 */
export function smallOutput(replication = 0): ReplicationOutput {
	const legs: LegRecord[] = [
		leg({ day: 0, visitor: 1, agency: 'dukcapil', service: 'kk', arrival: 480, wait: 5, end: 495, counter: 'L01' }),
		leg({
			day: 0, visitor: 1, leg: 1, agency: 'bapenda', service: 'pbb', ticket: 'B-001',
			arrival: 480, ticketTime: 495, wait: 20, end: 520, counter: 'L02'
		}),
		leg({ day: 0, visitor: 2, agency: 'dukcapil', service: 'ktp', ticket: 'A-002', arrival: 490, wait: 15, end: 512, counter: 'L01' }),
		leg({ day: 0, visitor: 3, agency: 'bapenda', service: 'pbb', ticket: 'B-002', arrival: 500, wait: 30, outcome: 'abandoned' }),
		leg({
			day: 0, visitor: 4, agency: 'dukcapil', service: 'kk', ticket: '', channel: 'online',
			arrival: NaN, ticketTime: NaN, wait: NaN, outcome: 'no-show'
		}),
		leg({ day: 0, visitor: 5, agency: 'dukcapil', service: 'kk', ticket: 'A-003', arrival: 540, wait: 60, outcome: 'not-served' }),
		leg({
			day: 1, visitor: 1, agency: 'bapenda', service: 'pbb', ticket: 'B-001', channel: 'online', priority: true,
			arrival: 600, wait: 40, end: 650, counter: 'L02'
		}),
		leg({
			day: 1, visitor: 1, leg: 1, agency: 'dukcapil', service: 'kk', ticket: 'A-001', channel: 'online',
			priority: true, arrival: 600, ticketTime: 650, wait: 10, outcome: 'abandoned'
		}),
		leg({ day: 1, visitor: 2, agency: 'dukcapil', service: 'kk', ticket: 'A-002', arrival: 481, wait: 100, end: 591, counter: 'L01', measured: false })
	].map((l) => ({ ...l, replication }));
	const counters: CounterUsage[] = [
		{
			counter: 'L01', staffed: 840, busy: 210, overtime: 5, served: 2,
			busyByHour: hours({ 8: 60, 9: 100, 10: 50 }),
			staffedByHour: hours({ 8: 120, 9: 120, 10: 120, 11: 120, 12: 120, 13: 120, 14: 120 })
		},
		{
			counter: 'L02', staffed: 420, busy: 105, overtime: 0, served: 2,
			busyByHour: hours({ 8: 45, 10: 60 }),
			staffedByHour: hours({ 8: 60, 9: 60, 10: 60, 11: 60, 12: 60, 13: 60, 14: 60 })
		}
	];
	const bins = 14;
	return {
		replication,
		days: 2,
		legs,
		counters,
		peakWaiting: [3, 1],
		trace: {
			binMinutes: 30,
			from: 480,
			waitingArea: Array.from({ length: bins }, (_, i) => (i === 0 ? 120 : i === 1 ? 60 : 0)),
			busyArea: Array.from({ length: bins }, (_, i) => (i === 0 ? 60 : 0)),
			staffedArea: new Array(bins).fill(120),
			days: 2
		},
		events: 0
	};
}
