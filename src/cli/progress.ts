import type { Progress } from '../lib/workers/pool';

/** Progress on stderr: one rewritten line on a terminal, a few plain lines otherwise (logs stay short). */
export function progressReporter(label: string, quiet = false): { update: (p: Progress) => void; end: () => void } {
	const tty = process.stderr.isTTY === true;
	let lastShown = -1;
	const started = Date.now();
	return {
		update(p) {
			if (quiet) return;
			const pct = Math.floor((100 * p.done) / p.total);
			if (tty) {
				process.stderr.write(`\r${label}: ${p.done}/${p.total} replications (${pct}%)`);
			} else if (pct >= lastShown + 25 || p.done === p.total) {
				lastShown = pct;
				process.stderr.write(`${label}: ${p.done}/${p.total} replications\n`);
			}
		},
		end() {
			if (quiet) return;
			const s = ((Date.now() - started) / 1000).toFixed(1);
			process.stderr.write(`${tty ? '\r' : ''}${label}: done in ${s} s${tty ? '          ' : ''}\n`);
		}
	};
}
