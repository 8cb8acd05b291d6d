/** Colours of the compared scenarios A–D (Okabe–Ito: distinguishable with colour-blindness, readable on white). */
export const SCENARIO_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;

/** "A", "B", … for scenario k. */
export function scenarioLabel(k: number): string {
	return String.fromCharCode(65 + k);
}
