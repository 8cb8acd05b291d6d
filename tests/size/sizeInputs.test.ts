/** The size page's inputs without a browser: defaults, presets, validation, the worker's settings, the wizard's input and kept inputs. */
import { describe, expect, it } from 'vitest';
import { REGENCY_PRESETS } from '../../src/lib/planning/regency';
import {
	defaultPageInputs,
	defaultWizardInputs,
	keptOver,
	keptWhereUntouched,
	regencyInputOf,
	regencySlug,
	runNumbers,
	sizeSettings,
	targetsValid,
	wizardVisitors,
	withPreset
} from '../../src/lib/size/sizeInputs';

describe('size page inputs', () => {
	it('default to the CLI targets and Lebong, and send them as shares', () => {
		const i = defaultPageInputs();
		expect(targetsValid(i)).toBe(true);
		expect(sizeSettings(i)).toEqual({ targets: { waitP90Minutes: 15, abandonRate: 0.02, serviceLevel: null }, seed: 20240611, replications: 20, shared: false });
		expect(sizeSettings({ ...i, useServiceLevel: true, serviceLevelPercent: 80 }).targets.serviceLevel).toBe(0.8);
	});

	it('refuse targets that cannot be searched for', () => {
		const i = defaultPageInputs();
		expect(targetsValid({ ...i, waitP90: 0 })).toBe(false);
		expect(targetsValid({ ...i, waitP90: null })).toBe(false);
		expect(targetsValid({ ...i, abandonPercent: 101 })).toBe(false);
		expect(targetsValid({ ...i, useServiceLevel: true, serviceLevelPercent: null })).toBe(false);
		expect(targetsValid({ ...i, useServiceLevel: false, serviceLevelPercent: null })).toBe(true);
	});

	it('read replications (2–1000) and the seed as whole numbers', () => {
		expect(runNumbers({ replications: 1, seed: 7 })).toEqual({ replications: null, seed: 7 });
		expect(runNumbers({ replications: '30', seed: -1 })).toEqual({ replications: 30, seed: null });
		expect(runNumbers({ replications: 2.5, seed: null })).toEqual({ replications: null, seed: null });
	});
});

describe('the regency wizard', () => {
	it('fills a preset and leaves the hours alone', () => {
		const w = { ...defaultWizardInputs(), open: '07:30', demandBy: 'visitors' as const };
		const seluma = withPreset(w, 'seluma');
		expect(seluma).toMatchObject({ preset: 'seluma', regencyName: 'Seluma', population: 207_877, demandBy: 'population', open: '07:30' });
		expect(seluma.agencies).toEqual(REGENCY_PRESETS[1].agencies);
		expect(withPreset(w, 'custom')).toEqual({ ...w, preset: 'custom' });
	});

	it('turns its answers into the regency input', () => {
		const w = { ...defaultWizardInputs(), regencyName: '  Rejang Lebong ', fridayBreak: false };
		expect(regencyInputOf(w)).toMatchObject({ id: 'rejang-lebong', name: 'Rejang Lebong', population: 106_293, hours: { open: '08:00', fridayBreak: null } });
		expect(regencyInputOf({ ...w, demandBy: 'visitors', visitorsPerDay: 150 })).toMatchObject({ visitorsPerDay: 150 });
		expect(regencyInputOf({ ...w, demandBy: 'visitors', visitorsPerDay: 150 })).not.toHaveProperty('population');
		expect(regencySlug('—')).toBe('kabupaten');
	});

	it('says the visitors a day its answers give, NaN without any', () => {
		expect(wizardVisitors(defaultWizardInputs())).toBeCloseTo(120.9, 1);
		expect(wizardVisitors({ ...defaultWizardInputs(), population: null })).toBeNaN();
		expect(wizardVisitors({ ...defaultWizardInputs(), demandBy: 'visitors', visitorsPerDay: 99 })).toBe(99);
	});
});

describe('keptOver', () => {
	it('takes kept fields of the right type and keeps the defaults for the rest', () => {
		const d = defaultPageInputs();
		const kept = { ...d, waitP90: 10, salary: null, shared: 'yes', ref: 42, extra: 1, replications: '30' };
		expect(keptOver(d, kept)).toEqual({ ...d, waitP90: 10, salary: null });
		expect(keptOver(d, null)).toEqual(d);
		const w = defaultWizardInputs();
		expect(keptOver(w, { agencies: ['dukcapil', 3] })).toEqual(w);
		expect(keptOver(w, { agencies: ['dukcapil'] }).agencies).toEqual(['dukcapil']);
	});
});

describe('keptWhereUntouched', () => {
	it('takes the kept value of each field the user left alone, the user’s of the others', () => {
		const before = defaultPageInputs();
		const now = { ...before, source: 'wizard' as const };
		const kept = { ...before, source: 'existing' as const, waitP90: 9 };
		expect(keptWhereUntouched(now, before, kept)).toEqual({ ...before, source: 'wizard', waitP90: 9 });
		const w = defaultWizardInputs();
		expect(keptWhereUntouched({ ...w, agencies: ['pln'] }, w, { ...w, agencies: ['bpn'], population: 5 })).toEqual({ ...w, agencies: ['pln'], population: 5 });
	});
});
