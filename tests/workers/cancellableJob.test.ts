import { describe, expect, it } from 'vitest';
import { cancellableJob, type Settle } from '../../src/lib/workers/cancellableJob';

class Cancelled extends Error {}

/** A job whose settle function the test keeps, with a log of its cleanups. */
function job(signal?: AbortSignal) {
	const cleanups: boolean[] = [];
	let settle: Settle<number> = () => {
		throw new Error('not started');
	};
	let settled: () => boolean = () => false;
	let started = false;
	const promise = cancellableJob<number>({
		signal,
		cancelled: () => new Cancelled(),
		cleanup: (failed) => cleanups.push(failed),
		start: (s, isSettled) => {
			started = true;
			settle = s;
			settled = isSettled;
		}
	});
	return { promise, cleanups, settle: (err?: Error, v?: number) => settle(err, v), settled: () => settled(), started: () => started };
}

describe('cancellableJob', () => {
	it('resolves with the value, cleans up once as a success, and ignores later settles', async () => {
		const j = job();
		expect(j.settled()).toBe(false);
		j.settle(undefined, 42);
		j.settle(new Error('late'));
		j.settle(undefined, 7);
		await expect(j.promise).resolves.toBe(42);
		expect(j.settled()).toBe(true);
		expect(j.cleanups).toEqual([false]);
	});

	it('rejects with the first error and cleans up once as a failure', async () => {
		const j = job();
		j.settle(new Error('worker failed'));
		j.settle(undefined, 1);
		await expect(j.promise).rejects.toThrow('worker failed');
		expect(j.cleanups).toEqual([true]);
	});

	it('an abort rejects with the cancelled error, and a result after it is ignored', async () => {
		const ac = new AbortController();
		const j = job(ac.signal);
		ac.abort();
		j.settle(undefined, 5);
		await expect(j.promise).rejects.toBeInstanceOf(Cancelled);
		expect(j.cleanups).toEqual([true]);
	});

	it('a signal aborted before the start rejects at once and never starts the work', async () => {
		const ac = new AbortController();
		ac.abort();
		const j = job(ac.signal);
		await expect(j.promise).rejects.toBeInstanceOf(Cancelled);
		expect(j.started()).toBe(false);
		expect(j.cleanups).toEqual([true]);
	});

	it('leaves no abort listener behind once settled', async () => {
		const listeners = new Set<unknown>();
		const signal = {
			aborted: false,
			addEventListener: (_: string, f: unknown) => listeners.add(f),
			removeEventListener: (_: string, f: unknown) => listeners.delete(f)
		} as unknown as AbortSignal;
		const ok = job(signal);
		expect(listeners.size).toBe(1);
		ok.settle(undefined, 1);
		await ok.promise;
		const failed = job(signal);
		failed.settle(new Error('x'));
		await failed.promise.catch(() => {});
		expect(listeners.size).toBe(0);
	});
});
