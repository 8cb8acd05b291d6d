/** Finding a scenario field on the editor page by its JSON path (for the error summary's links). Browser only. */
import { fieldId, splitPath } from '../components/editor/paths';
import { formatPath } from '../model';

/**
 * Scrolls to the field at `path` and focuses it when it takes focus. A path with no element of its own (a list
 * item without fields shown, say) goes to the nearest enclosing path that has one.
 */
export function focusField(path: string): void {
	let segs = splitPath(path);
	let el: HTMLElement | null = null;
	while (!el) {
		const p = formatPath(segs);
		el = document.getElementById(fieldId(p)) ?? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
		if (segs.length === 0) break;
		segs = segs.slice(0, -1);
	}
	if (!el) return;
	el.scrollIntoView({ block: 'center', behavior: 'smooth' });
	if (el.matches('input, select, textarea, button')) el.focus({ preventScroll: true });
}
