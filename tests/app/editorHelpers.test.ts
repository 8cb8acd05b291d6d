import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/model';
import { toContinuous, toDays } from '../../src/lib/components/editor/calendarMode';
import { normaliseForEditing } from '../../src/lib/components/editor/draft';
import { countUnder, describePath, fieldId, groupByPath, isUnder, splitPath, topIndex } from '../../src/lib/components/editor/paths';
import { removeAgencyReferences, renameAgencyReferences, renameServiceReferences } from '../../src/lib/components/editor/references';
import { subtract, timelineRange, timelineRows, dayHours } from '../../src/lib/components/editor/timeline';
import lebong from '../../scenarios/lebong.json';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('paths', () => {
	it('makes unique, selector-safe ids', () => {
		expect(fieldId('counters[3].serves[0]')).toBe('f-counters-3-serves-0');
		expect(fieldId('counters[3].serves')).not.toBe(fieldId('counters[3].serves[0]'));
		expect(fieldId('')).toBe('f-root');
	});

	it('knows what lies under a path', () => {
		expect(isUnder('counters[2].serves[0]', 'counters[2]')).toBe(true);
		expect(isUnder('counters[20].id', 'counters[2]')).toBe(false);
		expect(isUnder('calendar', 'calendar')).toBe(true);
		expect(countUnder(['agencies[0].id', 'agencies[0].services[1].weight', 'agencies[1].id'], 'agencies[0]')).toBe(2);
		expect(topIndex('agencies[4].services[0]', 'agencies')).toBe(4);
		expect(topIndex('counters[1]', 'agencies')).toBeUndefined();
	});

	it('splits path text back into segments', () => {
		expect(splitPath('counters[3].serves[0]')).toEqual(['counters', 3, 'serves', 0]);
		expect(splitPath('demand.dayFactors["a b"]')).toEqual(['demand', 'dayFactors', 'a b']);
	});

	it('groups errors by path', () => {
		const g = groupByPath([
			{ path: 'a', message: '1' },
			{ path: 'a', message: '2' },
			{ path: 'b', message: '3' }
		]);
		expect(g.get('a')).toEqual(['1', '2']);
		expect(g.get('b')).toEqual(['3']);
	});

	it('describes a path with the ids of list items', () => {
		const labels: Record<string, string> = { counters: 'Loket', serves: 'Melayani' };
		expect(describePath('counters[0].serves[1]', lebong, (k) => labels[k])).toBe(`Loket › “${lebong.counters[0].id}” › Melayani › #2`);
	});
});

describe('references', () => {
	const counters = () => [
		{ serves: ['dukcapil', 'samsat/pkb'], profile: ['priority', 'dukcapil/kk', 'samsat'] },
		{ serves: ['bapenda'] }
	];
	it('renames an agency in serves and profiles', () => {
		const c = counters();
		renameAgencyReferences(c, 'dukcapil', 'capil');
		expect(c[0]).toEqual({ serves: ['capil', 'samsat/pkb'], profile: ['priority', 'capil/kk', 'samsat'] });
		expect(c[1]).toEqual({ serves: ['bapenda'] });
	});
	it('renames one service only', () => {
		const c = counters();
		renameServiceReferences(c, 'samsat', 'pkb', 'pajak');
		expect(c[0].serves).toEqual(['dukcapil', 'samsat/pajak']);
		expect(c[0].profile).toEqual(['priority', 'dukcapil/kk', 'samsat']);
	});
	it('removes an agency everywhere', () => {
		const c = counters();
		removeAgencyReferences(c, 'samsat');
		expect(c[0]).toEqual({ serves: ['dukcapil'], profile: ['priority', 'dukcapil/kk'] });
	});
});

describe('calendar modes', () => {
	it('switches to the continuous hall (valid) and back to exactly what it was', () => {
		const s = copy(lebong) as unknown as Record<string, unknown>;
		const stash = toContinuous(s);
		const cont = parseScenario(s);
		expect(cont.ok ? [] : cont.errors).toEqual([]);
		expect((s.demand as Record<string, unknown>).ratePerHour).toBeGreaterThan(0);
		toDays(s, stash);
		expect(s).toEqual(lebong);
	});
});

describe('timeline', () => {
	it('subtracts breaks from opening hours', () => {
		expect(subtract({ start: 480, end: 930 }, [{ start: 690, end: 780 }])).toEqual([
			{ start: 480, end: 690 },
			{ start: 780, end: 930 }
		]);
		expect(subtract({ start: 480, end: 600 }, [{ start: 400, end: 700 }])).toEqual([]);
	});

	it('gives each counter its shifts, or the opening hours minus breaks', () => {
		const hours = dayHours({ open: '08:00', lastTicket: '14:30', close: '15:30', breaks: [['11:30', '13:00']] })!;
		const rows = timelineRows(
			[
				{ id: 'L1', serves: ['a/x'], shifts: [['13:00', '15:30'], ['08:00', '12:00']] },
				{ id: 'L2', serves: ['b'] }
			],
			hours
		);
		expect(rows[0]).toMatchObject({ id: 'L1', agency: 'a', ownShifts: true, spans: [{ start: 480, end: 720 }, { start: 780, end: 930 }] });
		expect(rows[1]).toMatchObject({ id: 'L2', agency: 'b', ownShifts: false, spans: [{ start: 480, end: 690 }, { start: 780, end: 930 }] });
		expect(timelineRange(hours, rows)).toEqual({ start: 480, end: 960 });
	});

	it('ignores times that are not valid yet', () => {
		expect(dayHours({ open: '8', close: '15:00' })).toBeUndefined();
		const hours = dayHours({ open: '08:00', lastTicket: '14:00', close: '15:00' })!;
		expect(timelineRows([{ id: 'L1', serves: [], shifts: [['09:00', ''], ['10:00', '09:00']] }], hours)[0].spans).toEqual([]);
	});
});

describe('normaliseForEditing', () => {
	it('adds the policy and run objects with the format defaults, and nothing else', () => {
		const s = copy(lebong) as Record<string, unknown>;
		delete s.policy;
		delete s.run;
		const n = normaliseForEditing(s);
		expect(n.policy).toEqual({ order: 'priority-first', serviceLevelMinutes: 15, tieBreak: 'longest-idle' });
		expect(n.run).toEqual({ replications: 30, seed: 1, warmupMinutes: 0 });
		const parsedBefore = parseScenario(s);
		const parsedAfter = parseScenario(n);
		expect(parsedBefore.ok && parsedAfter.ok && parsedAfter.scenario).toEqual(parsedBefore.ok && parsedBefore.scenario);
	});
});
