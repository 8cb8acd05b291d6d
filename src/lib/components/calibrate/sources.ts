/**
 * The three sources a validation compares, drawn alike in every chart: observed (the log), replayed (the log's
 * arrivals through the scenario's layout) and modelled (the scenario's stochastic model). Okabe–Ito colours,
 * told apart by dash pattern too, so the charts read without colour.
 */
export const SOURCES = ['observed', 'replay', 'model'] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_STYLE: Record<Source, { color: string; dash: string; width: number }> = {
	observed: { color: '#111827', dash: '', width: 2.5 },
	replay: { color: '#0072B2', dash: '7 4', width: 2 },
	model: { color: '#D55E00', dash: '2 3', width: 2.5 }
};
