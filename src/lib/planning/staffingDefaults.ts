/**
 * The staff figure's two settings, their defaults, bounds and sources. A file without imports, so the CLI's entry
 * can name them in its help without loading the simulator.
 */

/**
 * Default working week, hours: Indonesian civil servants (ASN) work 37.5 hours a week, rest times excluded
 * (Peraturan Presiden 21/2023 on the working days and hours of government agencies and ASN).
 */
export const DEFAULT_WORK_WEEK_HOURS = 37.5;

/**
 * Default monthly cost of one staff member, rupiah. An ASSUMPTION, not a figure from a regulation: a round number
 * for a regency civil servant's monthly pay with allowances; base pay and the regency's own allowances vary by
 * grade and regency, so the user should set their own.
 */
export const DEFAULT_MONTHLY_SALARY = 4_500_000;

/** Bounds of the working week, hours: any real one (a week has 168). */
export const WORK_WEEK_BOUNDS = { min: 1, max: 168 } as const;
/** Bounds of the monthly salary, rupiah: up to a billion, far above any officer's. */
export const SALARY_BOUNDS = { min: 0, max: 1_000_000_000 } as const;

/** Where the default working week comes from (English; the app says it in its own words). */
export const WORK_WEEK_SOURCE = 'Perpres 21/2023: ASN work 37.5 hours a week';
/** Where the default salary comes from: nowhere, it is an assumption. */
export const SALARY_SOURCE = 'an assumption, not from a regulation: set your regency\'s figure';


/**
 * Default people per waiting visitor (the visitor and whoever comes with them). An ASSUMPTION, not a measured
 * figure: one visitor in two brings someone (a parent with a child's papers, a spouse for a marriage record).
 * The user should set their own from a count in their hall.
 */
export const DEFAULT_COMPANIONS_FACTOR = 1.5;
/** Bounds of the companions factor: at least the visitor alone, at most a family of ten each. */
export const COMPANIONS_BOUNDS = { min: 1, max: 10 } as const;
/** Where the default companions factor comes from: nowhere, it is an assumption. */
export const COMPANIONS_SOURCE = 'an assumption, not measured: count people per waiting visitor in your hall';
