/** A compiled work-profile entry: which service queues it looks at, and whether only the priority class. */
export interface ProfileEntry {
	label: string;
	priorityOnly: boolean;
	/** Service indices, in scenario order, restricted to what the counter serves. */
	services: Int32Array;
	/** The engine's line for this entry (entries alike share one); -1 until the engine assigns it. */
	line: number;
}

/** The default work profile for a policy (DESIGN.md: priority-first → ["priority", "*"], fifo → ["*"]). */
export function defaultProfile(order: 'priority-first' | 'fifo'): string[] {
	return order === 'priority-first' ? ['priority', '*'] : ['*'];
}

/**
 * Compiles a counter's profile against the service table.
 * `serviceKeys[i]` is "agency/service" of service i, `agencyOf[i]` its agency; `serves[i]` whether the counter may serve it.
 * Entries naming nothing the counter serves compile to an empty list (validation reports them; the engine stays total).
 */
export function compileProfile(
	profile: readonly string[],
	serviceKeys: readonly string[],
	agencyOf: readonly string[],
	serves: Uint8Array
): ProfileEntry[] {
	const served: number[] = [];
	for (let i = 0; i < serves.length; i++) if (serves[i]) served.push(i);
	return profile.map((label) => {
		let list: number[];
		if (label === 'priority') list = served;
		else if (label === '*') list = served;
		else if (label.includes('/')) list = served.filter((i) => serviceKeys[i] === label);
		else list = served.filter((i) => agencyOf[i] === label);
		return { label, priorityOnly: label === 'priority', services: Int32Array.from(list), line: -1 };
	});
}
