// trunk post_build step (after the service worker is written): a brotli (`.br`, quality 11) and
// a gzip (`.gz`, level 9) copy beside every compressible file of 1 kB or more, so a static host
// that serves precompressed files (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`)
// sends the smallest one without compressing on each request. Brotli makes the wasm about a
// quarter smaller than gzip: a second less on a classroom's 180 kB/s.
// Also usable on a built dist/: node scripts/precompress.mjs DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { filesOf, hasCopies } from './site-files.mjs';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: give a directory, or run through trunk (TRUNK_STAGING_DIR)');
  process.exit(1);
}
let before = 0, br = 0, gz = 0;
for (const file of filesOf(dir)) {
  if (!hasCopies(file)) continue;
  const body = readFileSync(file);
  const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const g = gzipSync(body, { level: 9 });
  writeFileSync(`${file}.br`, b);
  writeFileSync(`${file}.gz`, g);
  before += body.length; br += b.length; gz += g.length;
}
console.log(`precompress: ${(before / 1000).toFixed(0)} kB → brotli ${(br / 1000).toFixed(0)} kB, gzip ${(gz / 1000).toFixed(0)} kB`);
