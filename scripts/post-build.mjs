// trunk post_build hook: the steps after a build, in this order (trunk starts the hooks of one
// stage at the same time, and the service worker must list the loader's file).
import './externalise-loader.mjs';
import './service-worker.mjs';
