/**
 * How large a scenario's numbers may be. Validation used to check only signs, so a scenario that `mpp validate`
 * called valid could hang the simulator (a patience of 10^12 minutes), crash it (10^12 visitors a day) or give
 * NaN (a cv of 10^-200). Each bound is generous for any real hall — several times the largest Indonesian MPP — and
 * small enough that every sampler and loop stays finite and quick. The JSON Schema and the editor show them too.
 */

/** One week, in minutes: no single service, patience or punctuality offset in a hall that opens daily comes near it. */
export const MAX_DURATION_MINUTES = 10_080;

/** Coefficient of variation of a lognormal or gamma duration: below 0.01 it is a fixed time, above 10 a gamma draw underflows to zero. */
export const MIN_CV = 0.01;
export const MAX_CV = 10;

/** Visitors a day: Kota Bengkulu has 400–450, the busiest city MPPs a few thousand. */
export const MAX_VISITORS_PER_DAY = 100_000;

/** Arrivals an hour in continuous mode (queueing-theory checks): ten times the busiest real hall's peak. */
export const MAX_RATE_PER_HOUR = 10_000;

/** A weekday's demand against the mean day. */
export const MAX_DAY_FACTOR = 100;

/** A profile weight: any scale is fine, but a sum of them must not overflow to Infinity. */
export const MAX_PROFILE_WEIGHT = 1e9;

/** A counter's speed against a standard one. */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 100;

/** A continuous run (and its warm-up): about 19 years of minutes; queueing-theory checks use 10^5–10^6. */
export const MAX_CONTINUOUS_MINUTES = 10_000_000;

/** Visitors a replication may expect: its demand is generated and tallied in memory (about 100 bytes a visitor). */
export const MAX_VISITORS_PER_REPLICATION = 20_000_000;

/** Days in one replication: ten years, enough to replay a long ticket log day by day. */
export const MAX_DAYS = 3_660;

/** Counts: the largest MPP has a few dozen agencies and a few hundred services and counters. */
export const MAX_AGENCIES = 500;
export const MAX_SERVICES = 5_000;
export const MAX_COUNTERS = 2_000;
/** Shifts, breaks, profile bins, serves and profile entries of one item. */
export const MAX_LIST = 1_440;
/** Values of an empirical distribution. */
export const MAX_EMPIRICAL_VALUES = 100_000;

/** An id's length: ids name output files (summary-<id>.csv), which must stay within file-name limits. */
export const MAX_ID_LENGTH = 64;
/** A name's length. */
export const MAX_NAME_LENGTH = 200;
