/** What a report's cover states: the targets it judges against and the scenario notes as assumptions. */
import { describe, expect, it } from 'vitest';
import { assumptionParagraphs, runTargets, sizingTargets } from '../../../src/lib/components/report/reportData';
import type { Scenario } from '../../../src/lib/model/scenario';
import { mustParse } from '../../fixtures/scenarios';
import { morningHall } from '../../planning/fixtures';

const hall: Scenario = mustParse(morningHall({ visitorsPerDay: 120 }));

describe('report targets and assumptions', () => {
	it("judges a run by the run page's rule: P90 wait within the scenario's service-level minutes, and mpp size's abandonment", () => {
		const s: Scenario = { ...hall, policy: { ...hall.policy, serviceLevelMinutes: 20 } };
		expect(runTargets(s)).toEqual({ serviceLevelMinutes: 20, waitP90Minutes: 20, abandonRate: 0.02, serviceLevel: null });
	});

	it("states a sizing's own targets with the scenario's service-level minutes", () => {
		expect(sizingTargets(hall, { waitP90Minutes: 10, abandonRate: 0.05, serviceLevel: 0.8 })).toEqual({
			waitP90Minutes: 10,
			abandonRate: 0.05,
			serviceLevel: 0.8,
			serviceLevelMinutes: hall.policy.serviceLevelMinutes
		});
	});

	it('splits notes into paragraphs at blank lines, keeping single line breaks, and has none for empty notes', () => {
		expect(assumptionParagraphs('Sumber: A.\nBaris dua.\n\n  \nAsumsi: B.  ')).toEqual(['Sumber: A.\nBaris dua.', 'Asumsi: B.']);
		expect(assumptionParagraphs(undefined)).toEqual([]);
		expect(assumptionParagraphs('  \n\n ')).toEqual([]);
	});
});
