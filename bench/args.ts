/** The command line of `npm run bench` (`npm run bench -- --peers --long --only whole`). */

/** The bench's parts: whole-process runs of the built CLI, SimPy beside them, the in-process event rates. */
export type Part = 'whole' | 'peers' | 'inprocess';

export interface BenchArgs {
	parts: Set<Part>;
	/** Run the long memory measure (100,000 Kota Bengkulu replications): several minutes on two cores. */
	long: boolean;
	/** Rounds of the whole-process measures (each round runs every measure once, in alternating order). */
	rounds: number;
}

export const usage = `usage: npm run bench -- [--peers] [--long] [--only whole|peers|inprocess[,…]] [--rounds N]
  (default)   whole-process runs of the built CLI, then the in-process event rates
  --peers     also SimPy 3 on the same M/M/10 model, alternating with mpp's runs
  --long      also 100,000 Kota Bengkulu replications (peak memory; several minutes on 2 cores)
  --only P    run only the named parts (comma-separated; --only peers implies --peers)
  --rounds N  rounds of the whole-process measures (default 3)`;

const PARTS: Part[] = ['whole', 'peers', 'inprocess'];

/** Parses the bench's arguments; throws with a one-line message on anything it does not know. */
export function parseArgs(argv: string[]): BenchArgs {
	let only: Part[] | undefined;
	let peers = false;
	let long = false;
	let rounds = 3;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		// Accept both `--only whole` and `--only=whole`.
		const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
		const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
		if (flag === '--peers') peers = true;
		else if (flag === '--long') long = true;
		else if (flag === '--only') only = value().split(',').map(part);
		else if (flag === '--rounds') rounds = count(value());
		else fail(`unknown argument ${a}`);
	}
	const parts = new Set<Part>(only ?? ['whole', 'inprocess']);
	if (peers) parts.add('peers');
	return { parts, long, rounds };
}

function part(s: string): Part {
	return PARTS.includes(s as Part) ? (s as Part) : fail(`--only: "${s}" is not one of ${PARTS.join(', ')}`);
}

function count(s: string): number {
	const n = Number(s);
	return Number.isInteger(n) && n >= 1 ? n : fail(`--rounds: "${s}" is not a positive whole number`);
}

function fail(message: string): never {
	throw new Error(message);
}
