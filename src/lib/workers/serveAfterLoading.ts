/// <reference lib="webworker" />
/**
 * The start of a Web Worker whose work needs the simulator. simjs loads with a top-level await
 * (sim/calendar.ts), and a module worker whose module graph is still awaiting has no `onmessage` yet: messages
 * that arrive then are dropped. So the worker listens first, keeps the requests that arrive early, loads its
 * work (`load`, with dynamic imports), then answers them in order. If loading fails, every request is answered
 * with `failed(message)`.
 */
export function serveAfterLoading<Request, Reply>(
	load: (post: (msg: Reply) => void) => Promise<(req: Request) => void>,
	failed: (message: string) => Reply
): void {
	const scope = self as unknown as DedicatedWorkerGlobalScope;
	const post = (msg: Reply) => scope.postMessage(msg);
	const early: Request[] = [];
	let handle: ((req: Request) => void) | null = null;
	scope.onmessage = (e: MessageEvent<Request>) => {
		if (handle) handle(e.data);
		else early.push(e.data);
	};
	const start = (h: (req: Request) => void) => {
		handle = h;
		for (const req of early.splice(0)) h(req);
	};
	load(post).then(start, (err: unknown) => {
		const message = `the simulator could not load: ${err instanceof Error ? err.message : String(err)}`;
		start(() => post(failed(message)));
	});
}
