#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:${PORT:-8080}.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

setup_rust
setup_npm
setup_wasm_bindgen
setup_trunk
build_release
step "Serving dist/"
exec node scripts/serve-dist.mjs dist "${PORT:-8080}"
