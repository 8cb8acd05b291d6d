/**
 * A Svelte action reporting an element's content width through a ResizeObserver. Unlike `bind:clientWidth`, it
 * never reads layout synchronously (which forces the browser to lay out the whole page while the dashboard
 * is being built); the width arrives with the observer's first callback, after layout, and is handed on in
 * a task of its own, so drawing a chart never lengthens the browser's rendering step.
 */
export function observeWidth(node: HTMLElement, onWidth: (width: number) => void) {
	let callback = onWidth;
	let last = -1;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const ro = new ResizeObserver((entries) => {
		const w = Math.round(entries[entries.length - 1].contentRect.width);
		if (w > 0 && w !== last) {
			last = w;
			clearTimeout(timer);
			timer = setTimeout(() => callback(last), 0);
		}
	});
	ro.observe(node);
	return {
		update(next: (width: number) => void) {
			callback = next;
		},
		destroy() {
			clearTimeout(timer);
			ro.disconnect();
		}
	};
}
