// trunk post_build hook: the steps after a build, in this order (trunk starts the hooks of one
// stage at the same time; the split rewrites the wasm, the JS and the inline loader; the loader
// is then moved to a file; the service worker must list every file; and the compressed copies
// are made of the final files).
import './split.mjs';
import './externalise-loader.mjs';
import './service-worker.mjs';
import './precompress.mjs';
