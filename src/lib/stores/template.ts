/** A small, valid scenario to start a new one from: one agency, two services, two counters, weekday hours. */
export function newScenarioTemplate(name: string): Record<string, unknown> {
	return {
		version: 1,
		id: 'skenario-baru',
		name,
		notes: 'Skenario baru: semua angka adalah contoh. Ganti dengan data setempat. / A new scenario: every number is an example; replace it with local data.',
		calendar: {
			days: ['mon', 'tue', 'wed', 'thu', 'fri'],
			hours: { default: { open: '08:00', lastTicket: '14:30', close: '15:00' } },
			atClose: 'serve-waiting'
		},
		agencies: [
			{
				id: 'dukcapil',
				name: 'Dinas Kependudukan dan Pencatatan Sipil',
				ticketPrefix: 'A',
				services: [
					{ id: 'ktp-el', name: 'KTP-el', weight: 6, serviceTime: { dist: 'lognormal', mean: 9, cv: 0.5 } },
					{ id: 'kk', name: 'Kartu Keluarga', weight: 4, serviceTime: { dist: 'lognormal', mean: 10, cv: 0.6 } }
				]
			}
		],
		demand: {
			visitorsPerDay: 80,
			profile: { from: '08:00', step: 60, weights: [8, 12, 12, 9, 7, 5, 3] },
			priorityShare: 0.08,
			patience: { dist: 'exponential', mean: 120 }
		},
		counters: [
			{ id: 'L01', name: 'Loket 1', serves: ['dukcapil'], speed: 1 },
			{ id: 'L02', name: 'Loket 2', serves: ['dukcapil'], speed: 1 }
		],
		policy: { order: 'priority-first', serviceLevelMinutes: 15, tieBreak: 'longest-idle' },
		run: { replications: 30, seed: 1, warmupMinutes: 0 }
	};
}
