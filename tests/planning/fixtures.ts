/** Small, fast halls for the planning tests: one morning, a few agencies, exponential patience. */
import type { ScenarioInput } from '../../src/lib/model/scenario';

/** Options of `morningHall`. */
export interface MorningOptions {
	visitorsPerDay?: number;
	/** Counters dedicated to each agency (default 2 Dukcapil, 1 each for the others). */
	counters?: Partial<Record<'dukcapil' | 'bapenda' | 'pln', number>>;
	patienceMean?: number | null;
	/** Tiny agencies added after the three (one counter each, weight 0.5 each): candidates for shared counters. */
	tinyAgencies?: number;
}

/**
 * One Monday morning, 08:00–12:00 (last ticket 11:30), flat arrivals, walk-ins only, no priority class and no
 * further services: three agencies of different size. Small enough that a replication takes about a millisecond.
 */
export function morningHall(o: MorningOptions = {}): ScenarioInput {
	const n = { dukcapil: 2, bapenda: 1, pln: 1, ...o.counters };
	const counters: Array<{ id: string; name: string; serves: string[] }> = (['dukcapil', 'bapenda', 'pln'] as const).flatMap((a) =>
		Array.from({ length: n[a] }, (_, k) => ({ id: `${a}-${k + 1}`, name: `Loket ${a} ${k + 1}`, serves: [a] }))
	);
	const tiny = Array.from({ length: o.tinyAgencies ?? 0 }, (_, i) => ({
		id: `kecil${i + 1}`,
		name: `Instansi kecil ${i + 1}`,
		ticketPrefix: `K${String.fromCharCode(65 + i)}`,
		services: [{ id: 'layanan', name: 'Layanan', weight: 0.5, serviceTime: { dist: 'exponential' as const, mean: 5 } }]
	}));
	for (const a of tiny) counters.push({ id: `${a.id}-1`, name: `Loket ${a.id}`, serves: [a.id] });
	return {
		version: 1,
		id: 'pagi',
		name: 'MPP pagi (uji)',
		notes: 'Test fixture; all numbers are assumptions.',
		calendar: { days: ['mon'], hours: { default: { open: '08:00', lastTicket: '11:30', close: '12:00' } }, atClose: 'serve-waiting' },
		agencies: [
			{
				id: 'dukcapil',
				name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Bengkulu',
				ticketPrefix: 'A',
				services: [
					{ id: 'ktp', name: 'KTP-el', weight: 4, serviceTime: { dist: 'lognormal', mean: 8, cv: 0.5 } },
					{ id: 'kk', name: 'Kartu Keluarga', weight: 2, serviceTime: { dist: 'triangular', min: 4, mode: 7, max: 14 } }
				]
			},
			{ id: 'bapenda', name: 'Badan Pendapatan Daerah', ticketPrefix: 'B', services: [{ id: 'pbb', name: 'PBB', weight: 2, serviceTime: { dist: 'exponential', mean: 6 } }] },
			{ id: 'pln', name: 'PLN', ticketPrefix: 'C', services: [{ id: 'pasang', name: 'Pasang baru', weight: 1, serviceTime: { dist: 'gamma', mean: 10, cv: 0.5 } }] },
			...tiny
		],
		demand: {
			visitorsPerDay: o.visitorsPerDay ?? 90,
			profile: { from: '08:00', step: 30, weights: [1, 1, 1, 1, 1, 1, 1] },
			extraServiceProbability: 0,
			priorityShare: 0,
			patience: o.patienceMean === null ? null : { dist: 'exponential', mean: o.patienceMean ?? 60 }
		},
		counters,
		policy: { order: 'fifo', serviceLevelMinutes: 15, tieBreak: 'longest-idle' },
		run: { replications: 10, seed: 4242, warmupMinutes: 0 }
	};
}
