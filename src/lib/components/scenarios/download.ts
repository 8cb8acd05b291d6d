/** Saves text as a file in the browser (the usual hidden-link trick). */
export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
	const blob = new Blob([text], { type: `${mime};charset=utf-8` });
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Scenario JSON as a file would hold it: two-space indentation and a final new line. */
export function scenarioFileText(json: unknown): string {
	return JSON.stringify(json, null, 2) + '\n';
}
