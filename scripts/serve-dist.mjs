// Serves dist/ on 127.0.0.1 with correct MIME types, compressed as a good static host does
// (the build's brotli copy where the browser takes brotli, else gzip; so load figures are real)
// and the same Content-Security-Policy as the page's meta tag, as a header too. No dependencies:
// node alone.
// Usage: node scripts/serve-dist.mjs [DIR] [PORT]   (PORT 0 picks a free port; the URL is printed)
// COGOVERN_ENCODING=gzip serves gzip only (a host without brotli); COGOVERN_LOG=1 prints each
// request ("GET /path"), for stories that count what a visit downloads.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE, isHashed } from './site-files.mjs';

const root = resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const brotli = process.env.COGOVERN_ENCODING !== 'gzip';
const gzipped = new Map();
const indexHtml = await readFile(join(root, 'index.html'), 'utf8');
const csp = (indexHtml.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/) || [])[1];

const server = createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (process.env.COGOVERN_LOG) console.log(`${req.method} ${path}`);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    // A rebuilt file may keep its length (sw.js does): its time tells the versions apart.
    const { mtimeMs } = await stat(file);
    const headers = {
      'Content-Type': types[extname(file)] || 'application/octet-stream',
      // Files named by their contents may be kept for good; the rest is checked each time.
      'Cache-Control': isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (csp) headers['Content-Security-Policy'] = csp;
    const accepts = req.headers['accept-encoding'] || '';
    if (COMPRESSIBLE.has(extname(file))) headers.Vary = 'Accept-Encoding';
    // The build's brotli copy, unless the file changed after it was made.
    const copy = brotli && /\bbr\b/.test(accepts) && COMPRESSIBLE.has(extname(file)) && (await stat(`${file}.br`).catch(() => null));
    if (copy && copy.mtimeMs >= mtimeMs) {
      headers['Content-Encoding'] = 'br';
      res.writeHead(200, headers).end(await readFile(`${file}.br`));
      return;
    }
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(accepts)) {
      const key = `${file}:${body.length}:${mtimeMs}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
      headers['Content-Encoding'] = 'gzip';
      res.writeHead(200, headers).end(gzipped.get(key));
      return;
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(`cogovern is served at http://127.0.0.1:${server.address().port}/ (Ctrl+C stops)`);
});
