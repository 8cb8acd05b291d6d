import { z } from 'zod';

/** A probability distribution as written in a scenario (durations in minutes). */
export const DistributionSchema = z.discriminatedUnion('dist', [
	z.object({ dist: z.literal('fixed'), value: z.number() }).strict(),
	z.object({ dist: z.literal('exponential'), mean: z.number() }).strict(),
	z.object({ dist: z.literal('lognormal'), mean: z.number(), cv: z.number() }).strict(),
	z.object({ dist: z.literal('gamma'), mean: z.number(), cv: z.number() }).strict(),
	z.object({ dist: z.literal('normal'), mean: z.number(), sd: z.number() }).strict(),
	z.object({ dist: z.literal('uniform'), min: z.number(), max: z.number() }).strict(),
	z.object({ dist: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() }).strict(),
	z.object({ dist: z.literal('empirical'), values: z.array(z.number()).min(1) }).strict()
]);

export type Distribution = z.infer<typeof DistributionSchema>;
export type DistributionKind = Distribution['dist'];
