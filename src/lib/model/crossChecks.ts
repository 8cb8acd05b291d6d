/** Checks that need more than one field at a time (ids, references, clock order, distribution parameters). */
import { formatClock, parseClock } from './clock';
import type { Distribution } from './distribution';
import { scenarioError, type PathSegments, type ScenarioError } from './errors';
import { isContinuous } from './calendarKind';
import { DAY_IDS, type DayId, type DaysCalendar, type Hours, type Scenario } from './scenario';
import { MAX_SERVICES, MAX_VISITORS_PER_REPLICATION } from './limits';
import { entryExists, resolveServes, serviceKey, splitEntry, type ServiceRef } from './serves';

/** What the cross-checks found: errors make the scenario unusable, warnings are worth a look. */
export interface CrossCheckResult {
	errors: ScenarioError[];
	warnings: ScenarioError[];
}

/** Profile entries with a fixed meaning; an agency may not take these ids or its profile entry would be ambiguous. */
const RESERVED_PROFILE_ENTRIES = new Set(['priority', '*']);

/** Runs every cross-field check on a scenario whose shape zod has already accepted. */
export function crossCheck(s: Scenario): CrossCheckResult {
	const r: CrossCheckResult = { errors: [], warnings: [] };
	checkIds(s, r);
	checkCounters(s, r);
	checkWeights(s, r);
	checkCoverage(s, r);
	if (isContinuous(s.calendar)) checkContinuous(s, s.calendar.continuousMinutes, r);
	else checkDays(s, s.calendar, r);
	checkDistributions(s, r);
	checkSize(s, r);
	return r;
}

/**
 * What a replication must hold: a count of services the engine's tables are built for, and the visitors it
 * expects (each generated and tallied in memory). Bounds on single fields cannot see these products.
 */
function checkSize(s: Scenario, r: CrossCheckResult): void {
	const services = s.agencies.reduce((n, a) => n + a.services.length, 0);
	if (services > MAX_SERVICES) err(r, ['agencies'], `${services} services in all: at most ${MAX_SERVICES}`);
	const cal = s.calendar;
	const d = s.demand;
	const expected = isContinuous(cal)
		? ((d.ratePerHour ?? 0) * cal.continuousMinutes) / 60
		: (d.visitorsPerDay ?? 0) * cal.days.reduce((sum, day) => sum + (d.dayFactors?.[day] ?? 1), 0);
	if (expected > MAX_VISITORS_PER_REPLICATION) {
		const field = isContinuous(cal) ? 'ratePerHour' : 'visitorsPerDay';
		err(r, ['demand', field], `a replication would expect ${Math.round(expected).toLocaleString('en')} visitors, more than the ${MAX_VISITORS_PER_REPLICATION.toLocaleString('en')} one can hold: shorten the run or lower the demand`);
	}
}

function err(r: CrossCheckResult, path: PathSegments, message: string): void {
	r.errors.push(scenarioError(path, message));
}

function warn(r: CrossCheckResult, path: PathSegments, message: string): void {
	r.warnings.push(scenarioError(path, message));
}

/** Reports every later occurrence of a key, naming where it first appeared. */
function duplicates<T>(items: readonly T[], key: (t: T) => string, report: (index: number, first: number, k: string) => void): void {
	const first = new Map<string, number>();
	items.forEach((item, i) => {
		const k = key(item);
		const f = first.get(k);
		if (f === undefined) first.set(k, i);
		else report(i, f, k);
	});
}

function checkIds(s: Scenario, r: CrossCheckResult): void {
	duplicates(s.agencies, (a) => a.id, (i, f, k) => err(r, ['agencies', i, 'id'], `duplicate agency id "${k}" (also agencies[${f}])`));
	duplicates(s.agencies, (a) => a.ticketPrefix, (i, f, k) =>
		err(r, ['agencies', i, 'ticketPrefix'], `duplicate ticket prefix "${k}" (also agencies[${f}]): ticket numbers would clash`)
	);
	s.agencies.forEach((a, i) => {
		if (RESERVED_PROFILE_ENTRIES.has(a.id)) err(r, ['agencies', i, 'id'], `"${a.id}" is reserved: it means the priority class in work profiles`);
		duplicates(a.services, (x) => x.id, (j, f, k) =>
			err(r, ['agencies', i, 'services', j, 'id'], `duplicate service id "${k}" in agency "${a.id}" (also services[${f}])`)
		);
	});
	duplicates(s.counters, (c) => c.id, (i, f, k) => err(r, ['counters', i, 'id'], `duplicate counter id "${k}" (also counters[${f}])`));
}

function checkCounters(s: Scenario, r: CrossCheckResult): void {
	s.counters.forEach((c, i) => {
		c.serves.forEach((entry, j) => {
			if (!entryExists(s, entry)) err(r, ['counters', i, 'serves', j], `no agency or service "${entry}"`);
		});
		if (!c.profile) return;
		const served = resolveServes(s, c);
		c.profile.forEach((entry, j) => {
			if (RESERVED_PROFILE_ENTRIES.has(entry)) return;
			const path = ['counters', i, 'profile', j];
			if (!entryExists(s, entry)) return err(r, path, `no agency or service "${entry}"`);
			if (!served.some((p) => profileEntryCovers(entry, p))) {
				err(r, path, `counter "${c.id}" does not serve "${entry}" (it serves ${c.serves.map((x) => `"${x}"`).join(', ')})`);
			}
		});
	});
}

/** True when a work-profile entry (other than "priority") makes a counter call tickets for this pair. */
function profileEntryCovers(entry: string, p: ServiceRef): boolean {
	if (entry === '*') return true;
	const { agency, service } = splitEntry(entry);
	return agency === p.agency && (service === undefined || service === p.service);
}

function checkWeights(s: Scenario, r: CrossCheckResult): void {
	// An agency whose weights are all zero draws no visitors; since every agency has a service, this also
	// guarantees the total weight across agencies is positive.
	s.agencies.forEach((a, i) => {
		if (a.services.every((x) => x.weight === 0)) err(r, ['agencies', i, 'services'], `all service weights of agency "${a.id}" are zero: no visitor would come for it`);
	});
}

/** Warns about services whose regular tickets no counter would ever call: they would wait until close or until visitors give up. */
function checkCoverage(s: Scenario, r: CrossCheckResult): void {
	const servedBy = new Map<string, string[]>();
	const calledBy = new Set<string>();
	for (const c of s.counters) {
		for (const p of resolveServes(s, c)) {
			const k = serviceKey(p.agency, p.service);
			const list = servedBy.get(k);
			if (list) list.push(c.id);
			else servedBy.set(k, [c.id]);
			// Without a profile a counter calls everything it serves ("*" is in both default profiles).
			if (!c.profile || c.profile.some((e) => profileEntryCovers(e, p))) calledBy.add(k);
		}
	}
	s.agencies.forEach((a, i) =>
		a.services.forEach((x, j) => {
			const k = serviceKey(a.id, x.id);
			const counters = servedBy.get(k);
			if (!counters) warn(r, ['agencies', i, 'services', j], `no counter serves "${k}": its tickets would wait until close or until visitors give up`);
			else if (!calledBy.has(k)) {
				warn(r, ['agencies', i, 'services', j], `counters ${counters.join(', ')} serve "${k}" but their work profiles only call its priority tickets`);
			}
		})
	);
}

function checkContinuous(s: Scenario, minutes: number, r: CrossCheckResult): void {
	const d = s.demand;
	const why = 'not allowed with calendar.continuousMinutes';
	if (d.ratePerHour === undefined) err(r, ['demand', 'ratePerHour'], 'required with calendar.continuousMinutes');
	else if (!(d.ratePerHour > 0)) err(r, ['demand', 'ratePerHour'], 'the arrival rate must be positive');
	if (d.visitorsPerDay !== undefined) err(r, ['demand', 'visitorsPerDay'], `${why} (use demand.ratePerHour)`);
	if (d.profile !== undefined) err(r, ['demand', 'profile'], `${why}: the arrival rate is constant`);
	if (d.dayFactors !== undefined) err(r, ['demand', 'dayFactors'], `${why}: there are no days`);
	if (d.online !== undefined) err(r, ['demand', 'online'], `${why}: there are no opening hours to book slots in`);
	s.counters.forEach((c, i) => {
		if (c.shifts !== undefined) err(r, ['counters', i, 'shifts'], `${why}: counters are always on duty`);
	});
	if (s.run.warmupMinutes >= minutes) {
		err(r, ['run', 'warmupMinutes'], `the warm-up (${s.run.warmupMinutes} min) must be shorter than the run (calendar.continuousMinutes ${minutes})`);
	}
}

interface Span {
	start: number;
	end: number;
}

function span(pair: readonly [string, string]): Span {
	return { start: parseClock(pair[0]), end: parseClock(pair[1]) };
}

function showSpan(x: Span): string {
	return `${formatClock(x.start)}–${formatClock(x.end)}`;
}

/**
 * Checks a list of intervals (breaks or shifts): each ends after it starts, none overlaps another (touching
 * is fine), and each lies inside [lo, hi]. `outside` words the message for an interval that does not.
 */
function checkIntervals(
	r: CrossCheckResult,
	base: PathSegments,
	noun: string,
	pairs: ReadonlyArray<readonly [string, string]>,
	outside: (x: Span) => string | undefined
): void {
	const spans = pairs.map(span);
	spans.forEach((x, k) => {
		const path = [...base, k];
		if (x.start >= x.end) return err(r, path, `${noun} ${pairs[k][0]}–${pairs[k][1]} must end after it starts`);
		const o = outside(x);
		if (o) return err(r, path, o);
		for (let m = 0; m < k; m++) {
			const y = spans[m];
			if (y.start < y.end && x.start < y.end && y.start < x.end) return err(r, path, `${noun} ${showSpan(x)} overlaps ${noun} ${showSpan(y)} ([${m}])`);
		}
	});
}

/** Hours of each simulated day, in calendar order (a day without its own entry uses "default"). */
function simulatedHours(cal: DaysCalendar): Array<{ day: DayId; hours: Hours }> {
	return cal.days.map((day) => ({ day, hours: cal.hours[day] ?? cal.hours.default }));
}

function checkDays(s: Scenario, cal: DaysCalendar, r: CrossCheckResult): void {
	for (const key of ['default', ...DAY_IDS] as const) {
		const h = cal.hours[key];
		if (h) checkHours(h, ['calendar', 'hours', key], r);
	}
	const days = simulatedHours(cal);
	const open = Math.min(...days.map((d) => parseClock(d.hours.open)));
	const close = Math.max(...days.map((d) => parseClock(d.hours.close)));
	s.counters.forEach((c, i) => {
		if (!c.shifts) return;
		checkIntervals(r, ['counters', i, 'shifts'], 'shift', c.shifts, (x) => {
			if (x.start < open) return `shift ${showSpan(x)} starts before the hall opens (${formatClock(open)})`;
			if (x.end > close) return `shift ${showSpan(x)} ends after the hall closes (${formatClock(close)})`;
			return undefined;
		});
	});
	checkDaysDemand(s, days, r);
	// Day d of a replication spans [d × 1440, d × 1440 + close): a warm-up past the last close measures nothing.
	const end = (days.length - 1) * 1440 + parseClock(days[days.length - 1].hours.close);
	if (s.run.warmupMinutes >= end) {
		err(r, ['run', 'warmupMinutes'], `the warm-up (${s.run.warmupMinutes} min) outlasts every simulated day (the last closes at minute ${end} of the replication): nothing would be measured`);
	}
}

function checkHours(h: Hours, path: PathSegments, r: CrossCheckResult): void {
	const open = parseClock(h.open);
	const last = parseClock(h.lastTicket);
	const close = parseClock(h.close);
	if (last <= open) err(r, [...path, 'lastTicket'], `the last ticket (${h.lastTicket}) must be after opening (${h.open})`);
	else if (last > close) err(r, [...path, 'lastTicket'], `the last ticket (${h.lastTicket}) is after closing (${h.close})`);
	if (!h.breaks || close <= open) return;
	checkIntervals(r, [...path, 'breaks'], 'break', h.breaks, (x) =>
		x.start < open || x.end > close ? `break ${showSpan(x)} is outside opening hours (${h.open}–${h.close})` : undefined
	);
}

function checkDaysDemand(s: Scenario, days: Array<{ day: DayId; hours: Hours }>, r: CrossCheckResult): void {
	const d = s.demand;
	if (d.visitorsPerDay === undefined) err(r, ['demand', 'visitorsPerDay'], 'required with calendar.days');
	else if (!(d.visitorsPerDay > 0)) err(r, ['demand', 'visitorsPerDay'], 'the arrival rate must be positive');
	if (d.ratePerHour !== undefined) err(r, ['demand', 'ratePerHour'], 'not allowed with calendar.days (use demand.visitorsPerDay and demand.profile)');
	if (d.dayFactors && days.every(({ day }) => (d.dayFactors?.[day] ?? 1) === 0)) {
		err(r, ['demand', 'dayFactors'], 'every simulated day has factor 0: no visitor would arrive');
	}
	const p = d.profile;
	if (!p) return err(r, ['demand', 'profile'], 'required with calendar.days');
	if (p.weights.every((w) => w === 0)) return err(r, ['demand', 'profile', 'weights'], 'all weights are zero: no visitor would arrive');
	// Tickets are issued only between opening and the last ticket: some weighted step must fall there on some day.
	const from = parseClock(p.from);
	const reaches = days.some(({ hours }) => ticketTimes(hours).some(([open, last]) => p.weights.some((w, k) => w > 0 && from + k * p.step < last && from + (k + 1) * p.step > open)));
	if (!reaches) {
		const end = formatClock(from + p.weights.length * p.step);
		err(r, ['demand', 'profile'], `the arrival profile (${p.from}–${end}) puts no weight between opening and the last ticket, outside breaks, on any simulated day`);
	}
}

/** When tickets are issued on a day: opening to the last ticket, without its breaks. */
function ticketTimes(h: Hours): Array<[number, number]> {
	let spans: Array<[number, number]> = [[parseClock(h.open), parseClock(h.lastTicket)]];
	for (const [a, b] of (h.breaks ?? []).map(([x, y]) => [parseClock(x), parseClock(y)])) {
		spans = spans.flatMap(([s, e]): Array<[number, number]> => (b <= s || a >= e ? [[s, e]] : ([[s, a], [b, e]] as Array<[number, number]>).filter(([x, y]) => y > x)));
	}
	return spans;
}

function checkDistributions(s: Scenario, r: CrossCheckResult): void {
	s.agencies.forEach((a, i) =>
		a.services.forEach((x, j) => checkDistribution(x.serviceTime, ['agencies', i, 'services', j, 'serviceTime'], true, r))
	);
	if (s.demand.patience) checkDistribution(s.demand.patience, ['demand', 'patience'], true, r);
	if (s.demand.online?.punctuality) checkDistribution(s.demand.online.punctuality, ['demand', 'online', 'punctuality'], false, r);
}

/**
 * Parameters a distribution cannot have. A duration (service time, patience) must be able to be positive and
 * can never be negative; a punctuality offset may be negative.
 */
function checkDistribution(d: Distribution, path: PathSegments, duration: boolean, r: CrossCheckResult): void {
	const at = (field: string | number, ...rest: Array<string | number>) => [...path, field, ...rest];
	const negative = 'a duration cannot be negative';
	switch (d.dist) {
		case 'fixed':
			if (!Number.isFinite(d.value)) err(r, at('value'), 'must be a finite number');
			else if (duration && d.value <= 0) err(r, at('value'), 'a duration must be positive');
			return;
		case 'exponential':
			if (!(d.mean > 0)) err(r, at('mean'), 'must be positive');
			return;
		case 'lognormal':
		case 'gamma':
			if (!(d.mean > 0)) err(r, at('mean'), 'must be positive');
			if (!(d.cv > 0)) err(r, at('cv'), 'must be positive');
			return;
		case 'normal':
			if (!(d.sd >= 0)) err(r, at('sd'), 'must not be negative');
			if (duration && !(d.mean > 0)) err(r, at('mean'), 'must be positive for a duration');
			return;
		case 'uniform':
			if (!(d.min <= d.max)) return err(r, at('max'), `must not be less than min (${d.min})`);
			if (duration && d.min < 0) err(r, at('min'), negative);
			if (duration && !(d.max > 0)) err(r, at('max'), 'a duration must be positive');
			return;
		case 'triangular':
			if (!(d.min < d.max)) return err(r, at('max'), `must be greater than min (${d.min})`);
			if (!(d.min <= d.mode && d.mode <= d.max)) return err(r, at('mode'), `must be between min and max (${d.min}–${d.max})`);
			if (duration && d.min < 0) err(r, at('min'), negative);
			return;
		case 'empirical': {
			d.values.forEach((v, k) => {
				if (!Number.isFinite(v)) err(r, at('values', k), 'must be a finite number');
				else if (duration && v < 0) err(r, at('values', k), negative);
			});
			if (duration && !d.values.some((v) => v > 0)) err(r, at('values'), 'a duration needs at least one positive value');
			return;
		}
	}
}
