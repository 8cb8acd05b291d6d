// What a replication's calendar events mean (SimEvent.kind).
/** The next visitor of the day checks in (one reusable event walks them in order). */
export const VISITOR = 0;
/** A counter finishes the leg in hand (one reusable event per counter; arg: the counter). */
export const FINISH = 1;
/** A waiting leg's patience runs out (the leg's own event; ref: the leg). */
export const ABANDON = 2;
// The timetable, a few a day (arg: the counter, or the day index for START_DAY).
export const OPEN_COUNTER = 3;
export const CLOSE_COUNTER = 4;
export const CLOSE_HALL = 5;
export const START_DAY = 6;
export const MIDNIGHT = 7;
