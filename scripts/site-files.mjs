// What the static server, the service worker, the precompressor and their stories agree on
// about the files of a built site.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Extensions worth compressing (images are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.webmanifest']);

/** Whether the file `name` is a precompressed copy (`.br`, `.gz`), not a file of the site. */
export const isCopy = (name) => name.endsWith('.br') || name.endsWith('.gz');

/** Every file under `dir`, as paths that start with `dir`. */
export const filesOf = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? filesOf(join(dir, e.name)) : [join(dir, e.name)]));

/** Whether the build writes a brotli and a gzip copy of `file`: compressible, 1 kB or more, and
 *  not `sw.js`, which is rewritten in place when a site is updated (a copy could go stale). */
export const hasCopies = (file) => !isCopy(file) && !file.endsWith('sw.js')
  && COMPRESSIBLE.has(extname(file)) && statSync(file).size >= 1000;

/** Whether `name` carries its contents' hash (trunk's `-<hash>` before the extension, and the
 *  split's parts): another build never serves other bytes under it, so a browser may keep it
 *  for good, and the service worker may take it from the browser's cache. */
export const isHashed = (name) => /-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css)$/.test(name);
