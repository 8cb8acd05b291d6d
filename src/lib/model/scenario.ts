import { z } from 'zod';
import { CLOCK_PATTERN } from './clock';
import { DistributionSchema, PatienceSchema } from './distribution';
import * as L from './limits';

/** Scenario format version this code writes; version 1 files stay valid. */
export const SCENARIO_VERSION = 1 as const;

export const DAY_IDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DaySchema = z.enum(DAY_IDS);
export type DayId = z.infer<typeof DaySchema>;

// No /i flag: JSON Schema patterns have no flags, so the published schema would reject upper-case ids.
const Id = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id uses letters, digits, "-" and "_" and starts with a letter or digit')
	.max(L.MAX_ID_LENGTH, `an id has at most ${L.MAX_ID_LENGTH} characters (ids name output files)`);
const Name = z.string().min(1).max(L.MAX_NAME_LENGTH);
/** A count of minutes within the limits of limits.ts, worded with what it is. */
const minutesUpTo = (max: number, what: string) => z.number().max(max, `must be at most ${max} minutes (${what})`);
const Clock = z.string().regex(CLOCK_PATTERN, 'a time of day is written "HH:MM" (00:00–24:00)');
const Interval = z.tuple([Clock, Clock]);
const Share = z.number().min(0).max(1);

export const HoursSchema = z
	.object({
		open: Clock,
		lastTicket: Clock,
		close: Clock,
		/** Intervals when counters without explicit shifts pause and no tickets are issued (e.g. Friday prayers). */
		breaks: z.array(Interval).max(L.MAX_LIST).optional()
	})
	.strict();
export type Hours = z.infer<typeof HoursSchema>;

export const DaysCalendarSchema = z
	.object({
		days: z.array(DaySchema).min(1).max(L.MAX_DAYS),
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
export const ContinuousCalendarSchema = z
	.object({ continuousMinutes: minutesUpTo(L.MAX_CONTINUOUS_MINUTES, 'about 19 years').positive() })
	.strict();
export type ContinuousCalendar = z.infer<typeof ContinuousCalendarSchema>;

export const CalendarSchema = z.union([DaysCalendarSchema, ContinuousCalendarSchema]);
export type Calendar = z.infer<typeof CalendarSchema>;

export const ServiceSchema = z
	.object({
		id: Id,
		name: Name,
		weight: z.number().min(0).max(1e9),
		serviceTime: DistributionSchema
	})
	.strict();
export type Service = z.infer<typeof ServiceSchema>;

export const AgencySchema = z
	.object({
		id: Id,
		name: Name,
		ticketPrefix: z.string().regex(/^[A-Z]{1,3}$/, 'a ticket prefix is 1–3 capital letters'),
		services: z.array(ServiceSchema).min(1).max(L.MAX_SERVICES)
	})
	.strict();
export type Agency = z.infer<typeof AgencySchema>;

export const ProfileSchema = z
	.object({
		from: Clock,
		step: z.number().int().positive().max(1440, 'must be at most 1440 minutes (a day)'),
		weights: z.array(z.number().min(0).max(L.MAX_PROFILE_WEIGHT)).min(1).max(L.MAX_LIST)
	})
	.strict();
export type ArrivalProfile = z.infer<typeof ProfileSchema>;

export const OnlineSchema = z
	.object({
		share: Share,
		slotMinutes: z.number().positive().max(1440, 'must be at most 1440 minutes (a day)'),
		noShow: Share,
		/** Minutes after the slot start that the visitor arrives (negative: early). */
		punctuality: DistributionSchema.optional()
	})
	.strict();
export type Online = z.infer<typeof OnlineSchema>;

const DayFactor = z.number().min(0).max(L.MAX_DAY_FACTOR, `must be at most ${L.MAX_DAY_FACTOR}`);
const DayFactorsSchema = z
	.object({ mon: DayFactor, tue: DayFactor, wed: DayFactor, thu: DayFactor, fri: DayFactor, sat: DayFactor, sun: DayFactor })
	.partial()
	.strict();

export const DemandSchema = z
	.object({
		visitorsPerDay: z.number().max(L.MAX_VISITORS_PER_DAY, `must be at most ${L.MAX_VISITORS_PER_DAY} (a day's visitors in the busiest hall are a few thousand)`).optional(),
		ratePerHour: z.number().max(L.MAX_RATE_PER_HOUR, `must be at most ${L.MAX_RATE_PER_HOUR} arrivals an hour`).optional(),
		// An object of the seven days, not a record: a record let "__proto__" through while refusing any other unknown key.
		dayFactors: DayFactorsSchema.optional(),
		profile: ProfileSchema.optional(),
		extraServiceProbability: z.number().min(0).max(0.95).default(0),
		priorityShare: Share.default(0),
		patience: PatienceSchema.nullable().default(null),
		online: OnlineSchema.optional()
	})
	.strict();
export type Demand = z.infer<typeof DemandSchema>;

export const CounterSchema = z
	.object({
		id: Id,
		name: z.string().max(L.MAX_NAME_LENGTH).optional(),
		/** Agency ids or "agency/service" ids. */
		serves: z.array(z.string()).min(1).max(L.MAX_LIST),
		shifts: z.array(Interval).max(L.MAX_LIST).optional(),
		speed: z.number().min(L.MIN_SPEED, `must be at least ${L.MIN_SPEED}`).max(L.MAX_SPEED, `must be at most ${L.MAX_SPEED}`).default(1),
		/** The order this counter calls queues: "priority", agency ids, "agency/service" ids, "*". */
		profile: z.array(z.string()).min(1).max(L.MAX_LIST).optional()
	})
	.strict();
export type Counter = z.infer<typeof CounterSchema>;

export const PolicySchema = z
	.object({
		order: z.enum(['priority-first', 'fifo']).default('priority-first'),
		serviceLevelMinutes: z.number().positive().max(1440, 'must be at most 1440 minutes (a day)').default(15),
		tieBreak: z.enum(['longest-idle']).default('longest-idle')
	})
	.strict();
export type Policy = z.infer<typeof PolicySchema>;

export const RunSchema = z
	.object({
		replications: z.number().int().min(1).max(100_000).default(30),
		seed: z.number().int().min(0).max(2 ** 53 - 1).default(1),
		warmupMinutes: minutesUpTo(L.MAX_CONTINUOUS_MINUTES, 'about 19 years').min(0).default(0)
	})
	.strict();
export type RunSettings = z.infer<typeof RunSchema>;

/** A scenario file, format version 1 (DESIGN.md §3). */
export const ScenarioSchema = z
	.object({
		$schema: z.string().optional(),
		version: z.literal(SCENARIO_VERSION),
		id: Id,
		name: Name,
		notes: z.string().optional(),
		calendar: CalendarSchema,
		agencies: z.array(AgencySchema).min(1).max(L.MAX_AGENCIES),
		demand: DemandSchema,
		counters: z.array(CounterSchema).min(1).max(L.MAX_COUNTERS),
		policy: PolicySchema.default({ order: 'priority-first', serviceLevelMinutes: 15, tieBreak: 'longest-idle' }),
		run: RunSchema.default({ replications: 30, seed: 1, warmupMinutes: 0 })
	})
	.strict();

/** A validated scenario with defaults filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
