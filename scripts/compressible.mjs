// What the static server, the service worker and the precompressor agree on.

/** Extensions worth compressing (images are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.webmanifest']);

/** Whether the file `name` is a precompressed copy (`.br`, `.gz`), not a file of the site. */
export const isCopy = (name) => name.endsWith('.br') || name.endsWith('.gz');
