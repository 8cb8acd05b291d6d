/** Saves a Blob as a file through a temporary object URL and a download link (works offline, no server). */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.appendChild(a);
	a.click();
	a.remove();
	// Give the browser time to start the download before the URL goes away.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text as a file (CSV, SVG, …). */
export function saveText(text: string, filename: string, type: string): void {
	saveBlob(new Blob([text], { type }), filename);
}

/** A file-name-safe form of a scenario id or name. */
export function fileStem(s: string): string {
	const stem = s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase();
	return stem || 'mpp';
}
