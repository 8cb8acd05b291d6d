import { z } from 'zod';
import { CLOCK_PATTERN } from './clock';
import { DistributionSchema } from './distribution';

/** Scenario format version this code writes; version 1 files stay valid. */
export const SCENARIO_VERSION = 1 as const;

export const DAY_IDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DaySchema = z.enum(DAY_IDS);
export type DayId = z.infer<typeof DaySchema>;

// No /i flag: JSON Schema patterns have no flags, so the published schema would reject upper-case ids.
const Id = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id uses letters, digits, "-" and "_" and starts with a letter or digit');
const Clock = z.string().regex(CLOCK_PATTERN, 'a time of day is written "HH:MM" (00:00–24:00)');
const Interval = z.tuple([Clock, Clock]);
const Share = z.number().min(0).max(1);

export const HoursSchema = z
	.object({
		open: Clock,
		lastTicket: Clock,
		close: Clock,
		/** Intervals when counters without explicit shifts pause and no tickets are issued (e.g. Friday prayers). */
		breaks: z.array(Interval).optional()
	})
	.strict();
export type Hours = z.infer<typeof HoursSchema>;

export const DaysCalendarSchema = z
	.object({
		days: z.array(DaySchema).min(1),
		hours: z
			.object({
				default: HoursSchema,
				mon: HoursSchema.optional(),
				tue: HoursSchema.optional(),
				wed: HoursSchema.optional(),
				thu: HoursSchema.optional(),
				fri: HoursSchema.optional(),
				sat: HoursSchema.optional(),
				sun: HoursSchema.optional()
			})
			.strict(),
		atClose: z.enum(['serve-waiting', 'send-home']).default('serve-waiting')
	})
	.strict();
export type DaysCalendar = z.infer<typeof DaysCalendarSchema>;

/** A hall that never closes: for validation against steady-state queueing theory. */
export const ContinuousCalendarSchema = z.object({ continuousMinutes: z.number().positive() }).strict();
export type ContinuousCalendar = z.infer<typeof ContinuousCalendarSchema>;

export const CalendarSchema = z.union([DaysCalendarSchema, ContinuousCalendarSchema]);
export type Calendar = z.infer<typeof CalendarSchema>;

export const ServiceSchema = z
	.object({
		id: Id,
		name: z.string().min(1),
		weight: z.number().min(0),
		serviceTime: DistributionSchema
	})
	.strict();
export type Service = z.infer<typeof ServiceSchema>;

export const AgencySchema = z
	.object({
		id: Id,
		name: z.string().min(1),
		ticketPrefix: z.string().regex(/^[A-Z]{1,3}$/, 'a ticket prefix is 1–3 capital letters'),
		services: z.array(ServiceSchema).min(1)
	})
	.strict();
export type Agency = z.infer<typeof AgencySchema>;

export const ProfileSchema = z
	.object({
		from: Clock,
		step: z.number().int().positive(),
		weights: z.array(z.number().min(0)).min(1)
	})
	.strict();
export type ArrivalProfile = z.infer<typeof ProfileSchema>;

export const OnlineSchema = z
	.object({
		share: Share,
		slotMinutes: z.number().positive(),
		noShow: Share,
		/** Minutes after the slot start that the visitor arrives (negative: early). */
		punctuality: DistributionSchema.optional()
	})
	.strict();
export type Online = z.infer<typeof OnlineSchema>;

export const DemandSchema = z
	.object({
		visitorsPerDay: z.number().optional(),
		ratePerHour: z.number().optional(),
		dayFactors: z.partialRecord(DaySchema, z.number().min(0)).optional(),
		profile: ProfileSchema.optional(),
		extraServiceProbability: z.number().min(0).max(0.95).default(0),
		priorityShare: Share.default(0),
		patience: DistributionSchema.nullable().default(null),
		online: OnlineSchema.optional()
	})
	.strict();
export type Demand = z.infer<typeof DemandSchema>;

export const CounterSchema = z
	.object({
		id: Id,
		name: z.string().optional(),
		/** Agency ids or "agency/service" ids. */
		serves: z.array(z.string()).min(1),
		shifts: z.array(Interval).optional(),
		speed: z.number().positive().default(1),
		/** The order this counter calls queues: "priority", agency ids, "agency/service" ids, "*". */
		profile: z.array(z.string()).min(1).optional()
	})
	.strict();
export type Counter = z.infer<typeof CounterSchema>;

export const PolicySchema = z
	.object({
		order: z.enum(['priority-first', 'fifo']).default('priority-first'),
		serviceLevelMinutes: z.number().positive().default(15),
		tieBreak: z.enum(['longest-idle']).default('longest-idle')
	})
	.strict();
export type Policy = z.infer<typeof PolicySchema>;

export const RunSchema = z
	.object({
		replications: z.number().int().min(1).max(100_000).default(30),
		seed: z.number().int().min(0).max(2 ** 53 - 1).default(1),
		warmupMinutes: z.number().min(0).default(0)
	})
	.strict();
export type RunSettings = z.infer<typeof RunSchema>;

/** A scenario file, format version 1 (DESIGN.md §3). */
export const ScenarioSchema = z
	.object({
		$schema: z.string().optional(),
		version: z.literal(SCENARIO_VERSION),
		id: Id,
		name: z.string().min(1),
		notes: z.string().optional(),
		calendar: CalendarSchema,
		agencies: z.array(AgencySchema).min(1),
		demand: DemandSchema,
		counters: z.array(CounterSchema).min(1),
		policy: PolicySchema.default({ order: 'priority-first', serviceLevelMinutes: 15, tieBreak: 'longest-idle' }),
		run: RunSchema.default({ replications: 30, seed: 1, warmupMinutes: 0 })
	})
	.strict();

/** A validated scenario with defaults filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
