import { z } from 'zod';
import { MAX_CV, MAX_DURATION_MINUTES, MAX_EMPIRICAL_VALUES, MIN_CV } from './limits';

const WEEK = `${MAX_DURATION_MINUTES} minutes (a week)`;

/** The distribution union with `too big` worded for where it is used (a service time, a patience, an offset). */
function distributionSchema(tooLong: string) {
	const minutes = z.number().min(-MAX_DURATION_MINUTES, `must be at least −${WEEK}`).max(MAX_DURATION_MINUTES, tooLong);
	const cv = z.number().min(MIN_CV, `must be at least ${MIN_CV} (below that, use a fixed time)`).max(MAX_CV, `must be at most ${MAX_CV}`);
	return z.discriminatedUnion('dist', [
		z.object({ dist: z.literal('fixed'), value: minutes }).strict(),
		z.object({ dist: z.literal('exponential'), mean: minutes }).strict(),
		z.object({ dist: z.literal('lognormal'), mean: minutes, cv }).strict(),
		z.object({ dist: z.literal('gamma'), mean: minutes, cv }).strict(),
		z.object({ dist: z.literal('normal'), mean: minutes, sd: minutes }).strict(),
		z.object({ dist: z.literal('uniform'), min: minutes, max: minutes }).strict(),
		z.object({ dist: z.literal('triangular'), min: minutes, mode: minutes, max: minutes }).strict(),
		z.object({ dist: z.literal('empirical'), values: z.array(minutes).min(1).max(MAX_EMPIRICAL_VALUES) }).strict()
	]);
}

/** A probability distribution as written in a scenario (durations in minutes, each within a week either way). */
export const DistributionSchema = distributionSchema(`must be at most ${WEEK}`);

/** A patience distribution: the same, but a huge value is most likely meant as "never leaves", which is null. */
export const PatienceSchema = distributionSchema(`must be at most ${WEEK}; to say that nobody leaves the queue, set demand.patience to null`);

export type Distribution = z.infer<typeof DistributionSchema>;
export type DistributionKind = Distribution['dist'];
