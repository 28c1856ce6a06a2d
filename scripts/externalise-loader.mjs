// trunk post_build hook: move trunk's inline module loader into its own file, so the page's
// Content-Security-Policy can say script-src 'self' with no 'unsafe-inline' and no nonce.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalise-loader: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, body) => {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `loader-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  count += 1;
  return `<script type="module" src="./${name}"></script>`;
});
html = html.replace(/\snonce="[^"]*"/g, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('externalise-loader: an inline script is left in index.html');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`externalise-loader: moved ${count} inline loader(s) to files`);
