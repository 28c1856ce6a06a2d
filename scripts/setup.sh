# Shared set-up for serve.sh and test.sh (sourced, not run). Every step checks first and
# installs only what is missing, so a second run is fast. Needs rustup, cargo and npm.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14
# A CI run builds everything once: incremental caches would only fill its disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\n\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is required but not installed. $2"
}

setup_rust() {
  need rustup "Install Rust with rustup first (https://rustup.rs)."
  need cargo "Install Rust with rustup first."
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
    step "Adding clippy and rustfmt"
    rustup component add clippy rustfmt
  fi
}

setup_trunk() {
  setup_wasm_split
  if trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then return; fi
  step "Installing trunk $TRUNK_VERSION (compiles from source: about 6 to 20 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

# wasm-split-cli cuts the release wasm in two (scripts/split.mjs, run by trunk's hook). Its
# version reads the split points of the wasm_split_helpers crate in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
setup_wasm_split() {
  # The tool has no --version; cargo's own list of installed crates says which one is there.
  if command -v wasm-split-cli >/dev/null 2>&1 \
    && cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then return; fi
  step "Installing wasm-split-cli $WASM_SPLIT_VERSION (compiles from source: about a minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
}

# The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
setup_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$want" ] || die "could not read the wasm-bindgen version from Cargo.lock"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then return; fi
  step "Installing wasm-bindgen-cli $want (compiles from source: a few minutes, once)"
  # Without --locked: its own lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$want"
}

# wasm-opt (npm binaryen) and Playwright, pinned by package-lock.json. Browsers are never
# downloaded: the tests use Debian's Chromium.
setup_npm() {
  need npm "Install Node.js and npm (Debian: apt-get install nodejs npm)."
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  step "Installing npm tools from package-lock.json (wasm-opt, Playwright)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
}

setup_chromium() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then return; fi
  step "Installing Debian's Chromium and ChromeDriver"
  $SUDO apt-get update
  $SUDO apt-get install -y chromium chromium-driver
}

build_release() {
  step "Building the release app (trunk build --release --offline)"
  trunk build --release --offline
}
