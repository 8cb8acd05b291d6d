/**
 * Output files written all or nothing: each is written under a temporary name in the output folder and renamed
 * into place only when every one is complete, so a run that fails half way leaves the folder as it was.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cliError';
import { whenInterrupted } from './interrupt';

export class OutFiles {
	private readonly pending = new Map<string, string>();
	/** Takes the temporary files away if mpp is interrupted before they are put in place or discarded. */
	private readonly forget = whenInterrupted(() => this.discard());

	constructor(readonly dir: string) {}

	/** Writes the files `fill` writes into `dir`, all or none (a failure discards them and rethrows); their names. */
	static all(dir: string, fill: (out: OutFiles) => void): string[] {
		const out = new OutFiles(dir);
		try {
			fill(out);
			return out.commit();
		} catch (e) {
			out.discard();
			throw e;
		}
	}

	/** Writes one file at `path` the same way: a failed write leaves the file that was there as it was. */
	static one(path: string, data: string | Uint8Array): void {
		OutFiles.all(dirname(path), (out) => out.write(basename(path), data));
	}

	private temp(name: string): string {
		const tmp = join(this.dir, `.${name}.${process.pid}.tmp`);
		this.pending.set(name, tmp);
		return tmp;
	}

	/** Opens `name` for appending in pieces (a CSV written as replications arrive); returns a writer. */
	stream(name: string): { write: (data: string | Uint8Array) => void; close: () => void } {
		const fd = this.guard(name, () => openSync(this.temp(name), 'w'));
		return {
			write: (data) => this.guard(name, () => writeAll(fd, typeof data === 'string' ? Buffer.from(data) : data)),
			close: () => closeSync(fd)
		};
	}

	/** Writes the whole of `name`. */
	write(name: string, data: string | Uint8Array): void {
		const w = this.stream(name);
		try {
			w.write(data);
		} finally {
			w.close();
		}
	}

	/** Puts every written file in place. */
	commit(): string[] {
		const names = [...this.pending.keys()];
		for (const [name, tmp] of this.pending) this.guard(name, () => renameSync(tmp, join(this.dir, name)));
		this.pending.clear();
		this.forget();
		return names;
	}

	/** Removes what was written (after a failure): the folder is left as it was. */
	discard(): void {
		for (const tmp of this.pending.values()) rmSync(tmp, { force: true });
		this.pending.clear();
		this.forget();
	}

	private guard<T>(name: string, f: () => T): T {
		try {
			return f();
		} catch (e) {
			throw new CliError(`${join(this.dir, name)}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
		}
	}
}

/** Writes every byte: writeSync may write fewer than it was given, and says how many. */
function writeAll(fd: number, bytes: Uint8Array): void {
	for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}
