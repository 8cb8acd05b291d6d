import type { Scenario } from '../model/scenario';
import { resolveServes } from '../model/serves';
import { defaultProfile } from './profiles';
import type { EngineConfig } from './types';

/**
 * The engine's view of a validated scenario: each agency's ticket prefix and services, each counter's (agency,
 * service) pairs and work profile, defaulted by the policy when the scenario gives none. The simulator builds the
 * same in compileScenario; a live hall (Desk.fromScenario) needs it without the simulator's samplers and days.
 */
export function engineConfigOf(scenario: Scenario): EngineConfig {
	return {
		agencies: scenario.agencies.map((a) => ({ id: a.id, ticketPrefix: a.ticketPrefix, services: a.services.map((s) => s.id) })),
		counters: scenario.counters.map((c) => ({
			id: c.id,
			serves: resolveServes(scenario, c),
			profile: c.profile ?? defaultProfile(scenario.policy.order)
		}))
	};
}

/**
 * What is wrong with a configuration for a hall run live, one sentence each (none: it may run). The engine itself is
 * total — it ignores a pair or profile entry naming nothing, as a validated scenario has none — but a live hall built
 * from hand-written configuration should hear of them, and of clashing ids or prefixes, which would make a ticket
 * number or a counter id name two things.
 */
export function configProblems(config: EngineConfig): string[] {
	const problems: string[] = [];
	if (config.agencies.length === 0) problems.push('a hall needs at least one agency');
	if (config.counters.length === 0) problems.push('a hall needs at least one counter');
	const services = new Set<string>();
	const agencies = new Set<string>();
	const prefixes = new Map<string, string>();
	for (const a of config.agencies) {
		if (agencies.has(a.id)) problems.push(`agency "${a.id}" is listed twice`);
		agencies.add(a.id);
		const clash = prefixes.get(a.ticketPrefix);
		if (a.ticketPrefix === '') problems.push(`agency "${a.id}" has an empty ticket prefix`);
		else if (clash !== undefined) problems.push(`agencies "${clash}" and "${a.id}" share the ticket prefix "${a.ticketPrefix}": their ticket numbers would clash`);
		else prefixes.set(a.ticketPrefix, a.id);
		if (a.services.length === 0) problems.push(`agency "${a.id}" has no services`);
		for (const s of a.services) {
			if (services.has(`${a.id}/${s}`)) problems.push(`agency "${a.id}" lists service "${s}" twice`);
			services.add(`${a.id}/${s}`);
		}
	}
	const counters = new Set<string>();
	for (const c of config.counters) {
		if (counters.has(c.id)) problems.push(`counter "${c.id}" is listed twice`);
		counters.add(c.id);
		for (const s of c.serves) if (!services.has(`${s.agency}/${s.service}`)) problems.push(`counter "${c.id}" serves unknown service "${s.agency}/${s.service}"`);
		for (const entry of c.profile) {
			const known = entry === 'priority' || entry === '*' || (entry.includes('/') ? services.has(entry) : agencies.has(entry));
			if (!known) problems.push(`counter "${c.id}" has work-profile entry "${entry}", which names no agency or service`);
		}
	}
	return problems;
}
