/**
 * Charts as files: a chart's <svg> serialised as a standalone SVG (with its title and caption written into
 * the picture, fonts and a white background set, so it reads the same outside the page), and as a PNG drawn
 * from that SVG on a canvas.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** Splits text into lines of at most `max` characters, at spaces. */
export function wrapText(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/** The standalone SVG text of a chart, with the title above and the caption below the chart. */
export function standaloneSvg(svg: SVGSVGElement, title: string, caption: string): string {
	const box = svg.viewBox.baseVal;
	const width = box && box.width > 0 ? box.width : svg.clientWidth || 600;
	const height = box && box.height > 0 ? box.height : svg.clientHeight || 300;
	const pad = 16;
	const titleH = 30;
	const captionLines = wrapText(caption, Math.max(40, Math.floor(width / 6.4)));
	const captionH = captionLines.length * 16 + 8;
	const W = width + 2 * pad;
	const H = pad + titleH + height + captionH + pad;

	const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
	const root = doc.documentElement as unknown as SVGSVGElement;
	root.setAttribute('xmlns', SVG_NS);
	root.setAttribute('width', String(W));
	root.setAttribute('height', String(H));
	root.setAttribute('viewBox', `0 0 ${W} ${H}`);
	root.setAttribute('font-family', FONT);
	const bg = doc.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', String(W));
	bg.setAttribute('height', String(H));
	bg.setAttribute('fill', '#ffffff');
	root.appendChild(bg);
	const t = doc.createElementNS(SVG_NS, 'text');
	t.setAttribute('x', String(pad));
	t.setAttribute('y', String(pad + 18));
	t.setAttribute('font-size', '17');
	t.setAttribute('font-weight', '600');
	t.setAttribute('fill', '#111827');
	t.textContent = title;
	root.appendChild(t);

	const inner = svg.cloneNode(true) as SVGSVGElement;
	inner.setAttribute('x', String(pad));
	inner.setAttribute('y', String(pad + titleH));
	inner.setAttribute('width', String(width));
	inner.setAttribute('height', String(height));
	inner.removeAttribute('class');
	inner.removeAttribute('style');
	root.appendChild(doc.importNode(inner, true));

	captionLines.forEach((line, i) => {
		const c = doc.createElementNS(SVG_NS, 'text');
		c.setAttribute('x', String(pad));
		c.setAttribute('y', String(pad + titleH + height + 18 + i * 16));
		c.setAttribute('font-size', '12');
		c.setAttribute('fill', '#374151');
		c.textContent = line;
		root.appendChild(c);
	});
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root);
}

/** Renders SVG text to a PNG Blob at `scale` × its size (2 for sharp images on high-density screens and print). */
export function svgToPng(svgText: string, scale = 2): Promise<Blob> {
	return new Promise((resolve, reject) => {
		const img = new Image();
		img.onload = () => {
			const canvas = document.createElement('canvas');
			canvas.width = Math.ceil(img.naturalWidth * scale);
			canvas.height = Math.ceil(img.naturalHeight * scale);
			const ctx = canvas.getContext('2d');
			if (!ctx) return reject(new Error('canvas is not available'));
			ctx.fillStyle = '#ffffff';
			ctx.fillRect(0, 0, canvas.width, canvas.height);
			ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not make the PNG'))), 'image/png');
		};
		img.onerror = () => reject(new Error('could not draw the chart'));
		img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText);
	});
}
