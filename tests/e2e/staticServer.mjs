// A minimal static file server for the built site (build/), as any web server would host it: `/run` is
// `run.html`, `/` is `index.html`, everything else is a file or a 404. Used by the real-browser suite.
// Usage: node tests/e2e/staticServer.mjs <root> <port>   (prints "listening <url>" when ready)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.argv[3] ?? 0);

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.webmanifest': 'application/manifest+json'
};

async function isFile(path) {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/** The file for a URL path, or null: the path itself, then `<path>.html`, then `<path>/index.html`. */
async function resolveFile(urlPath) {
	let decoded;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	const rel = normalize(decoded).replace(/^([/\\])+/, '');
	const base = join(root, rel);
	if (base !== root && !base.startsWith(root + sep)) return null; // no escaping the root
	const candidates = decoded.endsWith('/') ? [join(base, 'index.html')] : [base, `${base}.html`, join(base, 'index.html')];
	for (const c of candidates) if (await isFile(c)) return c;
	return null;
}

const server = createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const file = await resolveFile(url.pathname);
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('not found');
		return;
	}
	const body = await readFile(file);
	res.writeHead(200, {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': 'no-cache'
	});
	res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, '127.0.0.1', () => {
	const addr = server.address();
	process.stdout.write(`listening http://127.0.0.1:${addr.port}\n`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));
