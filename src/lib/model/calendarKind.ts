/**
 * Which kind a scenario's calendar is, without the schema: the simulator needs this at run time, and importing
 * it from scenario.ts would load zod into every worker that only runs validated scenarios.
 */
import type { Calendar, ContinuousCalendar } from './scenario';

/** True when the calendar is the never-closing hall used for queueing-theory checks. */
export function isContinuous(c: Calendar): c is ContinuousCalendar {
	return 'continuousMinutes' in c;
}
