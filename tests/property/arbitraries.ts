/** fast-check generators of valid scenarios for the invariant properties. */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/lib/model/scenario';

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const distribution = fc.oneof(
	fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 2, max: 20, noNaN: true }) }),
	fc.record({ dist: fc.constant('lognormal' as const), mean: fc.double({ min: 2, max: 20, noNaN: true }), cv: fc.double({ min: 0.1, max: 1.2, noNaN: true }) }),
	fc.record({ dist: fc.constant('gamma' as const), mean: fc.double({ min: 2, max: 20, noNaN: true }), cv: fc.double({ min: 0.2, max: 1.5, noNaN: true }) }),
	fc.record({ dist: fc.constant('fixed' as const), value: fc.integer({ min: 1, max: 15 }) }),
	fc.record({ dist: fc.constant('uniform' as const), min: fc.constant(1), max: fc.integer({ min: 2, max: 20 }) }),
	fc.record({ dist: fc.constant('triangular' as const), min: fc.constant(1), mode: fc.constant(5), max: fc.integer({ min: 6, max: 25 }) }),
	fc.record({ dist: fc.constant('empirical' as const), values: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 5 }) })
);

/** A working-day scenario with 1–3 agencies, 1–4 counters, shifts, profiles, priority, patience and online visitors. */
export const daysScenario: fc.Arbitrary<ScenarioInput> = fc
	.record({
		agencyServices: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
		weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 9, maxLength: 9 }),
		dists: fc.array(distribution, { minLength: 9, maxLength: 9 }),
		days: fc.subarray(['mon', 'tue', 'fri'] as const, { minLength: 1 }),
		fridayBreak: fc.boolean(),
		atClose: fc.constantFrom('serve-waiting' as const, 'send-home' as const),
		visitors: fc.integer({ min: 5, max: 70 }),
		profile: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 7, maxLength: 7 }),
		extra: fc.double({ min: 0, max: 0.5, noNaN: true }),
		priorityShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
		patience: fc.option(fc.record({ dist: fc.constant('exponential' as const), mean: fc.integer({ min: 5, max: 120 }) }), { nil: null }),
		online: fc.option(
			fc.record({ share: fc.double({ min: 0, max: 0.8, noNaN: true }), slotMinutes: fc.constantFrom(15, 30, 60), noShow: fc.double({ min: 0, max: 0.4, noNaN: true }) }),
			{ nil: undefined }
		),
		counters: fc.array(
			fc.record({
				servesSeed: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
				shifts: fc.constantFrom<null | Array<[number, number]>>(null, [[480, 720], [780, 900]], [[540, 840]], [[480, 600]], [[600, 900]]),
				speed: fc.constantFrom(0.8, 1, 1.5),
				profileKind: fc.constantFrom('none', 'priority-agency', 'agency-first', 'star', 'priority-only')
			}),
			{ minLength: 1, maxLength: 4 }
		),
		order: fc.constantFrom('priority-first' as const, 'fifo' as const),
		seed: fc.nat({ max: 1_000_000 })
	})
	.map((g) => {
		let si = 0;
		const agencies = g.agencyServices.map((n, ai) => ({
			id: `ag${ai}`,
			name: `Agency ${ai}`,
			ticketPrefix: 'ABC'[ai],
			services: Array.from({ length: n }, (_, j) => {
				const k = si++;
				return { id: `s${j}`, name: `S${j}`, weight: g.weights[k], serviceTime: g.dists[k] };
			})
		}));
		const entries = agencies.flatMap((a) => [a.id, ...a.services.map((s) => `${a.id}/${s.id}`)]);
		const counters = g.counters.map((c, ci) => {
			const serves = [...new Set(c.servesSeed.map((x) => entries[x % entries.length]))];
			const firstAgency = serves[0].split('/')[0];
			const profile =
				c.profileKind === 'priority-agency'
					? ['priority', firstAgency, '*']
					: c.profileKind === 'agency-first'
						? [serves[0], '*']
						: c.profileKind === 'star'
							? ['*']
							: c.profileKind === 'priority-only'
								? ['priority']
								: undefined;
			return {
				id: `L${ci + 1}`,
				serves,
				speed: c.speed,
				...(c.shifts ? { shifts: c.shifts.map(([a, b]) => [clock(a), clock(b)] as [string, string]) } : {}),
				...(profile ? { profile } : {})
			};
		});
		const profileWeights = g.profile.some((w) => w > 0) ? g.profile : [1, ...g.profile.slice(1)];
		const s: ScenarioInput = {
			version: 1,
			id: 'prop',
			name: 'property scenario',
			calendar: {
				days: [...g.days],
				hours: {
					default: { open: '08:00', lastTicket: '14:30', close: '15:00' },
					fri: { open: '08:00', lastTicket: '14:30', close: '15:30', ...(g.fridayBreak ? { breaks: [['11:30', '13:00']] as Array<[string, string]> } : {}) }
				},
				atClose: g.atClose
			},
			agencies,
			demand: {
				visitorsPerDay: g.visitors,
				dayFactors: { mon: 1.3 },
				profile: { from: '08:00', step: 60, weights: profileWeights },
				extraServiceProbability: g.extra,
				priorityShare: g.priorityShare,
				patience: g.patience,
				...(g.online ? { online: { ...g.online, punctuality: { dist: 'normal' as const, mean: -5, sd: 15 } } } : {})
			},
			counters,
			policy: { order: g.order, serviceLevelMinutes: 15, tieBreak: 'longest-idle' },
			run: { replications: 1, seed: g.seed, warmupMinutes: 0 }
		};
		return s;
	});
