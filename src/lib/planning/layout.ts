/**
 * A counter layout as the sizing search sees it: how many counters each agency has to itself, plus shared
 * counters that serve several agencies. Every counter is on duty whenever the hall is open (no shifts), speed 1,
 * with the policy's default work profile; the calendar, demand and policy stay the base scenario's.
 */
import { boundedId } from '../model/boundedId';
import type { Counter, Scenario } from '../model/scenario';
import { compileScenario } from '../sim/compile';

/** Counters per agency (dedicated) and shared counters (each lists the agencies it serves). */
export interface Layout {
	dedicated: Record<string, number>;
	shared: string[][];
}

/** Total counters of a layout. */
export function totalCounters(layout: Layout): number {
	return Object.values(layout.dedicated).reduce((a, b) => a + b, 0) + layout.shared.length;
}

/** A stable text key of a layout (agencies in scenario order), for caching evaluations. */
export function layoutKey(layout: Layout, agencyOrder: readonly string[]): string {
	const d = agencyOrder.map((a) => layout.dedicated[a] ?? 0).join(',');
	const s = layout.shared.map((g) => [...g].sort().join('+')).sort().join('|');
	return `${d};${s}`;
}

/** A deep copy of a layout. */
export function copyLayout(layout: Layout): Layout {
	return { dedicated: { ...layout.dedicated }, shared: layout.shared.map((g) => [...g]) };
}

/** The base scenario with its counters replaced by the layout's (ids L01, L02, … in agency order, then shared ones). */
export function layoutScenario(base: Scenario, layout: Layout, id = boundedId(`${base.id}-sized`), name = `${base.name} (hasil sizing)`): Scenario {
	const counters: Counter[] = [];
	const nextId = () => `L${String(counters.length + 1).padStart(2, '0')}`;
	for (const a of base.agencies) {
		const n = layout.dedicated[a.id] ?? 0;
		for (let k = 1; k <= n; k++) {
			const cid = nextId();
			counters.push({ id: cid, name: `Loket ${counters.length + 1} — ${a.id}${n > 1 ? ` ${k}` : ''}`, serves: [a.id], speed: 1 });
		}
	}
	for (const group of layout.shared) {
		const cid = nextId();
		counters.push({ id: cid, name: `Loket ${counters.length + 1} — ${group.join(' + ')}`, serves: [...group], speed: 1 });
	}
	const s = structuredClone(base);
	s.id = id;
	s.name = name;
	s.counters = counters;
	return s;
}

/** Mean staffed counter-hours per simulated day (the cost side of a layout). */
export function counterHoursPerDay(scenario: Scenario): number {
	const model = compileScenario(scenario);
	let minutes = 0;
	for (const day of model.days) {
		for (const duty of day.duty) for (const [a, b] of duty) minutes += b - a;
	}
	if (model.continuous) {
		// A hall that never closes: scale its single long "day" to 24 hours.
		const length = model.days[0] ? model.days[0].close - model.days[0].open : 0;
		return length > 0 ? (minutes / 60) * (1440 / length) : 0;
	}
	return minutes / 60 / Math.max(1, model.days.length);
}
