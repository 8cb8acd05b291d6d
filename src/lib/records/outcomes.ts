/**
 * The outcome codes, each defined here once: how one leg of a visit ended (LegRecord.outcome, as the CSVs spell
 * it), and as bits how all the legs of a visitor ended (the tally keeps one byte of them per visitor and the
 * replication summary counts visitors by them).
 */

/** How a ticket (one visit leg) ended. */
export type Outcome = 'served' | 'abandoned' | 'no-show' | 'not-served';

// A visitor's bits, set as its legs are tallied.
/** A leg of the visitor was tallied. */
export const SEEN = 1;
/** A leg counts in statistics (its ticket joined after the warm-up). */
export const MEASURED = 2;
/** The visitor came in: a leg ended other than 'no-show'. */
export const CAME = 4;
/** A leg ended 'no-show': booked online, never came. */
export const NO_SHOW = 8;
/** A leg ended without service ('abandoned' or 'not-served'). */
export const UNSERVED = 16;
/** A leg ended 'abandoned'. */
export const ABANDONED = 32;
/** A leg ended 'not-served' (sent home at close). */
export const NOT_SERVED = 64;
