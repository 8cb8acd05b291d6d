/** Colours of the compared scenarios A–D (Okabe–Ito: distinguishable with colour-blindness, readable on white). */
export const SCENARIO_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;
/**
 * The text colour on each of them (the tags A–D): white on the blue (5.2:1), black on the lighter three, where
 * white reached only 3.1–3.9:1 and WCAG AA asks 4.5:1 of small text (black gives 5.4–6.8:1).
 */
export const SCENARIO_INK = ['#ffffff', '#000000', '#000000', '#000000'] as const;

/** "A", "B", … for scenario k. */
export function scenarioLabel(k: number): string {
	return String.fromCharCode(65 + k);
}
