// trunk post_build hook: the steps after a build, in this order (trunk starts the hooks of one
// stage at the same time, the service worker must list the loader's file, and the compressed
// copies are made of the final files).
import './externalise-loader.mjs';
import './service-worker.mjs';
import './precompress.mjs';
