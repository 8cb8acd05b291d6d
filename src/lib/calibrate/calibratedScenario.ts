/**
 * The calibrated scenario: the estimates put into a valid version-1 scenario, checked with parseScenario. With a
 * base scenario its id and name (marked as calibrated), policy, run settings, closing rule, hours and whatever the
 * log does not tell are kept, and the services it recognises keep its ids and names.
 */
import { formatClock, parseClock } from '../model/clock';
import type { Distribution } from '../model/distribution';
import { parseScenario } from '../model/parse';
import { isContinuous } from '../model/calendarKind';
import type { Counter, DayId, DaysCalendar, Hours, Scenario, ScenarioInput } from '../model/scenario';
import { entryExists } from '../model/serves';
import type { ScenarioParts } from './calibrationParts';
import type { ServiceTimeFit } from './serviceTimeFit';
import { countersWithoutColumn, scenarioShift } from './counterEstimate';
import { looseKey, slugId } from './logIds';
import { placeServices, type PlacedAgency } from './scenarioIds';
import { scenarioNotes } from './scenarioNotes';

/** The scenario, and how the log's keys and counters map into it. */
export interface BuiltScenario {
	scenario: Scenario;
	/** Per input service: its scenario agency and service ids and the service's name. */
	ids: Array<{ agencyKey: string; serviceKey: string; agency: string; service: string; name: string }>;
	/** Input service indices in scenario order (agency by agency). */
	order: number[];
	/** Per counter estimate: its scenario id and the scenario agencies it serves. */
	counters: Array<{ id: string; agencies: string[] }>;
}

/** Builds and validates the scenario; a scenario parseScenario rejects comes back as a message, never a throw. */
export function buildScenario(parts: ScenarioParts): { ok: true; built: BuiltScenario } | { ok: false; message: string } {
	const { base, summary } = parts;
	const prefixes = (key: string) => [...(summary.agencies.get(key)?.prefixes ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).map((x) => x[0]);
	const { agencies, at } = placeServices(parts.services, prefixes, base);
	const ids = parts.services.map((s, i) => {
		const [a, k] = at[i];
		return { agencyKey: s.agency, serviceKey: s.service, agency: agencies[a].id, service: agencies[a].services[k].id, name: agencies[a].services[k].name };
	});
	const order = parts.services.map((_, i) => i).sort((x, y) => at[x][0] - at[y][0] || at[x][1] - at[y][1]);
	const agencyJson = [];
	for (const a of agencies) {
		const services = [];
		for (const s of a.services) {
			const from = s.from.map((i) => parts.services[i]);
			// Log services merged into one base service: the fit on the most durations stands for them.
			const fit = from.map((f) => f.fit).filter((f): f is ServiceTimeFit => f !== null && f.n > 0 && Number.isFinite(f.mean)).sort((x, y) => y.n - x.n)[0] ?? null;
			const serviceTime: Distribution | undefined = fit ? fit.chosen.distribution : s.base?.serviceTime;
			if (!serviceTime) return { ok: false, message: `the log has no service durations (start and end times) for "${a.name} / ${s.name}", and no base scenario gives one` };
			services.push({ id: s.id, name: s.name, weight: sig6(from.reduce((w, f) => w + f.share, 0)), serviceTime });
		}
		agencyJson.push({ id: a.id, name: a.name, ticketPrefix: a.ticketPrefix, services });
	}
	const calendar = buildCalendar(parts);
	const counters = buildCounters(parts, agencies, ids, calendar);
	const candidate: ScenarioInput = {
		version: 1,
		id: base ? slugId(`${base.id}-kalibrasi`) : slugId(`kalibrasi-${fileStem(parts.file)}`),
		name: base ? `${base.name} (kalibrasi)` : `Kalibrasi dari ${parts.file || 'log'}`,
		notes: scenarioNotes(parts, ids, order, counters.notes),
		calendar,
		agencies: agencyJson,
		demand: buildDemand(parts),
		counters: counters.list,
		...(base ? { policy: base.policy, run: base.run } : {})
	};
	const parsed = parseScenario(candidate);
	if (!parsed.ok) return { ok: false, message: `the calibrated scenario is not valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
	return { ok: true, built: { scenario: parsed.scenario, ids, order, counters: counters.ids } };
}

/** The file's name without folders and extension, for the scenario's id. */
function fileStem(file: string): string {
	return file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'log';
}

/** Six significant digits: readable, and a tiny share never rounds to zero. */
export function sig6(x: number): number {
	return Number(x.toPrecision(6));
}

/**
 * The calendar: the weekdays the log has tickets on; hours from the base when it has a days calendar, else the
 * estimate, the most common weekday hours as the default and the others listed.
 */
function buildCalendar(parts: ScenarioParts): DaysCalendar {
	const days = parts.demand.byWeekday.map((w) => w.weekday);
	const base = parts.base && !isContinuous(parts.base.calendar) ? (parts.base.calendar as DaysCalendar) : null;
	if (base) return { days, hours: structuredClone(base.hours), atClose: base.atClose };
	const counts = new Map<string, { hours: Hours; days: number }>();
	for (const w of parts.hours) {
		const k = JSON.stringify(w.hours);
		const seen = parts.demand.byWeekday.find((x) => x.weekday === w.weekday)?.days ?? 0;
		const c = counts.get(k);
		if (c) c.days += seen;
		else counts.set(k, { hours: w.hours, days: seen });
	}
	const common = [...counts.values()].sort((a, b) => b.days - a.days)[0]?.hours ?? { open: '08:00', lastTicket: '15:00', close: '16:00' };
	const hours: DaysCalendar['hours'] = { default: common };
	for (const w of parts.hours) if (JSON.stringify(w.hours) !== JSON.stringify(common)) hours[w.weekday] = w.hours;
	return { days: days.length > 0 ? days : ['mon'], hours, atClose: 'serve-waiting' };
}

/** The demand block: the log's estimates, and where the log cannot tell, the base's values (else the format's defaults). */
function buildDemand(parts: ScenarioParts): ScenarioInput['demand'] {
	const { demand, behaviour: b, base } = parts;
	const bd = base?.demand;
	const dayFactors: Partial<Record<DayId, number>> = {};
	for (const w of demand.byWeekday) dayFactors[w.weekday] = sig6(w.factor);
	const online = b.onlineShare === null ? bd?.online : b.onlineShare > 0 ? {
		share: b.onlineShare,
		slotMinutes: bd?.online?.slotMinutes ?? 30,
		noShow: b.noShowShare ?? bd?.online?.noShow ?? 0,
		...(bd?.online?.punctuality ? { punctuality: bd.online.punctuality } : {})
	} : undefined;
	return {
		visitorsPerDay: sig6(demand.visitorsPerDay),
		dayFactors,
		profile: { from: demand.profile.from, step: demand.profile.step, weights: demand.profile.weights },
		extraServiceProbability: b.extraServiceProbability ?? bd?.extraServiceProbability ?? 0,
		priorityShare: b.priorityShare ?? bd?.priorityShare ?? 0,
		patience: b.patience,
		...(online ? { online } : {})
	};
}

/** The hall's earliest opening, latest last ticket and latest closing over the calendar's days. */
function hallSpan(cal: DaysCalendar): [number, number, number] {
	const hs = cal.days.map((d) => cal.hours[d] ?? cal.hours.default);
	const latest = (f: (h: Hours) => string) => Math.max(...hs.map((h) => parseClock(f(h))));
	return [Math.min(...hs.map((h) => parseClock(h.open))), latest((h) => h.lastTicket), latest((h) => h.close)];
}

/**
 * A counter's id and name: a base counter's when the log's name matches its id or name loosely; else the log's
 * name as id when it already is a valid, free one ("L01"), else a slug of it.
 */
function counterIdentity(name: string, taken: ReadonlySet<string>, base: Scenario | undefined): { id: string; name?: string } {
	const b = base?.counters.find((c) => !taken.has(c.id) && (looseKey(c.id) === looseKey(name) || (c.name !== undefined && looseKey(c.name) === looseKey(name))));
	if (b) return { id: b.id, ...(b.name !== undefined ? { name: b.name } : {}) };
	const id = /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) && !taken.has(name) ? name : slugId(name, taken);
	return { id, ...(id !== name ? { name } : {}) };
}

/**
 * Counters: the log's, serving the scenario agencies their log agencies became, on their median shift
 * (scenarioShift). A log with no counter column: the base's counters, with what they serve cut to what remains,
 * else per agency the peak-half-hour estimate (countersWithoutColumn), on duty whenever the hall is open.
 */
function buildCounters(
	parts: ScenarioParts,
	agencies: PlacedAgency[],
	ids: BuiltScenario['ids'],
	cal: DaysCalendar
): { list: Counter[]; ids: BuiltScenario['counters']; notes: string[] } {
	const agencyIdsOf = new Map<string, Set<string>>();
	for (const x of ids) agencyIdsOf.set(x.agencyKey, (agencyIdsOf.get(x.agencyKey) ?? new Set()).add(x.agency));
	const order = agencies.map((a) => a.id);
	const [open, lastTicket, close] = hallSpan(cal);
	const taken = new Set<string>();
	const list: Counter[] = [];
	const out: BuiltScenario['counters'] = [];
	for (const c of parts.counters) {
		const who = counterIdentity(c.name, taken, parts.base);
		taken.add(who.id);
		const serves = order.filter((a) => c.agencies.some((k) => agencyIdsOf.get(k)?.has(a)));
		out.push({ id: who.id, agencies: serves });
		const shifts = scenarioShift(c.shift, open, lastTicket, close);
		if (serves.length > 0) list.push({ ...who, serves, speed: 1, ...(shifts ? { shifts } : {}) });
	}
	if (list.length > 0) return { list, ids: out, notes: [] };
	// One object for every entry asked: entryExists indexes the agencies once per object.
	const placed = { agencies };
	const fromBase: Counter[] = [];
	for (const { profile: _dropped, ...c } of parts.base?.counters ?? []) {
		const serves = c.serves.filter((e) => entryExists(placed, e));
		if (serves.length > 0) fromBase.push({ ...c, serves });
	}
	if (parts.summary.counters.size === 0 && fromBase.length > 0) {
		return { list: fromBase, ids: out, notes: ['The log has no counter column: the base scenario’s counters are kept, serving what remains of what they served (work profiles dropped).'] };
	}
	for (const a of agencies) {
		const keys = new Set(a.services.flatMap((s) => s.from.map((i) => parts.services[i].agency)));
		const n = [...keys].reduce((sum, k) => sum + countersWithoutColumn(parts.summary, k), 0);
		for (let k = 1; k <= n; k++) {
			const id = slugId(`${a.id}-${k}`, taken);
			taken.add(id);
			list.push({ id, serves: [a.id], speed: 1 });
		}
	}
	return {
		list,
		ids: out,
		notes: [
			'No counter in the log served a ticket: per agency, counters = the ceiling of the mean number of its legs in service in the busiest half hour of a weekday (service minutes started there / (30 × that weekday’s days)), at least 1 — a lower bound; on duty whenever the hall is open.'
		]
	};
}
