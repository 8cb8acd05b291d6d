/**
 * Logs and layouts for the replay tests: a ticket-log row maker, a one-agency hall, and an independent plain FIFO
 * multi-counter queue (not this project's simulator) that writes the log its days would have produced.
 */
import type { LogOutcome, LogRecord } from '../../src/lib/calibrate/logRecord';
import type { DayId, Scenario } from '../../src/lib/model/scenario';
import type { LegRecord } from '../../src/lib/records/legRecord';
import { mustParse } from '../fixtures/scenarios';

let nextLine = 2;

/** A log row; unspecified times are NaN, the outcome 'served'. */
export function row(fields: Partial<LogRecord> & { issued: number }): LogRecord {
	const line = fields.line ?? nextLine++;
	const date = fields.date ?? '2026-03-02';
	return {
		line,
		date,
		weekday: 'mon',
		visit: `${date}#${line}`,
		ticket: '',
		agency: 'a',
		service: 's',
		counter: '',
		called: NaN,
		start: fields.called ?? NaN,
		end: NaN,
		left: NaN,
		outcome: 'served' as LogOutcome,
		online: false,
		priority: false,
		...fields
	};
}

/** One agency "a" with service "s" (and "t" when asked), `c` counters on duty 08:00–15:00, FIFO. */
export function hall(c: number, options: { services?: string[]; atClose?: 'serve-waiting' | 'send-home'; speed?: number } = {}): Scenario {
	const services = options.services ?? ['s'];
	return mustParse({
		version: 1,
		id: `hall-${c}`,
		name: `Hall of ${c}`,
		calendar: { days: ['mon'], hours: { default: { open: '08:00', lastTicket: '14:30', close: '15:00' } }, atClose: options.atClose ?? 'serve-waiting' },
		agencies: [{ id: 'a', name: 'Agency', ticketPrefix: 'A', services: services.map((id) => ({ id, name: id.toUpperCase(), weight: 1, serviceTime: { dist: 'exponential', mean: 8 } })) }],
		demand: { visitorsPerDay: 100, profile: { from: '08:00', step: 60, weights: [1, 1, 1, 1, 1, 1, 1] }, patience: null },
		counters: Array.from({ length: c }, (_, i) => ({ id: `L${i + 1}`, serves: ['a'], speed: options.speed ?? 1 })),
		policy: { order: 'fifo', serviceLevelMinutes: 15, tieBreak: 'longest-idle' },
		run: { replications: 5, seed: 7, warmupMinutes: 0 }
	});
}

/** A day of an independent log: when visitors take tickets and how long each is served. */
export interface FifoDay {
	date: string;
	weekday: DayId;
	arrivals: number[];
	durations: number[];
	services?: string[];
}

/**
 * The log of a plain FIFO queue with `c` identical counters open from `open` on, serving everyone in ticket order
 * (the free counter idle longest takes a newcomer; lowest number on a tie). Written from scratch: it shares no code
 * with the simulator, so a replay that matches it is checked against queueing, not against itself.
 */
export function fifoLog(days: FifoDay[], c: number, open = 480): LogRecord[] {
	const out: LogRecord[] = [];
	let line = 2;
	for (const day of days) {
		const free = new Array<number>(c).fill(open);
		const order = day.arrivals.map((t, i) => i).sort((i, j) => day.arrivals[i] - day.arrivals[j] || i - j);
		for (const i of order) {
			const t = day.arrivals[i];
			// The counter free first (idle longest); FIFO: each visitor in turn takes it.
			let k = 0;
			for (let j = 1; j < c; j++) if (free[j] < free[k]) k = j;
			const start = Math.max(t, free[k]);
			const end = start + day.durations[i];
			free[k] = end;
			out.push({
				line,
				date: day.date,
				weekday: day.weekday,
				visit: `${day.date}#${line}`,
				ticket: `A-${i + 1}`,
				agency: 'a',
				service: day.services?.[i] ?? 's',
				counter: `L${k + 1}`,
				issued: t,
				called: start,
				start,
				end,
				left: NaN,
				outcome: 'served',
				online: false,
				priority: false
			});
			line++;
		}
	}
	return out;
}

/** Exponential draws from a seeded uniform source. */
export function exponential(u: () => number, mean: number): number {
	return -mean * Math.log(1 - u());
}

/** A simulator leg as a log row (the project's visits.csv, read): date "r<rep>-d<day>", visit "<date>#<visitor>". */
export function legRow(l: LegRecord, line: number): LogRecord {
	const date = `r${l.replication}-d${l.day}`;
	return {
		line,
		date,
		weekday: l.dayId === 'run' ? 'mon' : l.dayId,
		visit: `${date}#${l.visitor}`,
		ticket: l.ticket,
		agency: l.agency,
		service: l.service,
		counter: l.counter,
		issued: l.outcome === 'no-show' ? l.arrival : l.ticketTime,
		called: l.call,
		start: l.start,
		end: l.end,
		left: l.outcome === 'abandoned' ? l.ticketTime + l.wait : NaN,
		outcome: l.outcome,
		online: l.channel === 'online',
		priority: l.priority
	};
}
