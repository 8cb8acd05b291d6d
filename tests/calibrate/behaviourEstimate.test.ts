import { describe, expect, it } from 'vitest';
import { estimateBehaviour, estimateExtraService, estimatePatience } from '../../src/lib/calibrate/behaviourEstimate';
import { summarise } from '../../src/lib/calibrate/logSummary';
import { rec } from './records';

const abandoned = (issued: number, left: number) => rec({ issued, called: NaN, start: NaN, end: NaN, counter: '', left, outcome: 'abandoned' });

describe('estimatePatience', () => {
	it('with leave times: censored MLE, mean = (abandoned waits + served waits) / abandonments', () => {
		// Abandoned after 10 and 20 minutes; served after waits of 5, 5 and 10 (censored): (10 + 20 + 5 + 5 + 10) / 2 = 25.
		const s = summarise([abandoned(480, 490), abandoned(500, 520), rec({ issued: 480, called: 485 }), rec({ issued: 490, called: 495 }), rec({ issued: 500, called: 510 })]);
		const p = estimatePatience(s);
		expect(p.patience).toEqual({ dist: 'exponential', mean: 25 });
		expect(p.method).toMatch(/censored maximum likelihood/);
	});

	it('without leave times: mean served wait over the abandonment share', () => {
		// Served waits 6, 6, 12 (mean 8); 1 abandonment in 4 legs: 8 / 0.25 = 32.
		const s = summarise([abandoned(480, NaN), rec({ issued: 480, called: 486 }), rec({ issued: 490, called: 496 }), rec({ issued: 500, called: 512 })]);
		expect(estimatePatience(s).patience).toEqual({ dist: 'exponential', mean: 32 });
		expect(estimatePatience(s).method).toMatch(/no leave times/);
	});

	it('no abandonment: null', () => {
		expect(estimatePatience(summarise([rec()])).patience).toBeNull();
	});
});

describe('estimateExtraService', () => {
	const rows = [rec({ visit: 'a' }), rec({ visit: 'a' }), rec({ visit: 'b' }), rec({ visit: 'c' }), rec({ visit: 'c' }), rec({ visit: 'c' })];

	it('geometric MLE from a visit column: (legs − visits) / served legs', () => {
		// 6 legs, all served, in 3 visits: 3 / 6.
		expect(estimateExtraService(summarise(rows), { visit: 'visit_id' }).p).toBe(0.5);
	});

	it('counts only served legs as trials: a visitor who leaves the queue wants nothing more', () => {
		// Visit d's one leg was abandoned: no trial. 3 further legs over 6 served legs, not over 7 legs.
		const withAbandon = [...rows, { ...abandoned(480, 490), visit: 'd' }];
		expect(estimateExtraService(summarise(withAbandon), { visit: 'visit_id' }).p).toBe(0.5);
	});

	it('repeated tickets link rows too; a log that links nothing cannot tell (null)', () => {
		expect(estimateExtraService(summarise(rows), { ticket: 'no' }).p).toBe(0.5);
		expect(estimateExtraService(summarise([rec(), rec()]), { ticket: 'no' }).p).toBeNull();
		expect(estimateExtraService(summarise([rec(), rec()]), {}).p).toBeNull();
		expect(estimateExtraService(summarise([rec(), rec()]), { visit: 'v' }).p).toBe(0);
	});
});

describe('estimateBehaviour', () => {
	it('shares: abandonment over legs that came, no-shows among online visits, online and priority only with their columns', () => {
		const s = summarise([
			abandoned(480, 490),
			rec({ online: true }),
			rec({ online: true, priority: true }),
			rec({ online: true, outcome: 'no-show', called: NaN, start: NaN, end: NaN }),
			rec({ outcome: 'waiting', called: NaN, start: NaN, end: NaN })
		]);
		const b = estimateBehaviour(s, { channel: 'channel', priority: 'prio' });
		expect(b.abandonShare).toBeCloseTo(1 / 3, 6);
		expect(b.noShowShare).toBeCloseTo(1 / 3, 6);
		expect(b.onlineShare).toBe(0.6);
		expect(b.priorityShare).toBe(0.2);
		const none = estimateBehaviour(s, {});
		expect(none.onlineShare).toBeNull();
		expect(none.priorityShare).toBeNull();
	});
});
