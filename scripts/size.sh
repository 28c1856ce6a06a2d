#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -11 bytes of every file in dist/ (not the build's .br and .gz
# copies, which the last two columns stand for) and the total.
# Build first (scripts/serve.sh or trunk build --release --offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -d dist ] || { echo "dist/ is missing: build the release app first" >&2; exit 1; }
node --input-type=module - dist <<'JS'
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
const root = process.argv[2];
const files = [];
const walk = (d) => readdirSync(d).forEach((f) => {
  const p = join(d, f);
  statSync(p).isDirectory() ? walk(p) : files.push(p);
});
walk(root);
// The build's own .br and .gz copies are what the last two columns measure.
files.splice(0, files.length, ...files.filter((f) => !/\.(br|gz)$/.test(f)).sort());
const total = [0, 0, 0];
const row = (name, a) => console.log(name.padEnd(48), ...a.map((x) => String(x).padStart(10)));
row('file', ['raw', 'gzip-9', 'brotli-11']);
for (const f of files) {
  const b = readFileSync(f);
  const sizes = [b.length, gzipSync(b, { level: 9 }).length,
    brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  sizes.forEach((s, i) => (total[i] += s));
  row(relative(root, f), sizes);
}
row('total', total);
JS
